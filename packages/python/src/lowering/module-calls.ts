// Calls of module functions, as stdlib-modules.ts's table says: a runtime call of the overload the
// argument types choose (arguments converted to its parameters' types, defaults filled in), or the
// module's own lowering for the functions that are more than a call (math's, sys.exit, reduce,
// os.path.join of several parts, os.environ.get with a default, itertools', collections').

import { constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { optionalOf, type PyType, pyTypes, resolve } from "../py-types.js";
import { chooseOverload, MODULES } from "../stdlib-modules.js";
import { asFloat, asInt } from "./arithmetic.js";
import { lowerSysExit } from "./builtins.js";
import { lengthOf } from "./containers.js";
import type { LoweringContext } from "./context.js";
import { lowerDequeCall } from "./deques.js";
import { callForElement, callWithElement, kindOf } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { applyBinary } from "./function-values.js";
import { unboxInt } from "./ints.js";
import { collectIterable, listElement, lowerIteration } from "./iteration.js";
import { lowerItertoolsCall } from "./itertools.js";
import { lowerMathCall } from "./math.js";
import { isNone, narrow } from "./optional.js";
import { irTypeOf, operationsOf } from "./type-operations.js";

const OWN_LOWERING: Record<string, (cx: LoweringContext, e: ast.Call, name: string) => Value> = {
  math: lowerMathCall,
  sys: (cx, e) => lowerSysExit(cx, e),
  random: lowerRandomOnSequence,
  collections: lowerCollectionsCall,
  heapq: lowerListFunction,
  bisect: lowerListFunction,
  functools: (cx, e) => lowerReduce(cx, e),
  itertools: (cx, e) => lowerItertoolsCall(cx, e),
  "os.path": (cx, e) => lowerPathJoin(cx, e),
  "os.environ": (cx, e) => lowerEnvironGet(cx, e),
};

/**
 * functools.reduce(f, iterable[, initial]): f applied to the accumulated value and each element in
 * turn, the first element starting the accumulation when there is no initial value.
 */
function lowerReduce(cx: LoweringContext, e: ast.Call): Value {
  const type = cx.typeOf(e);
  const f = e.args[0]!;
  const initial = e.args[2];
  const accumulated = cx.temporary(
    irTypeOf(type),
    initial === undefined ? operationsOf(type).zero() : lowerExpression(cx, initial),
  );
  const started = cx.temporary(types.i1, constants.bool(initial !== undefined));
  lowerIteration(cx, e.args[1]!, (x) => {
    const value = x.value();
    const combined = () => applyBinary(cx, f, accumulated.read(), type, value, x.type, e);
    // Without an initial value the elements are of the accumulated type.
    accumulated.write(
      initial === undefined ? cx.choose(irTypeOf(type), started.read(), combined, () => value) : combined(),
    );
    started.write(constants.bool(true));
  });
  if (initial === undefined) {
    cx.checkCondition(started.read(), "TypeError", "reduce() of empty iterable with no initial value", e);
  }
  return accumulated.read();
}

/** os.path.join(a, b, ...): posixpath's join folded over the parts. */
function lowerPathJoin(cx: LoweringContext, e: ast.Call): Value {
  const parts = e.args.map((a) => lowerExpression(cx, a));
  return parts.slice(1).reduce((path, part) => cx.rt("py_os_path_join", [path, part], null), parts[0]!);
}

/** os.environ.get(key), None when absent, or get(key, default). */
function lowerEnvironGet(cx: LoweringContext, e: ast.Call): Value {
  const key = lowerExpression(cx, e.args[0]!);
  const fallback = e.args[1] === undefined ? null : lowerExpression(cx, e.args[1]);
  const value = cx.rt("py_os_environ_get", [key], null);
  const type = cx.typeOf(e);
  if (fallback === null || resolve(type).kind === "optional") {
    // The runtime's NULL is the None of `str | None`; a None default changes nothing.
    return value;
  }
  return cx.choose(
    irTypeOf(type),
    isNone(cx, value),
    () => fallback,
    () => narrow(cx, value, optionalOf(pyTypes.str), pyTypes.str),
  );
}

/** heapq's and bisect's functions: runtime calls on the list (insort is bisect then insert). */
function lowerListFunction(cx: LoweringContext, e: ast.Call, name: string): Value {
  if (name === "nlargest" || name === "nsmallest") {
    const count = unboxInt(cx, asInt(cx, lowerExpression(cx, e.args[0]!), cx.typeOf(e.args[0]!)), cx.loc(e));
    // n <= 0 gives [] (not a slice from the end).
    const n = cx.b.select(cx.b.icmp("lt", count, constants.int(0n)), constants.int(0n), count);
    const sorted = collectIterable(cx, e.args[1]!, resolve(cx.typeOf(e)).parts[0]!);
    cx.rt("py_list_sort", [sorted, constants.bool(name === "nlargest")], cx.loc(e));
    const yes = constants.bool(true);
    return cx.rt("py_list_slice", [sorted, constants.int(0n), yes, n, yes, constants.int(1n)], cx.loc(e));
  }
  const list = lowerExpression(cx, e.args[0]!);
  const element = resolve(cx.typeOf(e.args[0]!)).parts[0]!;
  const item = e.args[1] === undefined ? null : lowerExpression(cx, e.args[1]);
  const loc = cx.loc(e);
  switch (name) {
    case "heappush":
      callWithElement(cx, "py_heappush", [list], item!, element, loc);
      return constants.unit();
    case "heappop":
      return callForElement(cx, "py_heappop", [list], element, loc);
    case "heapify":
      cx.rt("py_heapify", [list], loc);
      return constants.unit();
  }
  const side = name.endsWith("left") ? "left" : "right";
  const at = callWithElement(cx, `py_bisect_${side}`, [list], item!, element, loc);
  if (name.startsWith("bisect")) return at;
  callWithElement(cx, "py_list_insert", [list, at], item!, element, null);
  return constants.unit();
}

/** The factories' codes in a defaultdict (runtime/py_containers.h), by the class named. */
const FACTORY_CODES: Record<string, string> = { int: "i", float: "f", str: "s", list: "l", set: "S" };

const code = (c: string) => constants.int(BigInt(c.charCodeAt(0)));

/** collections.defaultdict(factory) and collections.Counter(iterable), dicts of a flavor, and deque. */
function lowerCollectionsCall(cx: LoweringContext, e: ast.Call, name: string): Value {
  if (name === "deque") return lowerDequeCall(cx, e);
  const type = resolve(cx.typeOf(e));
  const [keyType, valueType] = type.parts as [PyType, PyType];
  const kinds = [kindOf(keyType), kindOf(valueType)];
  if (name === "defaultdict") {
    const factory = FACTORY_CODES[(e.args[0] as ast.Name).id]!;
    const element = resolve(valueType).parts[0];
    const elementKind = element === undefined ? constants.int(0n) : kindOf(element);
    return cx.rt("py_dict_new_flavored", [...kinds, code("d"), code(factory), elementKind], null);
  }
  const counter = cx.rt("py_dict_new_flavored", [...kinds, code("c"), constants.int(0n), constants.int(0n)], null);
  if (e.args.length === 1) countInto(cx, counter, keyType, e.args[0]!, e);
  return counter;
}

/** Counter(source) and Counter.update(source): a mapping's counts added, or each element counted. */
export function countInto(cx: LoweringContext, counter: Value, keyType: PyType, source: ast.expr, e: ast.Call): void {
  if (resolve(cx.typeOf(source)).kind === "dict") {
    cx.rt("py_counter_add_counts", [counter, lowerExpression(cx, source)], cx.loc(e));
    return;
  }
  lowerIteration(cx, source, (x) => {
    callWithElement(cx, "py_counter_add", [counter], x.value(), keyType, cx.loc(e));
  });
}

/** random.choice, shuffle and sample: CPython's draws over a sequence's positions. */
function lowerRandomOnSequence(cx: LoweringContext, e: ast.Call, name: string): Value {
  const sequence = lowerExpression(cx, e.args[0]!);
  const type = resolve(cx.typeOf(e.args[0]!));
  const loc = cx.loc(e);
  if (name === "shuffle") {
    cx.rt("py_random_shuffle_list", [sequence], null);
    return constants.unit();
  }
  if (name === "sample") {
    const k = asInt(cx, lowerExpression(cx, e.args[1]!), cx.typeOf(e.args[1]!));
    return cx.rt("py_random_sample_list", [sequence, k], loc);
  }
  const length = lengthOf(cx, sequence, type);
  const index = cx.rt("py_random_choice_index", [length], loc);
  if (type.kind === "str") return cx.rt("py_str_getitem", [sequence, index], loc);
  return listElement(cx, sequence, index, type.parts[0]!);
}

export function lowerModuleCall(cx: LoweringContext, e: ast.Call, module: string, name: string): Value {
  const member = MODULES.get(module)!.get(name)!;
  if (member.kind !== "function" || member.overloads === null) return OWN_LOWERING[module]!(cx, e, name);
  const types = e.args.map((a) => cx.typeOf(a));
  const overload = chooseOverload(member.overloads, types)!;
  const values: Value[] = [];
  overload.params.forEach((param, i) => {
    const arg = e.args[i];
    // Arguments are evaluated in order even when, as None, they pass nothing.
    const value = arg === undefined ? null : lowerExpression(cx, arg);
    if (param.type === "None") return;
    if (param.type === "path") values.push(value!);
    else if (value === null)
      values.push(param.type === "int" ? constants.int(BigInt(param.default!)) : constants.float(param.default!));
    else values.push(param.type === "int" ? asInt(cx, value, types[i]!) : asFloat(cx, value, types[i]!, cx.loc(e)));
  });
  const result = cx.rt(overload.runtime, values, cx.loc(e));
  return cx.typeOf(e).kind === "None" ? constants.unit() : result;
}
