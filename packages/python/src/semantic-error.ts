import type { Diagnostic } from "@toolchain/compiler";

/** A node's position as CPython gives it (1-based lines, 0-based UTF-8 byte columns). */
export interface NodeSpan {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** A compile-time error found after parsing: a name, a type or a construct the compiler refuses. */
export class SemanticError extends Error {
  constructor(
    override readonly message: string,
    readonly span: NodeSpan,
    readonly help: string | null = null,
    readonly notes: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Renders a SemanticError as a diagnostic; columns become 1-based character columns of `source`. */
export function semanticDiagnostic(error: SemanticError, file: string, source: string): Diagnostic {
  const lines = source.split("\n");
  const column = (line: number, byteCol: number) => byteColumnToCharColumn(lines[line - 1] ?? "", byteCol) + 1;
  const { span } = error;
  return {
    severity: "error",
    message: error.message,
    primary: {
      file,
      line: span.lineno,
      column: column(span.lineno, span.col_offset),
      endLine: span.end_lineno,
      endColumn: column(span.end_lineno, span.end_col_offset),
    },
    help: error.help === null ? [] : [error.help],
    notes: error.notes,
  };
}

function byteColumnToCharColumn(line: string, byteCol: number): number {
  const prefix = new TextEncoder().encode(line).slice(0, byteCol);
  return [...new TextDecoder().decode(prefix)].length;
}
