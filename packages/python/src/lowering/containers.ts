// Making containers and asking them the questions every container answers: list, tuple, dict and
// set displays and comprehensions, len() and `in` (of deques too), and the operators between containers (`+`, `*`,
// the set operators, a list's `+=`).

import { constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { type PyType, pyTypes, resolve, wordKind } from "../py-types.js";
import { LIST_LENGTH, TUPLE_ITEMS, TUPLE_LENGTH } from "../python-layouts.js";
import type { NodeSpan } from "../semantic-error.js";
import { asInt } from "./arithmetic.js";
import { constantTuple } from "./constant-tuples.js";
import type { LoweringContext } from "./context.js";
import { callWithElement, fromTupleSlot, kindOf, tupleSlotType } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { appendToList, lowerGenerators, makeTuple } from "./iteration.js";
import { refuseEndless } from "./itertools.js";
import { coerce } from "./optional.js";
import { operationsOf } from "./type-operations.js";

export function lowerDisplay(cx: LoweringContext, e: ast.expr): Value {
  const type = resolve(cx.typeOf(e));
  switch (e._type) {
    case "List": {
      const element = type.parts[0]!;
      const list = cx.rt("py_list_new", [kindOf(element), constants.int(BigInt(e.elts.length))], null);
      for (const x of e.elts)
        appendToList(cx, list, coerce(cx, lowerExpression(cx, x), cx.typeOf(x), element), element);
      return list;
    }
    case "Tuple":
      return (
        constantTuple(cx, e) ??
        makeTuple(
          cx,
          e.elts.map((x, i) => coerce(cx, lowerExpression(cx, x), cx.typeOf(x), type.parts[i]!)),
          type.parts,
        )
      );
    case "Set": {
      const set = newSet(cx, type);
      for (const x of e.elts) {
        addToSet(cx, set, coerce(cx, lowerExpression(cx, x), cx.typeOf(x), type.parts[0]!), type.parts[0]!, x);
      }
      return set;
    }
    case "Dict": {
      const dict = newDict(cx, type);
      e.keys.forEach((k, i) => {
        const [keyType, valueType] = type.parts as [PyType, PyType];
        const key = coerce(cx, lowerExpression(cx, k!), cx.typeOf(k!), keyType);
        const value = coerce(cx, lowerExpression(cx, e.values[i]!), cx.typeOf(e.values[i]!), valueType);
        storeInDict(cx, dict, type, key, value, e);
      });
      return dict;
    }
    case "GeneratorExp":
      // Kept as a value, a generator expression is made a list.
      refuseEndless(cx, e);
      return lowerComprehension(cx, e, type);
    case "ListComp":
    case "SetComp":
    case "DictComp":
      return lowerComprehension(cx, e, type);
    default:
      throw new Error(`internal: ${e._type} is no display`);
  }
}

export function newSet(cx: LoweringContext, type: PyType): Value {
  const t = resolve(type);
  return cx.rt("py_set_new", [kindOf(t.parts[0]!), constants.bool(t.flavor === "frozenset")], null);
}

export function addToSet(cx: LoweringContext, set: Value, value: Value, element: PyType, node: NodeSpan): void {
  callWithElement(cx, "py_set_add", [set], value, element, cx.loc(node));
}

export function newDict(cx: LoweringContext, type: PyType): Value {
  const [key, value] = resolve(type).parts as [PyType, PyType];
  return cx.rt("py_dict_new", [kindOf(key), kindOf(value)], null);
}

export function storeInDict(
  cx: LoweringContext,
  dict: Value,
  type: PyType,
  key: Value,
  value: Value,
  node: NodeSpan,
): void {
  const [keyType, valueType] = resolve(type).parts as [PyType, PyType];
  const position = callWithElement(cx, "py_dict_insert", [dict], key, keyType, cx.loc(node));
  callWithElement(cx, "py_dict_set_value", [dict, position], value, valueType, null);
}

/** A comprehension's value: its loops, each element added to a new container. */
function lowerComprehension(
  cx: LoweringContext,
  e: ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp,
  type: PyType,
): Value {
  const exit = cx.b.createBlock("comp.end");
  let result: Value;
  let add: () => void;
  // Each element as the container holds it (an `int | float` among a list's union words).
  const held = (x: ast.expr, slot: PyType) => coerce(cx, lowerExpression(cx, x), cx.typeOf(x), slot);
  const [first, second] = resolve(type).parts as [PyType, PyType];
  if (e._type === "DictComp") {
    result = newDict(cx, type);
    add = () => storeInDict(cx, result, type, held(e.key, first), held(e.value, second), e);
  } else if (e._type === "SetComp") {
    result = newSet(cx, type);
    add = () => addToSet(cx, result, held(e.elt, first), first, e.elt);
  } else {
    result = cx.rt("py_list_new", [kindOf(first), constants.int(0n)], null);
    add = () => appendToList(cx, result, held(e.elt, first), first);
  }
  lowerGenerators(cx, e.generators, 0, exit, add);
  cx.jump(exit);
  cx.ssa.seal(exit);
  cx.startBlock(exit);
  return result;
}

/** len(x) of a str or container. */
export function lengthOf(cx: LoweringContext, value: Value, type: PyType): Value {
  switch (resolve(type).kind) {
    case "list":
      return cx.b.getField(value, LIST_LENGTH);
    case "tuple":
      return cx.b.getField(value, TUPLE_LENGTH);
    case "dict":
      return cx.rt("py_dict_length", [value], null);
    case "set":
      return cx.rt("py_set_length", [value], null);
    case "deque":
      return cx.rt("py_deque_length", [value], null);
    case "union":
      return cx.rt("py_any_len", [value], cx.here());
    case "bytes":
      return cx.rt("py_bytes_length", [value], null);
    default:
      return cx.rt("rt_str_len", [value], null);
  }
}

/** `element in container`, an i1. */
export function lowerMembership(
  cx: LoweringContext,
  element: Value,
  elementType: PyType,
  container: Value,
  containerType: PyType,
  node: NodeSpan | null,
): Value {
  const t = resolve(containerType);
  const loc = node === null ? null : cx.loc(node);
  // None or a T looked for among `T | None`s: as the slots hold it.
  if (t.kind !== "str" && t.kind !== "tuple" && t.kind !== "bytes") {
    element = coerce(cx, element, elementType, t.parts[0]!);
  }
  switch (t.kind) {
    case "str":
      return cx.rt("rt_str_contains", [container, element], null);
    case "bytes":
      if (resolve(elementType) === pyTypes.bytes) return cx.rt("py_bytes_contains", [container, element], null);
      return cx.rt("py_bytes_contains_int", [container, asInt(cx, element, elementType)], loc ?? cx.here());
    case "list":
      return callWithElement(cx, "py_list_contains", [container], element, t.parts[0]!, loc);
    case "set":
      return callWithElement(cx, "py_set_contains", [container], element, t.parts[0]!, loc);
    case "deque":
      return callWithElement(cx, "py_deque_contains", [container], element, t.parts[0]!, loc);
    case "dict": {
      const position = callWithElement(cx, "py_dict_find", [container], element, t.parts[0]!, loc);
      return cx.b.icmp("ge", position, constants.int(0n));
    }
    default:
      return tupleContains(cx, element, container, t);
  }
}

/** `x in tuple`: each element compared in turn (tuples are short and their elements of one type). */
function tupleContains(cx: LoweringContext, element: Value, tuple: Value, type: PyType): Value {
  const found = cx.b.createBlock("in.found");
  const join = cx.b.createBlock("in.end");
  const name = cx.freshName("in");
  cx.hiddenTypes.set(name, types.i1);
  cx.ssa.write(name, cx.b.block, constants.bool(false));
  const items = cx.b.getField(tuple, TUPLE_ITEMS);
  type.parts.forEach((part, i) => {
    const slot = cx.b.elemGet(tupleSlotType(part), items, constants.int(BigInt(i)));
    const equal = operationsOf(part).compare(cx, "eq", fromTupleSlot(cx, slot, part), element);
    const next = cx.b.createBlock("in.next");
    cx.branch(equal, found, next);
    cx.ssa.seal(next);
    cx.startBlock(next);
  });
  cx.jump(join);
  cx.ssa.seal(found);
  cx.startBlock(found);
  cx.ssa.write(name, found, constants.bool(true));
  cx.jump(join);
  cx.ssa.seal(join);
  cx.startBlock(join);
  return cx.ssa.read(name, join);
}

/** `a <op> b` where the result is a container (inference allowed only these combinations). */
export function lowerContainerBinary(
  cx: LoweringContext,
  op: ast.operator["_type"],
  a: Value,
  aType: PyType,
  b: Value,
  bType: PyType,
  resultType: PyType,
  node: NodeSpan,
): Value {
  const x = resolve(aType);
  const result = resolve(resultType);
  if (result.kind === "list") {
    if (op === "Add") {
      const kinds = [x, resolve(bType), result].map((t) => wordKind(t.parts[0]!));
      if (kinds.every((k) => k === kinds[0])) return cx.rt("py_list_concat", [a, b], null);
      // Lists of different element types: their elements converted to the result's (a union's words).
      return cx.rt("py_list_concat_as", [a, b, kindOf(result.parts[0]!)], null);
    }
    const [list, count, countType] = x.kind === "list" ? [a, b, bType] : [b, a, aType];
    return cx.rt("py_list_repeat", [list, asInt(cx, count, countType)], cx.loc(node));
  }
  if (result.kind === "dict") {
    // Counter arithmetic: a new Counter.
    const code = { Add: "+", Sub: "-", BitOr: "|", BitAnd: "&" }[op as "Add"];
    return cx.rt("py_counter_combine", [a, b, constants.int(BigInt(code.charCodeAt(0)))], null);
  }
  if (result.kind === "tuple") {
    const y = resolve(bType);
    const parts = [...readTuple(cx, a, x), ...readTuple(cx, b, y)];
    return makeTuple(cx, parts, result.parts);
  }
  const name = { BitOr: "union", BitAnd: "intersection", Sub: "difference", BitXor: "symmetric_difference" }[
    op as "BitOr"
  ];
  return cx.rt(`py_set_${name}`, [a, b], null);
}

function readTuple(cx: LoweringContext, tuple: Value, type: PyType): Value[] {
  const items = cx.b.getField(tuple, TUPLE_ITEMS);
  return type.parts.map((part, i) =>
    fromTupleSlot(cx, cx.b.elemGet(tupleSlotType(part), items, constants.int(BigInt(i))), part),
  );
}

/** `target op= value` on a list or set: in place, as Python's list += and set |= are. */
export function lowerContainerUpdate(
  cx: LoweringContext,
  op: ast.operator["_type"],
  target: Value,
  type: PyType,
  value: Value,
  valueType: PyType,
  node: NodeSpan,
): Value {
  const t = resolve(type);
  if (t.kind === "list") {
    if (op === "Add") {
      cx.rt("py_list_extend", [target, value], null);
      return target;
    }
    return lowerContainerBinary(cx, op, target, type, value, valueType, type, node);
  }
  if (t.kind === "set") {
    const name = { BitOr: "inplace_or", BitAnd: "inplace_and", Sub: "inplace_sub", BitXor: "inplace_xor" }[
      op as "BitOr"
    ];
    return cx.rt(`py_set_${name}`, [target, value], null);
  }
  if (t.kind === "dict") {
    // c += d changes c itself, as Counter's in-place operators do: other names of it see the change.
    const combined = lowerContainerBinary(cx, op, target, type, value, valueType, type, node);
    cx.rt("py_counter_assign", [target, combined], null);
    return target;
  }
  return lowerContainerBinary(cx, op, target, type, value, valueType, type, node);
}
