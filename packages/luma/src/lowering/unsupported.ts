// Constructs the compiler does not lower yet. Lowering throws `NotSupported` at the construct; the
// program's lowering catches it per function and reports it as a diagnostic (E0400), so a program
// using one is refused with its place, never with a crash.

import type { Diagnostic } from "@toolchain/compiler";
import type { SourceText } from "../source-text.js";

export const NOT_SUPPORTED_CODE = "E0400";

export class NotSupported extends Error {
  constructor(
    /** What is not supported: "structs", "`match`", "the type `Array<i64>`"… */
    readonly what: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(`${what} not supported yet by the compiler`);
  }
}

/** Throws NotSupported for a node. */
export function notSupported(what: string, node: { start: number; end: number }): never {
  throw new NotSupported(what, node.start, node.end);
}

export function notSupportedDiagnostic(error: NotSupported, source: SourceText): Diagnostic {
  return {
    severity: "error",
    code: NOT_SUPPORTED_CODE,
    message: `${error.what}: not supported yet by the compiler`,
    primary: source.span(error.start, error.end, "not supported yet by the compiler"),
    help: ["the compiler lowers the scalar core of LumaScript so far (see packages/luma/README.md)"],
  };
}
