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

export { type CheckOptions, type CheckResult, checkLuma, checkLumaProgram } from "./checker/checker.js";
export type { ConstantValue } from "./checker/constant-evaluation.js";
export type { FileReader } from "./checker/program-loader.js";
export { SemanticCode } from "./checker/semantic-diagnostics.js";
export type * from "./checker/symbols.js";
export {
  type CallTarget,
  type ClosureInfo,
  type DeclaringNode,
  type FieldAccess,
  type FormatPiece,
  type FormatPlaceholder,
  type FormatString,
  type FunctionInstance,
  type IndexKind,
  type LoopInfo,
  type PatternInfo,
  type Reference,
  TypedBody,
  type TypedProgram,
} from "./checker/typed-program.js";
export type { LumaType } from "./checker/types.js";
/** The checker's types as data: `lumaTypes.scalarTypes.i64`, `lumaTypes.StructType`, … */
export * as lumaTypes from "./checker/types.js";
