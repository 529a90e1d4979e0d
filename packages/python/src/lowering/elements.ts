// Values as containers hold them (runtime/py_containers.h): a word of the value's kind, or an object
// reference. The runtime's functions over elements come in two forms, `_word` (an i64 word: ints'
// tagged words, floats' bits, bools, None) and `_obj` (an object, declared with the element's own
// reference type); these helpers pick the form and convert, so every container operation is written
// once. An int's word may be a big int's reference: a `_word` function returning one is declared
// with the result `tagged`, so that its reference is counted as the function says (owned or
// borrowed), and int slots are read and written as `tagged`.

import { constants, type IrType, type SourceLoc, types, type Value } from "@toolchain/compiler";
import { type PyType, wordKind } from "../py-types.js";
import type { LoweringContext } from "./context.js";
import { irTypeOf } from "./type-operations.js";

/** The kind character of a type, as the i64 constant the runtime takes. */
export function kindOf(type: PyType): Value {
  return constants.int(BigInt(wordKind(type).charCodeAt(0)));
}

export function isObject(type: PyType): boolean {
  return wordKind(type) === "o";
}

/** A value of a word kind as its i64 word (an int's borrowed). */
export function toWord(cx: LoweringContext, value: Value, type: PyType): Value {
  switch (wordKind(type)) {
    case "i":
    case "a":
      return cx.b.convert("bitcast", value, types.i64);
    case "f":
      return cx.b.convert("bitcast", value, types.i64);
    case "b":
      return cx.b.zext(value);
    case "n":
      return constants.int(0n);
    default:
      return value;
  }
}

/** An i64 word as a value of its type, not a tagged word (an int's or a union's, read as `tagged`). */
function fromWord(cx: LoweringContext, word: Value, type: PyType): Value {
  switch (wordKind(type)) {
    case "f":
      return cx.b.convert("bitcast", word, types.f64);
    case "b":
      return cx.b.icmp("ne", word, constants.int(0n));
    case "n":
      return constants.unit();
    default:
      return word;
  }
}

/**
 * Calls the runtime function `<base>_word` or `<base>_obj` with `args` and then the element. The
 * result, when the function returns an element, is converted to `resultType`.
 */
export function callWithElement(
  cx: LoweringContext,
  base: string,
  args: Value[],
  element: Value,
  elementType: PyType,
  loc: SourceLoc | null,
): Value {
  if (isObject(elementType)) return cx.rtOnObjects(`${base}_obj`, [...args, element], loc);
  return cx.rt(`${base}_word`, [...args, toWord(cx, element, elementType)], loc);
}

/** Calls `<base>_word` or `<base>_obj`, whose result is an element of `type`. */
export function callForElement(
  cx: LoweringContext,
  base: string,
  args: Value[],
  type: PyType,
  loc: SourceLoc | null,
): Value {
  if (isObject(type)) return cx.rtOnObjects(`${base}_obj`, args, loc, irTypeOf(type));
  if (isTaggedWord(type)) return cx.rtOnObjects(`${base}_word`, args, loc, types.tagged);
  return fromWord(cx, cx.rt(`${base}_word`, args, loc), type);
}

/** How a list stores elements of `type` in its data: bools and None in a byte, the rest in a word. */
export function listSlotType(type: PyType): IrType {
  const kind = wordKind(type);
  if (kind === "b" || kind === "n") return types.i8;
  return irTypeOf(type);
}

/** A list slot's contents as a value of `type`. */
export function fromListSlot(cx: LoweringContext, slot: Value, type: PyType): Value {
  const kind = wordKind(type);
  if (kind === "b") return cx.b.icmp("ne", slot, constants.int(0n, types.i8));
  if (kind === "n") return constants.unit();
  return slot;
}

/** A value of `type` as a list slot's contents. */
export function toListSlot(cx: LoweringContext, value: Value, type: PyType): Value {
  const kind = wordKind(type);
  if (kind === "b") return cx.b.zext(value, types.i8);
  if (kind === "n") return constants.int(0n, types.i8);
  return value;
}

/** Whether a slot holds a counted value (an object, or a tagged word that may hold one) as its own type. */
function isCountedSlot(type: PyType): boolean {
  return isObject(type) || isTaggedWord(type);
}

/** Whether values of the type are tagged words: an int's (which may be a big one) or a union's. */
function isTaggedWord(type: PyType): boolean {
  const kind = wordKind(type);
  return kind === "i" || kind === "a";
}

/** How a tuple stores an element of `type`: every slot is a word, objects and ints as themselves. */
export function tupleSlotType(type: PyType): IrType {
  return isCountedSlot(type) ? irTypeOf(type) : types.i64;
}

export function fromTupleSlot(cx: LoweringContext, slot: Value, type: PyType): Value {
  return isCountedSlot(type) ? slot : fromWord(cx, slot, type);
}

export function toTupleSlot(cx: LoweringContext, value: Value, type: PyType): Value {
  return isCountedSlot(type) ? value : toWord(cx, value, type);
}
