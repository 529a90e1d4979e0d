import type { Diagnostic, SourceSpan } from "@toolchain/compiler";
import type { PySyntaxError } from "./syntax-error.js";

/**
 * A Python syntax error as a diagnostic for the shared renderer. CPython's positions are already
 * what the renderer wants (1-based lines, 1-based character columns, exclusive end); an end that
 * CPython leaves unset or before the start becomes a point, drawn as one caret.
 */
export function syntaxErrorDiagnostic(error: PySyntaxError): Diagnostic {
  const line = Math.max(error.lineno, 1);
  const column = Math.max(error.offset, 1);
  const hasExtent = error.endLineno > line || (error.endLineno === line && error.endOffset > column);
  const primary: SourceSpan = {
    file: error.filename,
    line,
    column,
    endLine: hasExtent ? error.endLineno : line,
    endColumn: hasExtent ? error.endOffset : column,
    // With a related place shown, say which mark is which.
    ...(error.related !== null ? { label: "here" } : {}),
  };
  const secondary: SourceSpan[] = [];
  if (error.related !== null) {
    const relatedLine = Math.max(error.related.lineno, 1);
    const relatedColumn = Math.max(error.related.offset, 1);
    secondary.push({
      file: error.filename,
      line: relatedLine,
      column: relatedColumn,
      endLine: relatedLine,
      endColumn: relatedColumn + 1,
      label: error.related.message,
    });
  }
  return {
    severity: "error",
    // IndentationError and TabError are SyntaxErrors; say which, as CPython's traceback would.
    message: error.kind === "SyntaxError" ? error.msg : `${error.kind}: ${error.msg}`,
    primary,
    secondary,
    help: error.help === null ? [] : [error.help],
  };
}
