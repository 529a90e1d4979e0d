import type { Diagnostic } from "@toolchain/compiler";
import type { Module } from "./ast.js";
import { parseModule } from "./parser.js";
import { SourceText } from "./source-text.js";
import { SyntaxDiagnostics } from "./syntax-diagnostics.js";

export type * from "./ast.js";
export { SourceText } from "./source-text.js";
export { MAX_SYNTAX_ERRORS, SyntaxCode, SyntaxDiagnostics } from "./syntax-diagnostics.js";
export { tokenize } from "./tokenizer.js";
export { type DocLine, describeToken, KEYWORDS, type Token, type TokenKind } from "./tokens.js";

/** A parsed file: its syntax tree and its syntax diagnostics in source order. */
export interface ParseResult {
  /** The declarations that parsed; a broken declaration is left out, and its error is reported. */
  readonly module: Module;
  /** Errors (at most `MAX_SYNTAX_ERRORS`, then a note that parsing stopped) and warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses one LumaScript file. Never throws for any input; the file has no syntax errors exactly when
 * no diagnostic is an error. `module.source` maps the nodes' offsets to diagnostic spans.
 */
export function parseLuma(source: string, fileName: string): ParseResult {
  const text = new SourceText(source, fileName);
  const diagnostics = new SyntaxDiagnostics(text);
  const module = parseModule(text, diagnostics);
  return { module, diagnostics: diagnostics.toList() };
}
