// Values of type `T | None` in the IR, in one of two forms:
// - an int's: one tagged word, None being the absent word (the runtime's rt_absent, which no integer
//   has), so that containers hold `int | None` in their int slots and a T is its own `T | None`;
// - any other T's: the variant of unit and T (for an object T its pointer, null for None).
// A value enters such a slot by `coerce` (None or a T made one), and leaves it where inference
// narrowed it (a read of the variable after `x is not None`): its payload.

import { constants, type IrType, types, type Value, variantType } from "@toolchain/compiler";
import { type PyType, pyTypes, resolve, wordKind } from "../py-types.js";
import type { LoweringContext } from "./context.js";
import { makeTuple } from "./iteration.js";
import { toNumber } from "./numbers.js";
import { readTupleSlot } from "./subscripts.js";
import { irTypeOf } from "./type-operations.js";
import { fromUnion, toUnion } from "./unions.js";

/** The IR type of `T | None` for T's IR type: the tagged word itself, or the variant. */
export function optionalIrType(part: IrType): IrType {
  return part === types.tagged ? types.tagged : variantType([types.unit, part]);
}

/** None as a `T | None` of IR type `irType`. */
export function noneOf(cx: LoweringContext, irType: IrType): Value {
  return irType === types.tagged ? constants.none(types.tagged) : cx.b.variantMake(irType, 0, null);
}

/** A `T | None` known to hold a T, as the T. */
export function payloadOf(cx: LoweringContext, value: Value): Value {
  return value.type === types.tagged ? value : cx.b.variantPayload(value, 1);
}

/** A value of type `from` as the type `to` holds it: the same, or made a `T | None`, an `int | float` or a union. */
export function coerce(cx: LoweringContext, value: Value, from: PyType, to: PyType): Value {
  const source = resolve(from);
  const target = resolve(to);
  if (source.kind === "union" && target.kind !== "union") return fromUnion(cx, value, target);
  if (target === pyTypes.number && source !== target) return toNumber(cx, value, source);
  if (target.kind === "union" && source !== target) return toUnion(cx, value, source);
  if (target.kind === "tuple" && source.kind === "tuple" && source !== target)
    return retypedTuple(cx, value, source, target);
  if (source === target || target.kind !== "optional") return value;
  const irType = irTypeOf(target);
  if (source === pyTypes.none) return noneOf(cx, irType);
  return irType === types.tagged ? value : cx.b.variantMake(irType, 1, value);
}

/** A `T | None` value known to hold a T, or a union's known to hold some of its members (narrowed), as such. */
export function narrow(cx: LoweringContext, value: Value, from: PyType, to: PyType): Value {
  const source = resolve(from);
  const target = resolve(to);
  if (source === target) return value;
  if (source.kind === "union") return fromUnion(cx, value, target);
  if (target === pyTypes.none) return constants.unit();
  // An `int | float` known to be one of them (isinstance).
  if (source === pyTypes.number) return cx.b.variantPayload(value, target === pyTypes.float ? 1 : 0);
  return source.kind === "optional" && target.kind !== "optional" ? payloadOf(cx, value) : value;
}

/** Whether a `T | None` value is None: an i1. */
export function isNone(cx: LoweringContext, value: Value): Value {
  if (value.type === types.tagged) {
    const word = (v: Value) => cx.b.convert("bitcast", v, types.i64);
    return cx.b.icmp("eq", word(value), word(constants.none(types.tagged)));
  }
  const tag = cx.b.variantTag(value);
  return cx.b.icmp("eq", tag, constants.int(0n, tag.type));
}

/**
 * A tuple as a tuple of another type of its length (its elements joined with another's: py-types'
 * tupleJoin): a copy with each element made the target's element type; the same tuple where no
 * element changes its representation (a namedtuple and its plain tuple, a tree and a leaf).
 */
function retypedTuple(cx: LoweringContext, value: Value, from: PyType, to: PyType): Value {
  // A recursive tuple's unrollings hold None as it does (the runtime reads both as None).
  if (from.recursive || to.recursive || from.parts.length !== to.parts.length) return value;
  if (from.parts.every((p, i) => irTypeOf(p) === irTypeOf(to.parts[i]!) && sameWord(p, to.parts[i]!))) return value;
  const elements = from.parts.map((p, i) =>
    coerce(cx, readTupleSlot(cx, value, constants.int(BigInt(i)), p), p, to.parts[i]!),
  );
  return makeTuple(cx, elements, to.parts);
}

/** Whether values of the two types are held alike in a tuple's slots. */
function sameWord(a: PyType, b: PyType): boolean {
  return wordKind(a) === wordKind(b) && (resolve(a).kind !== "optional") === (resolve(b).kind !== "optional");
}
