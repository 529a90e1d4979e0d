// Subscripts: reading, writing, updating (`d[k] += 1`) and deleting items of lists, tuples, dicts,
// deques and strings, and slices. A list item is read and written in place after a bounds check of the
// normalised index (negative from the end), raising IndexError with CPython's messages; a dict item
// goes through its entry's position, so an update looks the key up once.

import { constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { constantIndex } from "../container-inference.js";
import { isSysArgv } from "../inference-rules.js";
import { type PyType, pyTypes, resolve } from "../py-types.js";
import { LIST_DATA, LIST_LENGTH, TUPLE_ITEMS, TUPLE_LENGTH } from "../python-layouts.js";
import type { NodeSpan } from "../semantic-error.js";
import { asInt, binary } from "./arithmetic.js";
import { lowerArgvItem } from "./builtins.js";
import type { LoweringContext } from "./context.js";
import { readDequeItem, writeDequeItem } from "./deques.js";
import {
  callForElement,
  callWithElement,
  fromListSlot,
  fromTupleSlot,
  listSlotType,
  toListSlot,
  tupleSlotType,
} from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { unboxIndex } from "./ints.js";
import { coerce } from "./optional.js";
import { irTypeOf } from "./type-operations.js";
import { fromUnion, isUnion, toUnion } from "./unions.js";

export function lowerSubscript(cx: LoweringContext, e: ast.Subscript): Value {
  if (isSysArgv(cx.program.imports, e.value) && e.slice._type !== "Slice") return lowerArgvItem(cx, e);
  const container = lowerExpression(cx, e.value);
  const type = resolve(cx.typeOf(e.value));
  if (e.slice._type === "Slice") return lowerSlice(cx, container, type, e.slice, e);
  switch (type.kind) {
    case "list": {
      const index = checkedIndex(cx, container, LIST_LENGTH, lowerIndex(cx, e.slice), "list index out of range", e);
      return readListItem(cx, container, index, type.parts[0]!);
    }
    case "tuple": {
      const constant = constantIndex(e.slice);
      if (constant !== null) {
        const at = constant < 0 ? type.parts.length + constant : constant;
        return readTupleSlot(cx, container, constants.int(BigInt(at)), type.parts[at]!);
      }
      const index = checkedIndex(cx, container, TUPLE_LENGTH, lowerIndex(cx, e.slice), "tuple index out of range", e);
      return readTupleSlot(cx, container, index, type.parts[0]!);
    }
    case "str":
      return cx.rt("py_str_getitem", [container, lowerIndex(cx, e.slice)], cx.loc(e));
    case "bytes":
      return cx.rt("py_bytes_getitem", [container, lowerIndex(cx, e.slice)], cx.loc(e));
    case "deque":
      return readDequeItem(cx, container, type, lowerIndex(cx, e.slice), e);
    case "union": {
      // Looked up by what it holds; the item comes as a union's word, taken out as the type inferred.
      const key = toUnion(cx, lowerExpression(cx, e.slice), cx.typeOf(e.slice));
      return fromUnion(cx, cx.rt("py_any_getitem", [container, key], cx.loc(e)), cx.typeOf(e));
    }
    case "dict": {
      if (isUnion(cx.typeOf(e.slice)) && !isUnion(type.parts[0]!)) {
        // A key of several classes: looked up by what it holds, as the runtime looks a union's item up.
        const key = toUnion(cx, lowerExpression(cx, e.slice), cx.typeOf(e.slice));
        const item = cx.rt("py_any_getitem", [toUnion(cx, container, type), key], cx.loc(e));
        return fromUnion(cx, item, type.parts[1]!);
      }
      const key = lowerKey(cx, e.slice, type);
      if (type.flavor === "Counter") return counterValue(cx, container, key, type, e);
      const position = findKey(cx, container, key, type, e);
      return callForElement(cx, "py_dict_value", [container, position], type.parts[1]!, null);
    }
    default:
      throw new Error(`internal: subscript of ${type.text}`);
  }
}

/** An index as the machine integer lists and strings are indexed by. */
function lowerIndex(cx: LoweringContext, index: ast.expr): Value {
  return unboxIndex(cx, asInt(cx, lowerExpression(cx, index), cx.typeOf(index)), cx.loc(index));
}

/** The index made non-negative (from the end when negative), raising IndexError when out of range. */
function checkedIndex(
  cx: LoweringContext,
  container: Value,
  lengthField: number,
  index: Value,
  message: string,
  node: NodeSpan,
): Value {
  const length = cx.b.getField(container, lengthField);
  // The test is on the index itself (-n <= i < n), so range analysis learns i's bounds from it.
  const inRange = cx.b.select(
    cx.b.icmp("ge", index, cx.b.ibinary("sub", constants.int(0n), length, null)),
    cx.b.icmp("lt", index, length),
    constants.bool(false),
  );
  cx.checkCondition(inRange, "IndexError", message, node);
  const negative = cx.b.icmp("lt", index, constants.int(0n));
  return cx.b.select(negative, cx.b.ibinary("add", index, length, null), index);
}

function readListItem(cx: LoweringContext, list: Value, index: Value, type: PyType): Value {
  const slot = cx.b.elemGet(listSlotType(type), cx.b.getField(list, LIST_DATA), index);
  return fromListSlot(cx, slot, type);
}

export function readTupleSlot(cx: LoweringContext, tuple: Value, index: Value, type: PyType): Value {
  const slot = cx.b.elemGet(tupleSlotType(type), cx.b.getField(tuple, TUPLE_ITEMS), index);
  return fromTupleSlot(cx, slot, type);
}

/** A dict's key expression as the dict's keys are held (an int looked up among `int | str` keys). */
function lowerKey(cx: LoweringContext, key: ast.expr, dict: PyType): Value {
  return coerce(cx, lowerExpression(cx, key), cx.typeOf(key), resolve(dict).parts[0]!);
}

/** A Counter's count of a key: 0 for a key it does not have (which it does not insert). */
function counterValue(cx: LoweringContext, counter: Value, key: Value, type: PyType, node: NodeSpan): Value {
  const position = callWithElement(cx, "py_dict_find", [counter], key, type.parts[0]!, cx.loc(node));
  return cx.choose(
    types.tagged,
    cx.b.icmp("ge", position, constants.int(0n)),
    () => callForElement(cx, "py_dict_value", [counter, position], pyTypes.int, null),
    () => constants.immediate(0n),
  );
}

/**
 * The position of a key's entry; for a key it has not, a defaultdict inserts its factory's value
 * and a dict raises KeyError(key).
 */
function findKey(cx: LoweringContext, dict: Value, key: Value, type: PyType, node: NodeSpan): Value {
  const keyType = type.parts[0]!;
  if (type.flavor === "defaultdict") {
    return callWithElement(cx, "py_dict_insert_default", [dict], key, keyType, cx.loc(node));
  }
  const position = callWithElement(cx, "py_dict_find", [dict], key, keyType, cx.loc(node));
  const missing = cx.b.createBlock("dict.missing");
  const found = cx.b.createBlock("dict.found");
  cx.branch(cx.b.icmp("lt", position, constants.int(0n)), missing, found);
  cx.ssa.seal(missing);
  cx.startBlock(missing);
  callWithElement(cx, "py_dict_key_error", [dict], key, keyType, cx.loc(node));
  cx.b.terminate({ kind: "unreachable" });
  cx.ssa.seal(found);
  cx.startBlock(found);
  return position;
}

/** Slice bounds as the runtime takes them: each bound and whether it was given (None is not). */
function sliceBounds(cx: LoweringContext, slice: ast.Slice): Value[] {
  const bound = (e: ast.expr | null): [Value, Value] => {
    if (e === null || cx.typeOf(e) === pyTypes.none) return [constants.int(0n), constants.bool(false)];
    return [lowerIndex(cx, e), constants.bool(true)];
  };
  const step =
    slice.step === null || cx.typeOf(slice.step) === pyTypes.none ? constants.int(1n) : lowerIndex(cx, slice.step);
  return [...bound(slice.lower), ...bound(slice.upper), step];
}

function lowerSlice(cx: LoweringContext, container: Value, type: PyType, slice: ast.Slice, node: NodeSpan): Value {
  const bounds = sliceBounds(cx, slice);
  if (type.kind === "union")
    return fromUnion(cx, cx.rt("py_any_slice", [container, ...bounds], cx.loc(node)), cx.typeOf(node as ast.expr));
  const name = type.kind === "list" ? "py_list_slice" : type.kind === "bytes" ? "py_bytes_slice" : "py_str_slice";
  return cx.rt(name, [container, ...bounds], cx.loc(node));
}

/** `container[index] = value`. */
export function storeSubscript(cx: LoweringContext, target: ast.Subscript, given: Value, givenType: PyType): void {
  const container = lowerExpression(cx, target.value);
  const type = resolve(cx.typeOf(target.value));
  // The value as the container holds it (an int stored among `int | str`s); a slice stores a list.
  const slotType = target.slice._type === "Slice" ? givenType : type.parts[type.kind === "dict" ? 1 : 0]!;
  const value = coerce(cx, given, givenType, slotType);
  const valueType = slotType;
  if (type.kind === "list") {
    if (target.slice._type === "Slice") {
      cx.rt("py_list_assign_slice", [container, ...sliceBounds(cx, target.slice), value], cx.loc(target));
      return;
    }
    const index = lowerIndex(cx, target.slice);
    writeListItem(cx, container, index, value, type, target);
    return;
  }
  if (type.kind === "deque") {
    writeDequeItem(cx, container, type, lowerIndex(cx, target.slice), value, target);
    return;
  }
  const key = lowerKey(cx, target.slice, type);
  const position = callWithElement(cx, "py_dict_insert", [container], key, type.parts[0]!, cx.loc(target));
  callWithElement(cx, "py_dict_set_value", [container, position], value, valueType, null);
}

function writeListItem(
  cx: LoweringContext,
  list: Value,
  index: Value,
  value: Value,
  type: PyType,
  node: NodeSpan,
): void {
  const at = checkedIndex(cx, list, LIST_LENGTH, index, "list assignment index out of range", node);
  const element = type.parts[0]!;
  cx.b.elemSet(cx.b.getField(list, LIST_DATA), at, toListSlot(cx, value, element));
}

/** `container[index] op= value`: the container and index evaluated once. */
export function updateSubscript(cx: LoweringContext, s: ast.AugAssign): void {
  const target = s.target as ast.Subscript;
  const container = lowerExpression(cx, target.value);
  const type = resolve(cx.typeOf(target.value));
  const resultType = cx.typeOf(target);
  if (type.kind === "list") {
    const at = checkedIndex(
      cx,
      container,
      LIST_LENGTH,
      lowerIndex(cx, target.slice),
      "list index out of range",
      target,
    );
    const element = type.parts[0]!;
    const current = readListItem(cx, container, at, element);
    const updated = binary(
      cx,
      s.op._type,
      current,
      element,
      lowerExpression(cx, s.value),
      cx.typeOf(s.value),
      resultType,
      s,
    );
    cx.b.elemSet(cx.b.getField(container, LIST_DATA), at, toListSlot(cx, updated, element));
    return;
  }
  if (type.kind === "deque") {
    const index = lowerIndex(cx, target.slice);
    const element = type.parts[0]!;
    const current = readDequeItem(cx, container, type, index, target);
    const value = lowerExpression(cx, s.value);
    const updated = binary(cx, s.op._type, current, element, value, cx.typeOf(s.value), resultType, s);
    writeDequeItem(cx, container, type, index, updated, target);
    return;
  }
  const key = lowerKey(cx, target.slice, type);
  const valueType = type.parts[1]!;
  if (type.flavor === "Counter") {
    // A missing key counts 0; the updated count is stored as a new entry then.
    const count = counterValue(cx, container, key, type, target);
    const value = lowerExpression(cx, s.value);
    const updated = binary(cx, s.op._type, count, valueType, value, cx.typeOf(s.value), resultType, s);
    const at = callWithElement(cx, "py_dict_insert", [container], key, type.parts[0]!, cx.loc(target));
    callWithElement(cx, "py_dict_set_value", [container, at], updated, valueType, null);
    return;
  }
  const position = findKey(cx, container, key, type, target);
  const current = callForElement(cx, "py_dict_value", [container, position], valueType, null);
  const updated = binary(
    cx,
    s.op._type,
    current,
    valueType,
    lowerExpression(cx, s.value),
    cx.typeOf(s.value),
    resultType,
    s,
  );
  callWithElement(cx, "py_dict_set_value", [container, position], updated, valueType, null);
}

/** `del container[index]`. */
export function deleteSubscript(cx: LoweringContext, target: ast.Subscript): void {
  const container = lowerExpression(cx, target.value);
  const type = resolve(cx.typeOf(target.value));
  if (type.kind === "list") {
    if (target.slice._type === "Slice") {
      cx.rt("py_list_delete_slice", [container, ...sliceBounds(cx, target.slice)], cx.loc(target));
      return;
    }
    cx.rt("py_list_delete", [container, lowerIndex(cx, target.slice)], cx.loc(target));
    return;
  }
  callWithElement(cx, "py_dict_delete", [container], lowerKey(cx, target.slice, type), type.parts[0]!, cx.loc(target));
}

/**
 * `d[k] = d.get(k, default) <op> x`, the counting idiom, with one lookup of the key instead of two:
 * the entry is found or made (a new one last, where the assignment would put it), then its value
 * is set from what `get` would have given. Only where nothing can tell the two apart: `k` and `x`
 * are names or constants (evaluating them again, or first, changes nothing) and the operation is
 * number arithmetic that cannot fail (so no key is inserted by a statement that raises). Word
 * counting spent a fifth of its time in the second lookup.
 */
export function lowerCountingUpdate(cx: LoweringContext, s: ast.Assign): boolean {
  const target = s.targets[0];
  const value = s.value;
  if (s.targets.length !== 1 || target?._type !== "Subscript" || target.slice._type === "Slice") return false;
  if (value._type !== "BinOp" || !COUNTING_OPS.has(value.op._type) || !isPlain(value.right)) return false;
  const call = value.left;
  if (call._type !== "Call" || call.func._type !== "Attribute" || call.func.attr !== "get") return false;
  if (call.args.length !== 2 || call.keywords.length > 0 || cx.spec.calls.has(call)) return false;
  const dict = target.value;
  if (dict._type !== "Name" || call.func.value._type !== "Name" || call.func.value.id !== dict.id) return false;
  if (!isPlain(target.slice) || !sameName(target.slice, call.args[0]!)) return false;
  const dictType = resolve(cx.typeOf(dict));
  const valueType = cx.typeOf(value);
  if (dictType.kind !== "dict" || dictType.flavor !== undefined || !isNumber(valueType)) return false;
  const fallbackType = cx.typeOf(call.args[1]!);
  const same = [dictType.parts[1]!, cx.typeOf(call), fallbackType].every((t) => resolve(t) === valueType);
  if (!same) return false;

  const d = lowerExpression(cx, dict);
  const key = lowerKey(cx, target.slice, dictType);
  const fallback = lowerExpression(cx, call.args[1]!);
  const keyType = dictType.parts[0]!;
  const found = callWithElement(cx, "py_dict_insert_new", [d], key, keyType, cx.loc(target));
  // A new entry (found < 0 encodes it as -found - 1) holds nothing yet: `get` gives the default.
  const isNew = cx.b.icmp("lt", found, constants.int(0n));
  const position = cx.b.select(isNew, cx.b.ibinary("sub", constants.int(-1n), found, null), found);
  const current = cx.choose(
    irTypeOf(valueType),
    isNew,
    () => fallback,
    () => callForElement(cx, "py_dict_value", [d, position], valueType, null),
  );
  const right = lowerExpression(cx, value.right);
  const updated = binary(cx, value.op._type, current, valueType, right, cx.typeOf(value.right), valueType, value);
  callWithElement(cx, "py_dict_set_value", [d, position], updated, valueType, null);
  return true;
}

const COUNTING_OPS = new Set<ast.operator["_type"]>(["Add", "Sub", "Mult"]);

/** A name or a constant: evaluating it again, or earlier, gives the same and does nothing else. */
function isPlain(e: ast.expr): boolean {
  return e._type === "Name" || e._type === "Constant";
}

function sameName(a: ast.expr, b: ast.expr): boolean {
  if (a._type === "Name" && b._type === "Name") return a.id === b.id;
  return a._type === "Constant" && b._type === "Constant" && a.value === b.value;
}

function isNumber(type: PyType): boolean {
  const t = resolve(type);
  return t === pyTypes.int || t === pyTypes.float;
}
