// collections.deque: making one (`deque(iterable, maxlen)`), its methods, its items (`d[i]`,
// `d[i] = x`) and walking it. The deque is the runtime's ring buffer (runtime/py_deque.c); a walk
// checks before each element that nothing changed the deque since the walk began, raising
// RuntimeError "deque mutated during iteration" where CPython's iterator does.

import { constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { type PyType, pyTypes, resolve } from "../py-types.js";
import type { NodeSpan } from "../semantic-error.js";
import { asInt } from "./arithmetic.js";
import type { LoweringContext } from "./context.js";
import { callForElement, callWithElement, kindOf } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { unboxInt } from "./ints.js";
import { lowerIteration, type Source, single } from "./iteration.js";
import { coerce, isNone, narrow } from "./optional.js";

/** deque(), deque(iterable), deque(iterable, maxlen), each also by keyword. */
export function lowerDequeCall(cx: LoweringContext, e: ast.Call): Value {
  const element = resolve(cx.typeOf(e)).parts[0]!;
  const given = (position: number, keyword: string) =>
    e.args[position] ?? e.keywords.find((k) => k.arg === keyword)?.value;
  const iterable = given(0, "iterable");
  const maxlenNode = given(1, "maxlen");
  const [bounded, maxlen] =
    maxlenNode === undefined ? [constants.bool(false), constants.int(-1n)] : limit(cx, maxlenNode);
  const deque = cx.rt("py_deque_new", [kindOf(element), bounded, maxlen], cx.loc(e));
  if (iterable !== undefined) extend(cx, deque, element, iterable, "append", e);
  return deque;
}

/** maxlen as the runtime takes it: whether there is one (it is not None), and its value. */
function limit(cx: LoweringContext, node: ast.expr): [Value, Value] {
  const type = resolve(cx.typeOf(node));
  const value = lowerExpression(cx, node);
  if (type === pyTypes.none) return [constants.bool(false), constants.int(-1n)];
  if (type.kind !== "optional") return [constants.bool(true), unboxInt(cx, asInt(cx, value, type), cx.loc(node))];
  const bounded = cx.b.not(isNone(cx, value));
  const int = type.parts[0]!;
  const maxlen = cx.choose(
    types.i64,
    bounded,
    () => unboxInt(cx, asInt(cx, narrow(cx, value, type, int), int), cx.loc(node)),
    () => constants.int(-1n),
  );
  return [bounded, maxlen];
}

/** Appends (or appends on the left) each element of an iterable: a deque through the runtime, which copies itself first. */
function extend(
  cx: LoweringContext,
  deque: Value,
  element: PyType,
  iterable: ast.expr,
  side: "append" | "appendleft",
  e: ast.Call,
): void {
  if (resolve(cx.typeOf(iterable)).kind === "deque") {
    const name = side === "append" ? "py_deque_extend_deque" : "py_deque_extendleft_deque";
    cx.rt(name, [deque, lowerExpression(cx, iterable)], null);
    return;
  }
  lowerIteration(cx, iterable, (x) => {
    callWithElement(cx, `py_deque_${side}`, [deque], coerce(cx, x.value(), x.type, element), element, cx.loc(e));
  });
}

/** `d.name(args)`: the deque methods of the subset. */
export function lowerDequeMethod(cx: LoweringContext, e: ast.Call, deque: Value, type: PyType): Value {
  const name = (e.func as ast.Attribute).attr;
  const element = type.parts[0]!;
  const loc = cx.loc(e);
  const argument = () => lowerExpression(cx, e.args[0]!);
  switch (name) {
    case "append":
    case "appendleft":
      callWithElement(
        cx,
        `py_deque_${name}`,
        [deque],
        coerce(cx, argument(), cx.typeOf(e.args[0]!), element),
        element,
        loc,
      );
      return constants.unit();
    case "pop":
    case "popleft":
      return callForElement(cx, `py_deque_${name}`, [deque], element, loc);
    case "extend":
    case "extendleft":
      extend(cx, deque, element, e.args[0]!, name === "extend" ? "append" : "appendleft", e);
      return constants.unit();
    case "clear":
      cx.rt("py_deque_clear", [deque], null);
      return constants.unit();
    case "rotate": {
      const n = e.args.length === 0 ? constants.int(1n) : asInt(cx, argument(), cx.typeOf(e.args[0]!));
      cx.rt("py_deque_rotate", [deque, n], loc);
      return constants.unit();
    }
  }
  throw new Error(`internal: deque.${name}`);
}

/** `d[index]`, negative from the end; IndexError "deque index out of range". */
export function readDequeItem(cx: LoweringContext, deque: Value, type: PyType, index: Value, node: NodeSpan): Value {
  return callForElement(cx, "py_deque_get", [deque, index], type.parts[0]!, cx.loc(node));
}

/** `d[index] = value`. */
export function writeDequeItem(
  cx: LoweringContext,
  deque: Value,
  type: PyType,
  index: Value,
  value: Value,
  node: NodeSpan,
): void {
  callWithElement(cx, "py_deque_set", [deque, index], value, type.parts[0]!, cx.loc(node));
}

/**
 * The elements of a deque from the first, as many as it had when the walk began, each read after
 * checking that the deque's state is still the one it began with (CPython's dequeiter_next).
 */
export function dequeSource(cx: LoweringContext, deque: Value, element: PyType, node: NodeSpan): Source {
  const state = cx.rt("py_deque_state", [deque], null);
  const length = cx.rt("py_deque_length", [deque], null);
  return {
    start: () => constants.int(0n),
    test: (i) => {
      cx.rt("py_deque_check_state", [deque, state], cx.loc(node));
      return { more: cx.b.icmp("lt", i, length), position: i };
    },
    element: (i) => single(element, callForElement(cx, "py_deque_item", [deque, i], element, null)),
    advance: (i) => ({ state: cx.b.ibinary("add", i, constants.int(1n), null) }),
  };
}
