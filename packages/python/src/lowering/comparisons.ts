// Comparisons: chains (`a < b < c`) evaluating each operand once and stopping at the first false
// link, two values of one type compared as the type table says, an int and a float compared exactly
// as CPython does even beyond 2**53, and identity (`is`) with None, True and False.

import { type Block, type CompareOp, constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { isContainer, type PyType, pyTypes, resolve } from "../py-types.js";
import { RT } from "../runtime-names.js";
import type { NodeSpan } from "../semantic-error.js";
import { asInt, branchOnExactness, isExactAsFloat } from "./arithmetic.js";
import { lowerMembership } from "./containers.js";
import type { LoweringContext } from "./context.js";
import { lowerExpression } from "./expressions.js";
import { intCompare, onImmediate } from "./ints.js";
import { onNumber } from "./numbers.js";
import { isNone, payloadOf } from "./optional.js";
import { operationsOf } from "./type-operations.js";
import { compareUnions, isUnion, toUnion } from "./unions.js";

/** `a < b < c`: each operand evaluated once, stopping at the first false comparison. */
export function lowerCompareValue(cx: LoweringContext, e: ast.Compare): Value {
  let left = lowerExpression(cx, e.left);
  let leftType = cx.typeOf(e.left);
  if (e.ops.length === 1) {
    const right = lowerExpression(cx, e.comparators[0]!);
    return compare(cx, e.ops[0]!._type, left, leftType, right, cx.typeOf(e.comparators[0]!), e);
  }
  const join = cx.b.createBlock("cmp.end");
  const incoming: { block: Block; value: Value }[] = [];
  e.ops.forEach((op, i) => {
    const right = lowerExpression(cx, e.comparators[i]!);
    const rightType = cx.typeOf(e.comparators[i]!);
    const result = compare(cx, op._type, left, leftType, right, rightType, e);
    incoming.push({ block: cx.b.block, value: result });
    if (i === e.ops.length - 1) {
      cx.jump(join);
    } else {
      const next = cx.b.createBlock("cmp.next");
      cx.branch(result, next, join);
      cx.ssa.seal(next);
      cx.startBlock(next);
    }
    left = right;
    leftType = rightType;
  });
  cx.ssa.seal(join);
  cx.startBlock(join);
  return cx.b.phi(types.i1, incoming);
}

/** `a <op> b`: same types by the type table; otherwise numbers, the only mix inference allows. */
export function compare(
  cx: LoweringContext,
  op: ast.cmpop["_type"],
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  node: NodeSpan | null = null,
): Value {
  const againstNone = resolve(aType) === pyTypes.none || resolve(bType) === pyTypes.none;
  if (op === "Is" || op === "IsNot" || (againstNone && (op === "Eq" || op === "NotEq"))) {
    const same = identical(cx, a, aType, b, bType);
    return op === "Is" || op === "Eq" ? same : cx.b.not(same);
  }
  if (op === "In" || op === "NotIn") {
    const found = lowerMembership(cx, a, aType, b, bType, node);
    return op === "In" ? found : cx.b.not(found);
  }
  const irOp = COMPARE_OPS[op]!;
  const optionalSide = resolve(aType).kind === "optional" ? "a" : resolve(bType).kind === "optional" ? "b" : null;
  // An ordering of a value that may be None, or an equality of it with another class, compares what
  // each holds, as a union's values are compared (inference allows an equality of alike parts below).
  const alikeEquality = (irOp === "eq" || irOp === "ne") && partOfOptional(aType) === partOfOptional(bType);
  if (isUnion(aType) || isUnion(bType) || (optionalSide !== null && !alikeEquality)) {
    return compareUnions(cx, irOp, a, aType, b, bType, node === null ? null : cx.loc(node));
  }
  if (optionalSide !== null) {
    // `x == y` of a `T | None` and a T: equal only when x holds a T equal to y.
    const [maybe, other, otherType] = optionalSide === "a" ? [a, b, bType] : [b, a, aType];
    const part = resolve(optionalSide === "a" ? aType : bType).parts[0]!;
    const equal = cx.choose(
      types.i1,
      cx.b.not(isNone(cx, maybe)),
      () => compare(cx, "Eq", payloadOf(cx, maybe), part, other, otherType, node),
      () => constants.bool(false),
    );
    return irOp === "ne" ? cx.b.not(equal) : equal;
  }
  if (resolve(aType) === pyTypes.number || resolve(bType) === pyTypes.number) {
    // An int or a float on either side: compared as what each holds.
    const side = (value: Value, type: PyType, then: (v: Value, t: PyType) => Value) =>
      resolve(type) === pyTypes.number ? onNumber(cx, value, types.i1, then) : then(value, type);
    return side(a, aType, (x, xType) => side(b, bType, (y, yType) => compare(cx, op, x, xType, y, yType, node)));
  }
  // Containers of one class and different static types compare too (a namedtuple and a plain tuple,
  // a tree and a leaf, a set and a frozenset, `[1] == [1.0]`): the runtime compares their elements.
  const kind = resolve(aType).kind;
  const sameKind = aType === bType || (kind === resolve(bType).kind && isContainer(resolve(aType)));
  if (sameKind) return operationsOf(aType).compare(cx, irOp, a, b, node === null ? null : cx.loc(node));
  if (aType === pyTypes.float || bType === pyTypes.float) return compareMixed(cx, irOp, a, aType, b, bType);
  return intCompare(cx, irOp, asInt(cx, a, aType), asInt(cx, b, bType));
}

/** A `T | None`'s T, or the type itself. */
function partOfOptional(type: PyType): PyType {
  const t = resolve(type);
  return t.kind === "optional" ? t.parts[0]! : t;
}

/** An int (or bool) against a float, in either order, exactly as CPython compares them, even beyond 2**53. */
export function compareMixed(cx: LoweringContext, irOp: CompareOp, a: Value, aType: PyType, b: Value, bType: PyType) {
  const intFirst = aType !== pyTypes.float;
  const int = asInt(cx, intFirst ? a : b, intFirst ? aType : bType);
  const float = intFirst ? b : a;
  const intOp = intFirst ? irOp : MIRRORED[irOp];
  const order = (name: string, integer: Value) => ordered(cx, intOp, cx.rt(name, [integer, float], null));
  return onImmediate(
    cx,
    int,
    types.i1,
    (integer) => {
      const viaFloat = () => cx.b.fcmp(intOp, cx.b.tofloat(integer), float);
      if (isExactAsFloat(integer)) return viaFloat();
      return branchOnExactness(cx, [integer], viaFloat, () => order(RT.compareIntFloat, integer), types.i1);
    },
    (big) => order("py_int_compare_f64", big),
  );
}

/** `int <op> float` from the runtime's exact three-way comparison (2 means the float is NaN). */
function ordered(cx: LoweringContext, op: CompareOp, order: Value): Value {
  const is = (n: bigint) => cx.b.icmp("eq", order, constants.int(n));
  switch (op) {
    case "eq":
      return is(0n);
    case "ne":
      return cx.b.not(is(0n));
    case "lt":
      return is(-1n);
    case "le":
      return cx.b.select(is(-1n), constants.bool(true), is(0n));
    case "gt":
      return is(1n);
    case "ge":
      return cx.b.select(is(1n), constants.bool(true), is(0n));
  }
}

/** `a is b` where one side is None, True or False (inference allows nothing else). */
function identical(cx: LoweringContext, a: Value, aType: PyType, b: Value, bType: PyType): Value {
  // None, True and False are one object each: a union's word is theirs exactly when it holds them.
  if (isUnion(aType) || isUnion(bType)) {
    const word = (v: Value, t: PyType) => cx.b.convert("bitcast", toUnion(cx, v, t), types.i64);
    return cx.b.icmp("eq", word(a, aType), word(b, bType));
  }
  // A value that may be None is None exactly when its variant holds None.
  if (resolve(aType).kind === "optional" && bType === pyTypes.none) return isNone(cx, a);
  if (resolve(bType).kind === "optional" && aType === pyTypes.none) return isNone(cx, b);
  if (aType === pyTypes.none || bType === pyTypes.none) return constants.bool(aType === bType);
  if (aType === pyTypes.bool && bType === pyTypes.bool) return cx.b.icmp("eq", a, b);
  return constants.bool(false);
}

const COMPARE_OPS: Partial<Record<ast.cmpop["_type"], CompareOp>> = {
  Eq: "eq",
  NotEq: "ne",
  Lt: "lt",
  LtE: "le",
  Gt: "gt",
  GtE: "ge",
};

/** The operator with its operands swapped: `a < b` is `b > a`. */
const MIRRORED = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" } as const;
