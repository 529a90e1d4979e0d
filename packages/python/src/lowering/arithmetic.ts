// Python's arithmetic on the subset's numbers (and `+` on strings), spelled out in IR terms: the
// numeric promotions (bool computes as int, int as float beside a float), ints as tagged words that
// grow into big ints instead of overflowing (ints.ts), float floor division and modulo with Python's
// signs, true division of ints rounded once as CPython rounds it, and division by zero with
// CPython's exact messages.

import {
  constants,
  type FloatBinaryOp,
  type IntBinaryOp,
  type IrType,
  type SourceLoc,
  types,
  type Value,
} from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { binaryResultType, isContainer, type PyType, pyTypes, resolve } from "../py-types.js";
import { RT } from "../runtime-names.js";
import { type NodeSpan, SemanticError } from "../semantic-error.js";
import { lowerContainerBinary } from "./containers.js";
import type { LoweringContext } from "./context.js";
import {
  allImmediate,
  type IntOp,
  immediateValue,
  intCompare,
  intOfBool,
  intOperation,
  onImmediate,
  unboxInt,
} from "./ints.js";
import { makeTuple } from "./iteration.js";
import { numberIrType, onNumber } from "./numbers.js";
import { coerce } from "./optional.js";
import { irTypeOf, operationsOf } from "./type-operations.js";
import { isUnion, onUnion } from "./unions.js";

/** `a <op> b` with Python's semantics, the operands converted to `result`'s numeric type. */
export function binary(
  cx: LoweringContext,
  op: ast.operator["_type"],
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  result: PyType,
  node: NodeSpan,
  context: "divmod" | null = null,
): Value {
  if (isUnion(aType) || isUnion(bType) || aType === pyTypes.number || bType === pyTypes.number) {
    return binaryOfMembers(cx, op, a, aType, b, bType, result, node, context);
  }
  if (result === pyTypes.bytes) {
    if (op === "Add") return cx.rt("py_bytes_concat", [a, b], null);
    const [data, count, countType] = aType === pyTypes.bytes ? [a, b, bType] : [b, a, aType];
    return cx.rt("py_bytes_repeat", [data, unboxInt(cx, asInt(cx, count, countType), cx.loc(node))], cx.loc(node));
  }
  if (result === pyTypes.str) {
    if (op === "Add") return cx.rt(RT.strConcat, [a, b], null);
    if (op === "Mod") {
      // format % values: a tuple as it is, any other value as the one element of a tuple.
      const values = resolve(bType).kind === "tuple" ? b : makeTuple(cx, [b], [bType]);
      return cx.rt("py_str_percent", [a, values], cx.loc(node));
    }
    // s * n or n * s
    const [text, count, countType] = aType === pyTypes.str ? [a, b, bType] : [b, a, aType];
    return cx.rt("py_str_repeat", [text, unboxInt(cx, asInt(cx, count, countType), cx.loc(node))], cx.loc(node));
  }
  if (op === "Div") {
    if (aType !== pyTypes.float && bType !== pyTypes.float)
      return intTrueDivide(cx, asInt(cx, a, aType), asInt(cx, b, bType), node);
    const zero = cx.raiseInfo("ZeroDivisionError", "float division by zero", node);
    return cx.b.fbinary("fdiv", asFloat(cx, a, aType, cx.loc(node)), asFloat(cx, b, bType, cx.loc(node)), zero);
  }
  if (op === "Pow") return power(cx, a, aType, b, bType, result, node);
  if (result === pyTypes.float) {
    const loc = cx.loc(node);
    return floatBinary(cx, op, asFloat(cx, a, aType, loc), asFloat(cx, b, bType, loc), node, context);
  }
  if (result === pyTypes.bool) {
    // bool & bool, bool | bool, bool ^ bool stay bools.
    const wide = cx.b.ibinary(BITWISE_OPS[op]!, cx.b.zext(a), cx.b.zext(b), null);
    return cx.b.icmp("ne", wide, constants.int(0n));
  }
  return intBinary(cx, op, asInt(cx, a, aType), asInt(cx, b, bType), node);
}

/**
 * An operation with an operand of several classes (an `int | float`, a union): split on what each
 * such operand holds, done as those types' operation, and its result made the `result` type (an
 * `int | float` unless a float side makes it a float). A pair of union members Python rejects raises
 * its TypeError there (inference allowed the operation for the pairs it accepts).
 */
function binaryOfMembers(
  cx: LoweringContext,
  op: ast.operator["_type"],
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  result: PyType,
  node: NodeSpan,
  context: "divmod" | null,
): Value {
  const irType = irTypeOf(result);
  const side = (value: Value, type: PyType, then: (v: Value, t: PyType) => Value) => {
    if (type === pyTypes.number) return onNumber(cx, value, irType, then);
    return isUnion(type) ? onUnion(cx, value, type, irType, then) : then(value, resolve(type));
  };
  return side(a, aType, (x, xType) =>
    side(b, bType, (y, yType) => {
      const held = binaryResultType(op, xType, yType, null);
      if (typeof held === "string") {
        // A pair we do not compile (`tuple * int`) cannot be told from one Python rejects by a TypeError.
        const kind = held.startsWith("unsupported:") ? "NotImplementedError" : "TypeError";
        cx.b.raise(cx.raiseInfo(kind, held, node));
        return operationsOf(result).zero();
      }
      const value = isContainer(held)
        ? lowerContainerBinary(cx, op, x, xType, y, yType, held, node)
        : binary(cx, op, x, xType, y, yType, held, node, context);
      return coerce(cx, value, held, result);
    }),
  );
}

/** The operators that are one IR instruction: float ones, and int ones on tagged words. */
const FLOAT_OPS: Partial<Record<ast.operator["_type"], FloatBinaryOp>> = { Add: "fadd", Sub: "fsub", Mult: "fmul" };
const INT_OPS: Partial<Record<ast.operator["_type"], IntOp>> = {
  Add: "tadd",
  Sub: "tsub",
  Mult: "tmul",
  FloorDiv: "tfloordiv",
  Mod: "tfloormod",
  BitAnd: "tand",
  BitOr: "tor",
  BitXor: "txor",
  LShift: "tshl",
  RShift: "tashr",
};
const BITWISE_OPS: Partial<Record<ast.operator["_type"], IntBinaryOp>> = { BitAnd: "and", BitOr: "or", BitXor: "xor" };

function floatBinary(
  cx: LoweringContext,
  op: ast.operator["_type"],
  x: Value,
  y: Value,
  node: NodeSpan,
  context: "divmod" | null,
): Value {
  const simple = FLOAT_OPS[op];
  if (simple !== undefined) return cx.b.fbinary(simple, x, y, null);
  if (op === "FloorDiv") {
    const message = context === "divmod" ? "float divmod()" : "float floor division by zero";
    return cx.b.fbinary("ffloordiv", x, y, cx.raiseInfo("ZeroDivisionError", message, node));
  }
  if (op === "Mod") {
    const message = context === "divmod" ? "float divmod()" : "float modulo";
    return cx.b.fbinary("fmod", x, y, cx.raiseInfo("ZeroDivisionError", message, node));
  }
  throw new SemanticError(`unsupported: float ${op}`, node);
}

/** Int arithmetic; the runtime raises CPython's errors (zero divisors, negative shift counts). */
function intBinary(cx: LoweringContext, op: ast.operator["_type"], x: Value, y: Value, node: NodeSpan): Value {
  const intOp = INT_OPS[op];
  if (intOp === undefined) throw new SemanticError(`unsupported: int ${op}`, node);
  return intOperation(cx, intOp, x, y, cx.loc(node));
}

/**
 * int / int, correctly rounded as CPython computes it. Two immediates within ±2**53 convert to float
 * exactly and one division rounds once; beyond, the runtime divides exactly.
 */
function intTrueDivide(cx: LoweringContext, a: Value, b: Value, node: NodeSpan): Value {
  const zero = cx.raiseInfo("ZeroDivisionError", "division by zero", node);
  const slow = () => cx.rt(RT.intTrueDivide, [a, b], cx.loc(node));
  return cx.choose(
    types.f64,
    allImmediate(cx, [a, b]),
    () => {
      const [x, y] = [immediateValue(cx, a), immediateValue(cx, b)];
      const fast = () => cx.b.fbinary("fdiv", cx.b.tofloat(x), cx.b.tofloat(y), zero);
      if (isExactAsFloat(x) && isExactAsFloat(y)) return fast();
      return branchOnExactness(cx, [x, y], fast, slow, types.f64);
    },
    slow,
  );
}

/**
 * Computes `whenExact` if every int in `values` lies within ±2**53 (where int-to-float conversion
 * is exact), `otherwise` if not, joining the two results.
 */
export function branchOnExactness(
  cx: LoweringContext,
  values: Value[],
  whenExact: () => Value,
  otherwise: () => Value,
  type: IrType,
): Value {
  let exact: Value = constants.bool(true);
  for (const v of values) {
    if (isExactAsFloat(v)) continue;
    const low = cx.b.icmp("ge", v, constants.int(-EXACT_FLOAT_INT));
    const inRange = cx.b.select(low, cx.b.icmp("le", v, constants.int(EXACT_FLOAT_INT)), constants.bool(false));
    exact = cx.b.select(exact, inRange, constants.bool(false));
  }
  const fast = cx.b.createBlock("exact.fast");
  const slow = cx.b.createBlock("exact.slow");
  const join = cx.b.createBlock("exact.end");
  cx.branch(exact, fast, slow);
  cx.ssa.seal(fast);
  cx.ssa.seal(slow);
  cx.startBlock(fast);
  const a = whenExact();
  const fromFast = cx.b.block;
  cx.jump(join);
  cx.startBlock(slow);
  const b = otherwise();
  const fromSlow = cx.b.block;
  cx.jump(join);
  cx.ssa.seal(join);
  cx.startBlock(join);
  return cx.b.phi(type, [
    { block: fromFast, value: a },
    { block: fromSlow, value: b },
  ]);
}

/** `a ** b`, also `pow(a, b)`. */
export function power(
  cx: LoweringContext,
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  result: PyType,
  node: NodeSpan,
): Value {
  const loc = cx.loc(node);
  if (result === pyTypes.float) {
    const x = asFloat(cx, a, aType, loc);
    const y = asFloat(cx, b, bType, loc);
    // C's pow is Python's wherever the base is positive and the result finite; the runtime's
    // function takes the rest (zero, negative or NaN bases, overflow) and raises as CPython does.
    // Measured on nbody_lists (`** -1.5` in the inner loop, median of 5): 0.52 s -> 0.49 s.
    const inline = cx.b.fbinary("fpow", x, y, null);
    const positive = cx.b.fcmp("gt", x, constants.float(0));
    const finite = cx.b.fcmp("lt", inline, constants.float(Number.POSITIVE_INFINITY));
    return cx.choose(
      types.f64,
      cx.b.select(positive, finite, constants.bool(false)),
      () => inline,
      () => cx.rt(RT.floatPow, [x, y], loc),
    );
  }
  const base = asInt(cx, a, aType);
  const exponent = asInt(cx, b, bType);
  const known = exponent.kind === "const" && typeof exponent.value === "bigint" ? exponent.value / 2n : null;
  // x ** 2, x ** 3: multiplications inline (square-and-multiply), as common as they are cheap.
  if (known !== null && known >= 1n && known <= 8n) {
    let product: Value | null = null;
    let square = base;
    for (let n = Number(known); n > 0; n >>= 1) {
      if (n & 1) product = product === null ? square : intOperation(cx, "tmul", product, square, loc);
      if (n > 1) square = intOperation(cx, "tmul", square, square, loc);
    }
    return product!;
  }
  if (known === null || known < 0n) {
    cx.checkCondition(
      intCompare(cx, "ge", exponent, constants.immediate(0n)),
      "ValueError",
      "int ** negative int is not supported yet (its result would be a float)",
      node,
    );
  }
  return cx.rt("py_int_pow", [base, exponent], loc);
}

/** `-x`, `+x` and `~x` of a number (`not x` is a truth test, not arithmetic). */
export function unary(
  cx: LoweringContext,
  op: "USub" | "UAdd" | "Invert",
  operand: Value,
  operandType: PyType,
  node: NodeSpan,
): Value {
  if (operandType === pyTypes.float) {
    return op === "USub" ? cx.b.fneg(operand) : operand;
  }
  if (operandType === pyTypes.number) {
    return onNumber(cx, operand, numberIrType, (v, t) => coerce(cx, unary(cx, op, v, t, node), t, pyTypes.number));
  }
  const x = asInt(cx, operand, operandType);
  switch (op) {
    case "USub":
      return intOperation(cx, "tsub", constants.immediate(0n), x, cx.loc(node));
    case "UAdd":
      return x;
    default:
      return intOperation(cx, "txor", x, constants.immediate(-1n), cx.loc(node));
  }
}

/** An int or bool as an int: a bool becomes 0 or 1. */
export function asInt(cx: LoweringContext, value: Value, type: PyType): Value {
  return type === pyTypes.bool ? intOfBool(cx, value) : value;
}

/** A number as a float; an int too large for one raises OverflowError at `loc`. */
export function asFloat(cx: LoweringContext, value: Value, type: PyType, loc: SourceLoc): Value {
  if (type === pyTypes.float) return value;
  if (type === pyTypes.number) return onNumber(cx, value, types.f64, (v, t) => asFloat(cx, v, t, loc));
  if (type === pyTypes.bool) return cx.b.select(value, constants.float(1), constants.float(0));
  return onImmediate(
    cx,
    value,
    types.f64,
    (integer) => cx.b.tofloat(integer),
    (int) => cx.rt("py_int_to_f64", [int], loc),
  );
}

/** Ints within ±2**53 convert to float exactly. */
const EXACT_FLOAT_INT = 2n ** 53n;

export function isExactAsFloat(v: Value): boolean {
  return v.kind === "const" && typeof v.value === "bigint" && v.value >= -EXACT_FLOAT_INT && v.value <= EXACT_FLOAT_INT;
}
