// Values of a union type (`int | str`, `str | list[int] | None`: a list display of mixed elements, a
// variable assigned an int and a str): in the IR one tagged word, as an int is, whose class the
// runtime tells (runtime/py_any.c). An int is its own word; any other value enters by being boxed
// (`toUnion`), and leaves where a test says what it holds (`fromUnion`, after `isinstance` or
// `is not None`). Printing, truth, equality, ordering and hashing the runtime does by what the value
// is; any other operation splits on the union's members (`onUnion`) and does each member's own, so
// a union adds no semantics of its own.

import { type CompareOp, constants, type IrType, type SourceLoc, types, type Value } from "@toolchain/compiler";
import { classCode, membersOf, type PyType, pyTypes, resolve } from "../py-types.js";
import type { CheckedNarrow } from "../type-inference.js";
import type { LoweringContext } from "./context.js";
import { numberIrType, onNumber } from "./numbers.js";
import { isNone, noneOf, payloadOf } from "./optional.js";
import { irTypeOf } from "./type-operations.js";

/** Whether values of the type are a union's tagged words. */
export function isUnion(type: PyType): boolean {
  return resolve(type).kind === "union";
}

/** A value of type `from` (a member of the union, or a type whose members all are) as a union's word. */
export function toUnion(cx: LoweringContext, value: Value, from: PyType): Value {
  const t = resolve(from);
  switch (t.kind) {
    case "union":
    case "int":
      return value;
    case "bool":
      return cx.rt("py_any_from_bool", [value], null);
    case "float":
      return cx.rt("py_any_from_float", [value], null);
    case "None":
      return constants.none(types.tagged);
    case "number":
      return onNumber(cx, value, types.tagged, (v, heldType) => toUnion(cx, v, heldType));
    case "optional": {
      if (value.type === types.tagged) return value; // an `int | None` is already such a word
      const part = t.parts[0]!;
      return cx.choose(
        types.tagged,
        isNone(cx, value),
        () => constants.none(types.tagged),
        () => toUnion(cx, payloadOf(cx, value), part),
      );
    }
    default:
      return cx.rtOnObjects("py_any_from_object", [value], null);
  }
}

/** A union's word known to hold a value of type `to` (narrowed by a test), as a `to`. */
export function fromUnion(cx: LoweringContext, value: Value, to: PyType): Value {
  const t = resolve(to);
  switch (t.kind) {
    case "union":
    case "int":
      return value;
    case "bool":
      return cx.rt("py_any_bool", [value], null);
    case "float":
      return cx.rt("py_any_float", [value], null);
    case "None":
      return constants.unit();
    case "number":
      return cx.choose(
        numberIrType,
        classIs(cx, value, ["f"]),
        () => cx.b.variantMake(numberIrType, 1, fromUnion(cx, value, pyTypes.float)),
        () => cx.b.variantMake(numberIrType, 0, value),
      );
    case "optional": {
      const irType = irTypeOf(t);
      if (irType === types.tagged) return value;
      return cx.choose(
        irType,
        classIs(cx, value, ["n"]),
        () => noneOf(cx, irType),
        () => cx.b.variantMake(irType, 1, fromUnion(cx, value, t.parts[0]!)),
      );
    }
    default:
      return cx.rtOnObjects("py_any_object", [value], null, irTypeOf(t));
  }
}

/** Whether a union's word holds a value of one of these classes (classCode): an i1. */
export function classIs(cx: LoweringContext, value: Value, codes: readonly string[]): Value {
  const held = cx.rt("py_any_class", [value], null);
  return codes
    .map((code) => cx.b.icmp("eq", held, constants.int(BigInt(code.charCodeAt(0)))))
    .reduce((any, test) => cx.b.select(any, constants.bool(true), test));
}

/**
 * `then(x, t)` for the member the union's word holds (x of type t), each member in a block of its
 * own; the last member is what remains when no test before it held.
 */
export function onUnion(
  cx: LoweringContext,
  value: Value,
  union: PyType,
  resultType: IrType,
  then: (held: Value, heldType: PyType) => Value,
): Value {
  const members = resolve(union).parts;
  const from = (i: number): Value => {
    const member = members[i]!;
    if (i === members.length - 1) return then(fromUnion(cx, value, member), member);
    return cx.choose(
      resultType,
      classIs(cx, value, [classCode(member)!]),
      () => then(fromUnion(cx, value, member), member),
      () => from(i + 1),
    );
  };
  return from(0);
}

/** `a <op> b` where either side is a union: both as unions' words, compared by the runtime. */
export function compareUnions(
  cx: LoweringContext,
  op: CompareOp,
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  loc: SourceLoc | null,
): Value {
  const x = toUnion(cx, a, aType);
  const y = toUnion(cx, b, bType);
  if (op === "eq" || op === "ne") {
    const equal = cx.rt("py_any_eq", [x, y], null);
    return op === "eq" ? equal : cx.b.not(equal);
  }
  const symbol = { lt: "<", le: "l", gt: ">", ge: "g" }[op];
  return cx.rt("py_any_order", [x, y, constants.int(BigInt(symbol.charCodeAt(0)))], loc ?? cx.here());
}

/**
 * isinstance(x, classes) for x of `type` and the classes' codes (narrowing.ts): known from the type
 * when all its members or none are of them, else told at run time from what x holds.
 */
export function isInstanceOf(cx: LoweringContext, value: Value, type: PyType, codes: readonly string[]): Value {
  const members = membersOf(type);
  const matching = members.map((m) => classCode(m)!).filter((code) => codes.includes(code));
  if (matching.length === 0 || matching.length === members.length) return constants.bool(matching.length > 0);
  return classIs(cx, toUnion(cx, value, type), matching);
}

/** hash(x) of a value that may be of several classes (a union, an `int | float`, a `T | None`). */
export function hashOfMembers(cx: LoweringContext, value: Value, type: PyType, loc: SourceLoc): Value {
  return cx.rt("py_any_hash", [toUnion(cx, value, type)], loc);
}

/**
 * A union's value an operation narrowed to one member (CheckedNarrow): that member's value, or
 * CPython's error naming the class the value has.
 */
export function checkedNarrow(cx: LoweringContext, value: Value, checked: CheckedNarrow, loc: SourceLoc): Value {
  const to = resolve(checked.to);
  const others = resolve(checked.from).parts.filter((m) => m !== to);
  const raiseFrom = (i: number): Value => {
    const fail = () => {
      cx.b.raise({ kind: checked.errorKind, message: checked.message(others[i]!), loc });
      return constants.unit();
    };
    if (i === others.length - 1) return fail();
    return cx.choose(types.unit, classIs(cx, value, [classCode(others[i]!)!]), fail, () => raiseFrom(i + 1));
  };
  return cx.choose(
    irTypeOf(to),
    classIs(cx, value, [classCode(to)!]),
    () => fromUnion(cx, value, to),
    () => {
      raiseFrom(0);
      if (!cx.b.isTerminated) cx.b.terminate({ kind: "unreachable" });
      return constants.unit();
    },
  );
}
