// Python's int in IR: a `tagged` word, an immediate (the integer doubled) for the values of 63 bits
// and a reference to the runtime's big int beyond (runtime/py_int.c). Arithmetic and comparisons are
// the back end's tagged instructions, inline on immediates, with the `py_int_*` function for the same
// operation as their fallback; the runtime functions that take or give machine integers (lengths,
// positions, counts) meet ints through `unboxInt` and `boxInt`.

import {
  constants,
  type External,
  fitsImmediate,
  type IrType,
  type SourceLoc,
  types,
  type Value,
} from "@toolchain/compiler";
import { lookupPythonRuntimeFunction } from "../runtime-library.js";
import type { LoweringContext } from "./context.js";

function runtime(name: string): External {
  const f = lookupPythonRuntimeFunction(name);
  if (f === undefined) throw new Error(`no runtime function ${name}`);
  return f;
}

/** The int of a literal: an immediate, or a big int made from its digits once per evaluation. */
export function intConstant(cx: LoweringContext, value: bigint, loc: SourceLoc): Value {
  if (fitsImmediate(value)) return constants.immediate(value);
  return cx.rt("py_int_from_str", [constants.str(value.toString())], loc);
}

/** An i64 as an int (a big one when it does not fit an immediate). */
export function boxInt(cx: LoweringContext, value: Value): Value {
  if (value.type === types.tagged) return value;
  return cx.b.tbox(value, runtime("py_int_from_i64"));
}

/** An int as an i64, raising OverflowError at `loc` when it does not fit. */
export function unboxInt(cx: LoweringContext, value: Value, loc: SourceLoc): Value {
  if (value.type !== types.tagged) return value;
  return cx.b.tunbox(value, runtime("py_int_to_i64"), loc);
}

/** An int used as an index; IndexError "cannot fit 'int' into an index-sized integer" when too big. */
export function unboxIndex(cx: LoweringContext, value: Value, loc: SourceLoc): Value {
  if (value.type !== types.tagged) return value;
  return cx.b.tunbox(value, runtime("py_int_to_index"), loc);
}

/** An i1 as the int 0 or 1 (a bool computing as an int). */
export function intOfBool(cx: LoweringContext, value: Value): Value {
  return cx.b.select(value, constants.immediate(1n), constants.immediate(0n));
}

/** The fallback of each tagged operation: the runtime's function for the same operation. */
export const INT_FALLBACKS = {
  tadd: "py_int_add",
  tsub: "py_int_sub",
  tmul: "py_int_mul",
  tfloordiv: "py_int_floordiv",
  tfloormod: "py_int_mod",
  tand: "py_int_and",
  tor: "py_int_or",
  txor: "py_int_xor",
  tshl: "py_int_lshift",
  tashr: "py_int_rshift",
} as const;

export type IntOp = keyof typeof INT_FALLBACKS;

/** `a <op> b` on ints; `loc` is where a failure (a zero divisor, a negative shift count) raises. */
export function intOperation(cx: LoweringContext, op: IntOp, a: Value, b: Value, loc: SourceLoc): Value {
  let fallback = runtime(INT_FALLBACKS[op]);
  if ((op === "tshl" || op === "tashr") && isSmallCount(b)) {
    // A shift by a constant count of a few bits cannot fail (only a negative count or a result
    // beyond memory raise), so the instruction needs no error edge: one declaration of the same
    // function that says so.
    fallback = { ...fallback, name: `${fallback.name}.by_constant`, symbol: fallback.name, canFail: false };
  }
  return cx.b.tbinary(op, a, b, fallback, fallback.canFail ? loc : null);
}

/** A constant shift count from 0 to 2**20. */
function isSmallCount(count: Value): boolean {
  return count.kind === "const" && typeof count.value === "bigint" && count.value >= 0n && count.value <= 2n ** 21n;
}

/** `a <op> b` comparing ints: an i1. */
export function intCompare(cx: LoweringContext, op: "eq" | "ne" | "lt" | "le" | "gt" | "ge", a: Value, b: Value) {
  return cx.b.tcmp(op, a, b, runtime("py_int_compare"));
}

/**
 * A value computed from an int's i64 when it is an immediate, else from the int itself: the common
 * small case inline, the big one through the runtime.
 */
export function onImmediate(
  cx: LoweringContext,
  value: Value,
  type: IrType,
  small: (integer: Value) => Value,
  big: (int: Value) => Value,
): Value {
  return cx.choose(
    type,
    allImmediate(cx, [value]),
    () => small(immediateValue(cx, value)),
    () => big(value),
  );
}

/** True when every one of the ints is an immediate: an i1. */
export function allImmediate(cx: LoweringContext, values: readonly Value[]): Value {
  let bits = cx.b.convert("bitcast", values[0]!, types.i64);
  for (const v of values.slice(1)) bits = cx.b.ibinary("or", bits, cx.b.convert("bitcast", v, types.i64), null);
  return cx.b.icmp("eq", cx.b.ibinary("and", bits, constants.int(1n), null), constants.int(0n));
}

/** An immediate's integer (the caller knows it is one). */
export function immediateValue(cx: LoweringContext, value: Value): Value {
  return cx.b.ibinary("ashr", cx.b.convert("bitcast", value, types.i64), constants.int(1n), null);
}

/** abs(x) of an int. */
export function intAbs(cx: LoweringContext, value: Value, loc: SourceLoc): Value {
  const negative = intCompare(cx, "lt", value, constants.immediate(0n));
  return cx.choose(
    types.tagged,
    negative,
    () => intOperation(cx, "tsub", constants.immediate(0n), value, loc),
    () => value,
  );
}
