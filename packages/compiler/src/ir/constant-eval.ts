// What the IR's operations compute on constant operands, with exactly the semantics the compiled
// program has at run time: i64 arithmetic that raises or wraps, division rounding toward negative
// infinity, IEEE doubles with Python's floor division and modulo. Each function returns null when the
// operation would fail at run time (it must stay, to raise there) or when its result is not certain
// to match the runtime's, so callers fold only what they may.

import type { CompareOp, FloatBinaryOp, IntBinaryOp, TaggedBinaryOp } from "./ir.js";

export const minI64 = -(2n ** 63n);
export const maxI64 = 2n ** 63n - 1n;

function fitsI64(x: bigint): boolean {
  return x >= minI64 && x <= maxI64;
}

/** Floor division and modulo of integers, rounding toward negative infinity (b !== 0). */
function floorDivMod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

/**
 * `raises`: the instruction has a RaiseInfo, so a result out of the i64 range is a run-time error
 * (null here); without one it wraps.
 */
export function evalIntBinary(op: IntBinaryOp, a: bigint, b: bigint, raises: boolean): bigint | null {
  const result = (exact: bigint): bigint | null => (fitsI64(exact) ? exact : raises ? null : BigInt.asIntN(64, exact));
  switch (op) {
    case "add":
      return result(a + b);
    case "sub":
      return result(a - b);
    case "mul":
      return result(a * b);
    case "floordiv":
      return b === 0n ? null : result(floorDivMod(a, b)[0]);
    case "floormod":
      return b === 0n ? null : floorDivMod(a, b)[1];
    case "sdiv": // BigInt division truncates toward zero, as C's does.
      return b === 0n ? null : result(a / b);
    case "srem":
      return b === 0n ? null : a % b;
    case "udiv":
      return b === 0n ? null : BigInt.asIntN(64, BigInt.asUintN(64, a) / BigInt.asUintN(64, b));
    case "urem":
      return b === 0n ? null : BigInt.asIntN(64, BigInt.asUintN(64, a) % BigInt.asUintN(64, b));
    case "and":
      return a & b;
    case "or":
      return a | b;
    case "xor":
      return a ^ b;
    case "shl":
      // Counts outside 0..63 raise, or are undefined in the wrapping form: left for run time.
      return b < 0n || b > 63n ? null : result(a << b);
    case "ashr":
      return b < 0n || b > 63n ? null : a >> b;
    case "pow":
      return evalIntPow(a, b);
  }
}

/** Folded only for a non-negative exponent and a result that fits, whether or not the instruction raises. */
function evalIntPow(base: bigint, exponent: bigint): bigint | null {
  if (exponent < 0n) return null;
  if (exponent === 0n) return 1n;
  if (base === 0n || base === 1n) return base;
  if (base === -1n) return exponent % 2n === 0n ? 1n : -1n;
  if (exponent > 63n) return null; // |base| >= 2: 2**64 already overflows.
  const exact = base ** exponent;
  return fitsI64(exact) ? exact : null;
}

export function evalIntNeg(a: bigint, raises: boolean): bigint | null {
  if (a === minI64) return raises ? null : minI64;
  return -a;
}

function copySign(magnitude: number, sign: number): number {
  return sign < 0 || Object.is(sign, -0) ? -Math.abs(magnitude) : Math.abs(magnitude);
}

/** CPython's float divmod (Objects/floatobject.c, _float_div_mod) for a non-zero divisor. */
function floatFloorDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx; // JavaScript's % on doubles is C's fmod, exactly.
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = copySign(0, wx);
  }
  let floorDiv: number;
  if (div !== 0) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else {
    floorDiv = copySign(0, vx / wx);
  }
  return [floorDiv, mod];
}

/** `raises`: the instruction has a RaiseInfo, so division by zero raises rather than giving an IEEE infinity. */
export function evalFloatBinary(op: FloatBinaryOp, a: number, b: number, raises: boolean): number | null {
  switch (op) {
    case "fadd":
      return a + b;
    case "fsub":
      return a - b;
    case "fmul":
      return a * b;
    case "fdiv":
      return b === 0 && raises ? null : a / b;
    case "ffloordiv":
      return b === 0 ? null : floatFloorDivMod(a, b)[0];
    case "fmod":
      return b === 0 ? null : floatFloorDivMod(a, b)[1];
    case "fpow":
      return evalFloatPow(a, b);
  }
}

/**
 * Only results that are exact: the C library's pow and JavaScript's Math.pow may round differently,
 * and a folded constant must be the value the program would compute.
 */
function evalFloatPow(base: number, exponent: number): number | null {
  if (exponent === 0 || base === 1) return 1; // Even for NaN, in C99 and in Python.
  if (!Number.isInteger(base) || !Number.isInteger(exponent) || exponent < 0 || Object.is(base, -0)) return null;
  if (exponent === 1) return base;
  if (base === 0) return 0;
  if (base === -1) return exponent % 2 === 0 ? 1 : -1;
  if (Math.abs(base) > 2 ** 53 || exponent > 53) return null; // 2**54 is already past exact.
  const exact = BigInt(base) ** BigInt(exponent);
  const limit = 2n ** 53n;
  return exact <= limit && exact >= -limit ? Number(exact) : null;
}

/** Comparison of two values of one type; NaN compares unequal to everything, itself included, as in IEEE. */
export function evalCompare<T extends bigint | number | boolean>(op: CompareOp, a: T, b: T): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
  }
}

/** f64 to i64 rounding toward zero; null for NaN, infinities and values out of range, which raise. */
export function evalFloatToInt(x: number): bigint | null {
  if (!Number.isFinite(x)) return null;
  const truncated = BigInt(Math.trunc(x));
  return fitsI64(truncated) ? truncated : null;
}

/** The immediate integers of a `tagged` word: 63 bits, the word being the integer doubled. */
export const minImmediate = -(2n ** 62n);
export const maxImmediate = 2n ** 62n - 1n;

export function fitsImmediate(x: bigint): boolean {
  return x >= minImmediate && x <= maxImmediate;
}

/**
 * A tagged operation on two immediates' integers, when its result is an immediate too; null when it
 * is the fallback's (a result too large, a zero divisor, a negative shift count).
 */
export function evalTaggedBinary(op: TaggedBinaryOp, a: bigint, b: bigint): bigint | null {
  const immediate = (exact: bigint): bigint | null => (fitsImmediate(exact) ? exact : null);
  switch (op) {
    case "tadd":
      return immediate(a + b);
    case "tsub":
      return immediate(a - b);
    case "tmul":
      return immediate(a * b);
    case "tfloordiv":
      return b === 0n ? null : immediate(floorDivMod(a, b)[0]);
    case "tfloormod":
      return b === 0n ? null : floorDivMod(a, b)[1];
    case "tand":
      return a & b;
    case "tor":
      return a | b;
    case "txor":
      return a ^ b;
    case "tshl":
      return b < 0n || b > 62n ? null : immediate(a << b);
    case "tashr":
      return b < 0n ? null : a >> (b > 63n ? 63n : b);
  }
}
