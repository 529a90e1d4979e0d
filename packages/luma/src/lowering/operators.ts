// Arithmetic, comparisons, bitwise operators and casts on the scalar types, with LumaScript's
// semantics on the IR's sign-agnostic integers:
// - `+ - * **` and unary `-` wrap (two's complement at the type's width) in every build: the IR's
//   unchecked operations. Overflow checks are not lowered (see the README).
// - `/` and `%` truncate toward zero; a zero divisor panics, and so does MIN / -1 of a signed type.
// - `<<` and `>>` take the count modulo the width (Rust's wrapping shifts); `>>` is arithmetic for
//   signed types and logical for unsigned ones.
// - comparisons of unsigned integers compare them as unsigned numbers.
// - floats follow IEEE 754: `x / 0.0` is an infinity or NaN, `%` is C's fmod.

import { constants, type IrType, lookupRuntimeFunction, types, type Value } from "@toolchain/compiler";
import type { BinaryOperator } from "../ast.js";
import type { IntegerType, LumaType } from "../checker/types.js";
import { libmFunction } from "../runtime-library.js";
import { structurallyEqual } from "./equality.js";
import type { FunctionLowering } from "./function-context.js";

type CompareOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

const comparisons: Partial<Record<BinaryOperator, CompareOp>> = {
  "==": "eq",
  "!=": "ne",
  "<": "lt",
  "<=": "le",
  ">": "gt",
  ">=": "ge",
};

/** `left op right` of operands of type `type` (not `&&`/`||`, which branch). */
export function lowerBinary(
  f: FunctionLowering,
  op: BinaryOperator,
  type: LumaType,
  left: Value,
  right: Value,
  at: { start: number; end: number },
): Value {
  const compare = comparisons[op];
  if (compare !== undefined) return lowerComparison(f, compare, type, left, right);
  const b = f.builder;
  switch (type.kind) {
    case "integer":
      return integerBinary(f, op, type, left, right, at.start);
    case "float": {
      switch (op) {
        case "+":
          return b.fbinary("fadd", left, right, null);
        case "-":
          return b.fbinary("fsub", left, right, null);
        case "*":
          return b.fbinary("fmul", left, right, null);
        case "/":
          return b.fbinary("fdiv", left, right, null);
        case "**":
          return b.fbinary("fpow", left, right, null);
        case "%":
          return b.callExtern(libmFunction("fmod", type.bits)!, [left, right], null);
      }
      break;
    }
    case "bool":
      if (op === "&") return b.ibinary("and", left, right, null);
      if (op === "|") return b.ibinary("or", left, right, null);
      if (op === "^") return b.ibinary("xor", left, right, null);
      break;
    case "string":
      if (op === "+") return b.callExtern(lookupRuntimeFunction("rt_str_concat")!, [left, right], null);
      break;
  }
  throw new Error(`internal: operator ${op} on ${type.text}`);
}

function integerBinary(
  f: FunctionLowering,
  op: BinaryOperator,
  type: IntegerType,
  left: Value,
  right: Value,
  offset: number,
): Value {
  const b = f.builder;
  const ir = left.type;
  const zero = constants.int(0n, ir);
  switch (op) {
    case "+":
      return wrappingOrChecked(f, "add", type, left, right, offset);
    case "-":
      return wrappingOrChecked(f, "sub", type, left, right, offset);
    case "*":
      return wrappingOrChecked(f, "mul", type, left, right, offset);
    case "/":
    case "%": {
      const divide = op === "/";
      f.panicIf(
        b.icmp("eq", right, zero),
        offset,
        divide ? "attempt to divide by zero" : "attempt to calculate the remainder with a divisor of zero",
      );
      if (!type.signed) return b.ibinary(divide ? "udiv" : "urem", left, right, null);
      const overflow = f.panicInfo(offset, "attempt to divide with overflow");
      return b.ibinary(divide ? "sdiv" : "srem", left, right, divide ? overflow : null);
    }
    case "**": {
      if (type.signed) {
        f.panicIf(b.icmp("lt", right, zero), offset, "attempt to raise an integer to a negative power");
        return b.ibinary("pow", left, right, null);
      }
      if (type.bits === 64) return b.ibinary("pow", left, right, null);
      // The IR's power reads the exponent as signed: an unsigned one is widened first; the low
      // bits of the product do not depend on the width it is computed at.
      const power = b.ibinary("pow", b.zext(left, types.i64), b.zext(right, types.i64), null);
      return b.convert("trunc", power, ir);
    }
    case "&":
      return b.ibinary("and", left, right, null);
    case "|":
      return b.ibinary("or", left, right, null);
    case "^":
      return b.ibinary("xor", left, right, null);
    case "<<":
    case ">>": {
      const count = b.ibinary("and", right, constants.int(BigInt(type.bits - 1), ir), null);
      if (op === "<<") return b.ibinary("shl", left, count, null);
      if (type.signed) return b.ibinary("ashr", left, count, null);
      if (type.bits < 64) {
        const wide = b.ibinary("ashr", b.zext(left, types.i64), b.zext(count, types.i64), null);
        return b.convert("trunc", wide, ir);
      }
      // A logical shift of 64 bits: the arithmetic one with the copies of the sign bit masked off.
      const shifted = b.ibinary("ashr", left, count, null);
      const mask = b.ibinary(
        "ashr",
        constants.int((1n << 63n) - 1n),
        b.ibinary("sub", count, constants.int(1n), null),
        null,
      );
      const masked = b.ibinary("and", shifted, mask, null);
      return b.select(b.icmp("eq", count, zero), left, masked);
    }
  }
  throw new Error(`internal: operator ${op} on ${type.text}`);
}

const OVERFLOW_MESSAGES = { add: "add", sub: "subtract", mul: "multiply" } as const;

/**
 * `+ - *` of integers: wrapping in a release build; in a debug build a panic on overflow, Rust's
 * message. Signed: the IR's checked operation. Unsigned: the wrapped result tested (a sum below an
 * operand, a difference of a smaller minuend, a product that does not divide back).
 */
function wrappingOrChecked(
  f: FunctionLowering,
  op: "add" | "sub" | "mul",
  type: IntegerType,
  left: Value,
  right: Value,
  offset: number,
): Value {
  const b = f.builder;
  if (!f.program.checksOverflow) return b.ibinary(op, left, right, null);
  const message = `attempt to ${OVERFLOW_MESSAGES[op]} with overflow`;
  if (type.signed) return b.ibinary(op, left, right, f.panicInfo(offset, message));
  const result = b.ibinary(op, left, right, null);
  const zero = constants.int(0n, left.type);
  let overflowed: Value;
  if (op === "add") overflowed = lowerComparison(f, "lt", type, result, left);
  else if (op === "sub") overflowed = lowerComparison(f, "lt", type, left, right);
  else {
    const nonzero = b.icmp("ne", left, zero);
    const divisor = b.select(nonzero, left, constants.int(1n, left.type));
    overflowed = b.select(
      nonzero,
      b.icmp("ne", b.ibinary("udiv", result, divisor, null), right),
      constants.bool(false),
    );
  }
  f.panicIf(overflowed, offset, message);
  return result;
}

export function lowerComparison(f: FunctionLowering, op: CompareOp, type: LumaType, left: Value, right: Value): Value {
  const b = f.builder;
  switch (type.kind) {
    case "float":
      return b.fcmp(op, left, right);
    case "bool":
      return b.icmp(op, left, right);
    case "string": {
      if (op === "eq" || op === "ne") {
        const equal = b.callExtern(lookupRuntimeFunction("rt_str_eq")!, [left, right], null);
        return op === "eq" ? equal : b.not(equal);
      }
      const order = b.callExtern(lookupRuntimeFunction("rt_str_compare")!, [left, right], null);
      return b.icmp(op, order, constants.int(0n));
    }
    case "integer": {
      if (type.signed || op === "eq" || op === "ne") return b.icmp(op, left, right);
      if (type.bits < 64) return b.icmp(op, b.zext(left, types.i64), b.zext(right, types.i64));
      const flip = (x: Value) => b.ibinary("xor", x, constants.int(-(1n << 63n)), null);
      return b.icmp(op, flip(left), flip(right));
    }
  }
  // Structs, enums, fixed arrays and pointers have equality only.
  const equal = structurallyEqual(f, type, left, right);
  return op === "eq" ? equal : b.not(equal);
}

/** `-x`, `!x`, `~x`. */
export function lowerUnary(
  f: FunctionLowering,
  op: "-" | "!" | "~",
  type: LumaType,
  operand: Value,
  at: { start: number },
): Value {
  const b = f.builder;
  if (op === "-") {
    if (type.kind === "float") return b.fneg(operand);
    // The minimum of a signed type has no negation: a debug build panics (Rust's message).
    const check = f.program.checksOverflow ? f.panicInfo(at.start, "attempt to negate with overflow") : null;
    return b.ineg(operand, check);
  }
  return b.not(operand);
}

/**
 * `x as T` between numbers and from bool: integers truncate or extend by the source's sign; floats
 * to integers truncate toward zero and saturate at the target's range (NaN gives 0); integers to
 * floats round to nearest.
 */
export function lowerCast(
  f: FunctionLowering,
  from: LumaType,
  to: LumaType,
  value: Value,
  at: { start: number; end: number },
): Value {
  const b = f.builder;
  const target = f.irType(to, at);
  if (from === to) return value;
  if (from.kind === "bool") {
    if (to.kind === "integer") return target === types.i1 ? value : b.zext(value, target);
    if (to.kind === "float") return b.convert("uitofp", value, target);
    return value;
  }
  if (from.kind === "integer" && to.kind === "integer") {
    if (from.bits === to.bits) return value;
    if (from.bits > to.bits) return b.convert("trunc", value, target);
    return b.convert(from.signed ? "sext" : "zext", value, target);
  }
  if (from.kind === "integer" && to.kind === "float") {
    return b.convert(from.signed ? "sitofp" : "uitofp", value, target);
  }
  if (from.kind === "float" && to.kind === "float") {
    return b.convert(from.bits < to.bits ? "fpext" : "fptrunc", value, target);
  }
  if (from.kind === "float" && to.kind === "integer") {
    const wide = from.bits === 64 ? value : b.convert("fpext", value, types.f64);
    if (to.bits === 64 && to.signed) return b.convert("fptosi", wide, types.i64);
    if (to.bits === 64) {
      // u64: values from 2^63 up are converted less 2^63, then the top bit set; negatives saturate at 0.
      const two63 = constants.float(2 ** 63);
      const high = b.fcmp("ge", wide, two63);
      const low = b.convert("fptosi", wide, types.i64);
      const reduced = b.convert("fptosi", b.fbinary("fsub", wide, two63, null), types.i64);
      const big = b.ibinary("or", reduced, constants.int(-(1n << 63n)), null);
      const negative = b.fcmp("lt", wide, constants.float(0));
      return b.select(high, big, b.select(negative, constants.int(0n), low));
    }
    const n = b.convert("fptosi", wide, types.i64);
    const min = constants.int(to.min);
    const max = constants.int(to.max);
    const clamped = b.select(b.icmp("lt", n, min), min, b.select(b.icmp("gt", n, max), max, n));
    return b.convert("trunc", clamped, target);
  }
  // A pointer to another pointer type is the same address; to and from a 64-bit integer, its number.
  if (from.kind === "pointer" && to.kind === "integer") return b.convert("ptrtoint", value, types.i64);
  if (from.kind === "integer" && to.kind === "pointer") return b.convert("inttoptr", value, types.ptr);
  return value;
}

/** The IR type of an integer constant of a LumaScript integer type (for the helpers above). */
export function intConstant(value: bigint, type: IrType): Value {
  const bits = type.kind === "int" ? BigInt(type.bits) : 64n;
  // Constants are held as signed values of their width.
  const wrapped = BigInt.asIntN(Number(bits), value);
  return constants.int(wrapped, type);
}
