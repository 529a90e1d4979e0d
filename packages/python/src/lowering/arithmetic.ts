// Python's arithmetic on the subset's numbers (and `+` on strings), spelled out in IR terms: the
// numeric promotions (bool computes as int, int as float beside a float), floor division and modulo
// with Python's signs, true division of ints rounded once as CPython rounds it, overflow checks
// raising OverflowError, and division by zero with CPython's exact messages.

import { constants, type FloatBinaryOp, type IntBinaryOp, type IrType, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { type PyType, pyTypes, resolve } from "../py-types.js";
import { RT } from "../runtime-names.js";
import { type NodeSpan, SemanticError } from "../semantic-error.js";
import type { LoweringContext } from "./context.js";
import { makeTuple } from "./iteration.js";

export const OVERFLOW_MESSAGE = "integer overflow: arbitrary-precision integers are not supported yet";

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
  if (result === pyTypes.str) {
    if (op === "Add") return cx.rt(RT.strConcat, [a, b], null);
    if (op === "Mod") {
      // format % values: a tuple as it is, any other value as the one element of a tuple.
      const values = resolve(bType).kind === "tuple" ? b : makeTuple(cx, [b], [bType]);
      return cx.rt("py_str_percent", [a, values], cx.loc(node));
    }
    // s * n or n * s
    const [text, count, countType] = aType === pyTypes.str ? [a, b, bType] : [b, a, aType];
    return cx.rt("py_str_repeat", [text, asInt(cx, count, countType)], cx.loc(node));
  }
  if (op === "Div") {
    if (aType !== pyTypes.float && bType !== pyTypes.float)
      return intTrueDivide(cx, asInt(cx, a, aType), asInt(cx, b, bType), node);
    const zero = cx.raiseInfo("ZeroDivisionError", "float division by zero", node);
    return cx.b.fbinary("fdiv", asFloat(cx, a, aType), asFloat(cx, b, bType), zero);
  }
  if (op === "Pow") return power(cx, a, aType, b, bType, result, node);
  if (result === pyTypes.float) return floatBinary(cx, op, asFloat(cx, a, aType), asFloat(cx, b, bType), node, context);
  if (result === pyTypes.bool) {
    // bool & bool, bool | bool, bool ^ bool stay bools.
    const wide = cx.b.ibinary(BITWISE_OPS[op]!, cx.b.zext(a), cx.b.zext(b), null);
    return cx.b.icmp("ne", wide, constants.int(0n));
  }
  return intBinary(cx, op, asInt(cx, a, aType), asInt(cx, b, bType), node, context);
}

/** The operators that are one IR instruction: float ones, int ones checked for overflow, bitwise ones. */
const FLOAT_OPS: Partial<Record<ast.operator["_type"], FloatBinaryOp>> = { Add: "fadd", Sub: "fsub", Mult: "fmul" };
const CHECKED_INT_OPS: Partial<Record<ast.operator["_type"], IntBinaryOp>> = { Add: "add", Sub: "sub", Mult: "mul" };
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

function intBinary(
  cx: LoweringContext,
  op: ast.operator["_type"],
  x: Value,
  y: Value,
  node: NodeSpan,
  context: "divmod" | null,
): Value {
  const overflow = cx.raiseInfo("OverflowError", OVERFLOW_MESSAGE, node);
  const checked = CHECKED_INT_OPS[op];
  if (checked !== undefined) return cx.b.ibinary(checked, x, y, overflow);
  const bitwise = BITWISE_OPS[op];
  if (bitwise !== undefined) return cx.b.ibinary(bitwise, x, y, null);
  switch (op) {
    case "FloorDiv":
      checkNonZero(cx, y, "integer division or modulo by zero", node);
      return cx.b.ibinary("floordiv", x, y, overflow);
    case "Mod":
      checkNonZero(cx, y, context === "divmod" ? "integer division or modulo by zero" : "integer modulo by zero", node);
      return cx.b.ibinary("floormod", x, y, overflow);
    case "LShift":
    case "RShift": {
      cx.checkCondition(cx.b.icmp("ge", y, constants.int(0n)), "ValueError", "negative shift count", node);
      return cx.b.ibinary(op === "LShift" ? "shl" : "ashr", x, y, op === "LShift" ? overflow : null);
    }
    default:
      throw new SemanticError(`unsupported: int ${op}`, node);
  }
}

/**
 * int / int, correctly rounded as CPython computes it. Within ±2**53 both convert to float exactly
 * and one division rounds once; beyond, the runtime divides exactly.
 */
function intTrueDivide(cx: LoweringContext, a: Value, b: Value, node: NodeSpan): Value {
  const zero = cx.raiseInfo("ZeroDivisionError", "division by zero", node);
  const fast = () => cx.b.fbinary("fdiv", cx.b.tofloat(a), cx.b.tofloat(b), zero);
  if (isExactAsFloat(a) && isExactAsFloat(b)) return fast();
  const slow = () => cx.rt(RT.intTrueDivide, [a, b], cx.loc(node));
  return branchOnExactness(cx, [a, b], fast, slow, types.f64);
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

function checkNonZero(cx: LoweringContext, divisor: Value, message: string, node: NodeSpan): void {
  cx.checkCondition(cx.b.icmp("ne", divisor, constants.int(0n)), "ZeroDivisionError", message, node);
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
  if (result === pyTypes.float) {
    return cx.rt(RT.floatPow, [asFloat(cx, a, aType), asFloat(cx, b, bType)], cx.loc(node));
  }
  const base = asInt(cx, a, aType);
  const exponent = asInt(cx, b, bType);
  if (exponent.kind !== "const") {
    cx.checkCondition(
      cx.b.icmp("ge", exponent, constants.int(0n)),
      "ValueError",
      "int ** negative int is not supported yet (its result would be a float)",
      node,
    );
  }
  return cx.b.ibinary("pow", base, exponent, cx.raiseInfo("OverflowError", OVERFLOW_MESSAGE, node));
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
  const x = asInt(cx, operand, operandType);
  switch (op) {
    case "USub":
      return cx.b.ineg(x, cx.raiseInfo("OverflowError", OVERFLOW_MESSAGE, node));
    case "UAdd":
      return x;
    default:
      return cx.b.ibinary("xor", x, constants.int(-1n), null);
  }
}

/** An int or bool as an int: a bool widens. */
export function asInt(cx: LoweringContext, value: Value, type: PyType): Value {
  return type === pyTypes.bool ? cx.b.zext(value) : value;
}

/** A number as a float. */
export function asFloat(cx: LoweringContext, value: Value, type: PyType): Value {
  if (type === pyTypes.float) return value;
  return cx.b.tofloat(asInt(cx, value, type));
}

/** Ints within ±2**53 convert to float exactly. */
const EXACT_FLOAT_INT = 2n ** 53n;

export function isExactAsFloat(v: Value): boolean {
  return v.kind === "const" && typeof v.value === "bigint" && v.value >= -EXACT_FLOAT_INT && v.value <= EXACT_FLOAT_INT;
}
