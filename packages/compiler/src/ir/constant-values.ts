// The value of an operand that is a constant of a given type, for passes that fold and reason about
// constants. Only i1, i64 and f64 are evaluated at compile time (constant-eval.ts); constants of the
// other widths are left to LLVM, which knows their arithmetic as well as we do.

import type { Value } from "./ir.js";
import { types } from "./types.js";

/** The i64 constant's value, else null. */
export function i64Constant(v: Value): bigint | null {
  return v.kind === "const" && v.type === types.i64 && typeof v.value === "bigint" ? v.value : null;
}

/** The tagged constant's word (always an immediate integer's), else null. */
export function taggedConstant(v: Value): bigint | null {
  return v.kind === "const" && v.type === types.tagged && typeof v.value === "bigint" ? v.value : null;
}

/** The f64 constant's value, else null. */
export function f64Constant(v: Value): number | null {
  return v.kind === "const" && v.type === types.f64 && typeof v.value === "number" ? v.value : null;
}

/** The i1 constant's value, else null. */
export function boolConstant(v: Value): boolean | null {
  return v.kind === "const" && typeof v.value === "boolean" ? v.value : null;
}
