// Assignment targets: a name, a subscript, or a tuple or list of targets that unpacks a value (with
// one starred target taking the rest as a list). A value with parts (an element of enumerate, zip or
// dict.items) unpacks without a tuple being made.

import { constants, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { unpackedTuple } from "../container-inference.js";
import { listOf, type PyType, resolve } from "../py-types.js";
import { LIST_LENGTH, TUPLE_ITEMS } from "../python-layouts.js";
import type { LoweringContext } from "./context.js";
import { fromTupleSlot, tupleSlotType } from "./elements.js";
import type { Element } from "./iteration.js";
import { listElement, toList } from "./iteration.js";
import { coerce, isNone, payloadOf } from "./optional.js";
import { storeSubscript } from "./subscripts.js";
import { variableType, writeVariable } from "./variables.js";

export function storeTarget(cx: LoweringContext, target: ast.expr, element: Element): void {
  switch (target._type) {
    case "Name":
      if (cx.program.discarded.has(target.id)) return;
      writeVariable(cx, target.id, coerce(cx, element.value(), element.type, variableType(cx, target.id)));
      return;
    case "Subscript":
      storeSubscript(cx, target, element.value(), element.type);
      return;
    case "Tuple":
    case "List": {
      const type = resolve(element.type);
      const starred = target.elts.some((e) => e._type === "Starred");
      if (element.parts !== null && element.parts.length === target.elts.length && !starred) {
        target.elts.forEach((t, i) => {
          storeTarget(cx, t, valued(type.parts[i]!, element.parts![i]!));
        });
        return;
      }
      unpack(cx, target, element.value(), type);
      return;
    }
    default:
      throw new Error(`internal: store to ${target._type}`);
  }
}

/** Assigns a value to a target (an assignment statement's). */
export function assignTarget(cx: LoweringContext, target: ast.expr, value: Value, type: PyType): void {
  storeTarget(cx, target, valued(type, value));
}

function valued(type: PyType, value: Value): Element {
  return { type, value: () => value, parts: null };
}

function unpack(cx: LoweringContext, target: ast.Tuple | ast.List, given: Value, givenType: PyType): void {
  const type = unpackedTuple(givenType);
  let value = given;
  if (type !== givenType) {
    cx.checkCondition(cx.b.not(isNone(cx, given)), "TypeError", "cannot unpack non-iterable NoneType object", target);
    value = payloadOf(cx, given);
  }
  if (type.kind === "tuple") {
    // Inference checked the arity of a tuple, whose length is static.
    const items = cx.b.getField(value, TUPLE_ITEMS);
    target.elts.forEach((t, i) => {
      const part = type.parts[i]!;
      const slot = cx.b.elemGet(tupleSlotType(part), items, constants.int(BigInt(i)));
      storeTarget(cx, t, valued(part, fromTupleSlot(cx, slot, part)));
    });
    return;
  }
  const list = type.kind === "list" ? value : toList(cx, value, type, target);
  const element = type.kind === "str" ? type : resolve(type.parts[0]!);
  const length = cx.b.getField(list, LIST_LENGTH);
  const starAt = target.elts.findIndex((e) => e._type === "Starred");
  const count = target.elts.length;
  cx.rt(
    "py_unpack_check",
    [length, constants.int(BigInt(starAt < 0 ? count : count - 1)), constants.bool(starAt >= 0)],
    cx.loc(target),
  );
  target.elts.forEach((t, i) => {
    if (i === starAt) {
      const stop = cx.b.ibinary("sub", length, constants.int(BigInt(count - 1 - i)), null);
      const rest = cx.rt(
        "py_list_slice",
        [list, constants.int(BigInt(i)), constants.bool(true), stop, constants.bool(true), constants.int(1n)],
        cx.loc(target),
      );
      storeTarget(cx, (t as ast.Starred).value, valued(listOf(element), rest));
      return;
    }
    const at =
      starAt >= 0 && i > starAt
        ? cx.b.ibinary("sub", length, constants.int(BigInt(count - i)), null)
        : constants.int(BigInt(i));
    storeTarget(cx, t, valued(element, listElement(cx, list, at, element)));
  });
}
