// Calls on containers: the builtins over iterables (len, list, set, dict, tuple, sorted, reversed,
// sum, min, max, any, all, and enumerate/zip/range kept as values) and the methods of list, dict,
// set and str. Consumers of an iterable walk it with lowerIteration, so `sum(x * x for x in xs)`
// makes no list.

import { constants, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { iterationType, nextIterable } from "../container-inference.js";
import { isSysArgv } from "../inference-rules.js";
import { dictOf, listOf, type PyType, pyTypes, resolve } from "../py-types.js";
import { LIST_LENGTH, listType, TUPLE_ITEMS } from "../python-layouts.js";
import { bytesMethodCall, strMethodCall } from "../str-methods.js";
import { asFloat, asInt, binary } from "./arithmetic.js";
import { compare } from "./comparisons.js";
import { addToSet, lengthOf, newDict, newSet, storeInDict } from "./containers.js";
import type { LoweringContext } from "./context.js";
import { lowerDequeMethod } from "./deques.js";
import { callForElement, callWithElement, fromTupleSlot, kindOf, tupleSlotType } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { appliedType, apply, omittedArgument } from "./function-values.js";
import {
  appendToList,
  collectIterable,
  type Element,
  listElement,
  lowerIteration,
  makeTuple,
  toList,
} from "./iteration.js";
import { refuseEndless } from "./itertools.js";
import { countInto } from "./module-calls.js";
import { lowerReplace } from "./named-tuples.js";
import { coerce } from "./optional.js";
import { readTupleSlot } from "./subscripts.js";
import { irTypeOf, operationsOf } from "./type-operations.js";

/** A builtin over containers, or null when `name` is none of them (or this call is not theirs). */
export function lowerContainerBuiltin(cx: LoweringContext, e: ast.Call, name: string): Value | null {
  const type = resolve(cx.typeOf(e));
  const first = e.args[0];
  switch (name) {
    case "len": {
      if (isSysArgv(cx.program.imports, first!)) return cx.rt("rt_argv_count", [], null);
      return lengthOf(cx, lowerExpression(cx, first!), cx.typeOf(first!));
    }
    case "list":
    case "enumerate":
    case "zip":
    case "range":
    case "map":
    case "filter":
      if (name === "list" && first === undefined)
        return cx.rt("py_list_new", [kindOf(type.parts[0]!), constants.int(0n)], null);
      if (name !== "list") refuseEndless(cx, e);
      return collectIterable(cx, name === "list" ? first! : e, type.parts[0]!);
    case "reversed": {
      const list = collectIterable(cx, first!, type.parts[0]!);
      cx.rt("py_list_reverse", [list], null);
      return list;
    }
    case "sorted": {
      const list = collectIterable(cx, first!, type.parts[0]!);
      sortList(cx, list, type.parts[0]!, e);
      return list;
    }
    case "tuple": {
      const value = lowerExpression(cx, first!);
      const given = resolve(cx.typeOf(first!));
      if (given.named === undefined) return value;
      // A namedtuple's values in a plain tuple, as CPython's tuple() of one makes.
      return makeTuple(
        cx,
        given.parts.map((part, i) => readTupleSlot(cx, value, constants.int(BigInt(i)), part)),
        given.parts,
      );
    }
    case "set":
    case "frozenset": {
      const set = newSet(cx, type);
      const element = type.parts[0]!;
      if (first !== undefined) {
        lowerIteration(cx, first, (x) => addToSet(cx, set, coerce(cx, x.value(), x.type, element), element, e));
      }
      return set;
    }
    case "dict": {
      if (first === undefined) return newDict(cx, type);
      if (resolve(cx.typeOf(first)).kind === "dict") return cx.rt("py_dict_copy", [lowerExpression(cx, first)], null);
      const dict = newDict(cx, type);
      lowerIteration(cx, first, (pair) => {
        const [key, value] = pairParts(cx, pair);
        storeInDict(cx, dict, type, key, value, e);
      });
      return dict;
    }
    case "sum":
      return lowerSum(cx, e);
    case "any":
    case "all":
      return lowerAnyAll(cx, e, name);
    case "next":
      return lowerNext(cx, e);
    case "iter":
      return lowerIter(cx, e);
    case "min":
    case "max":
      return e.args.length === 1 ? lowerIterableMinMax(cx, e, name) : null;
    default:
      return null;
  }
}

/** The two parts of a pair element (read from the tuple's slots when it has no parts). */
function pairParts(cx: LoweringContext, pair: Element): [Value, Value] {
  if (pair.parts !== null) return [pair.parts[0]!, pair.parts[1]!];
  const tuple = pair.value();
  const type = resolve(pair.type);
  const items = cx.b.getField(tuple, TUPLE_ITEMS);
  const part = (i: number) => {
    const t = type.parts[i]!;
    return fromTupleSlot(cx, cx.b.elemGet(tupleSlotType(t), items, constants.int(BigInt(i))), t);
  };
  return [part(0), part(1)];
}

function lowerSum(cx: LoweringContext, e: ast.Call): Value {
  const type = cx.typeOf(e);
  const startNode = e.args[1] ?? e.keywords.find((k) => k.arg === "start")?.value;
  const start = startNode === undefined ? constants.immediate(0n) : lowerExpression(cx, startNode);
  const startType = startNode === undefined ? pyTypes.int : cx.typeOf(startNode);
  const initial =
    type === pyTypes.float
      ? asFloat(cx, start, startType, cx.loc(e))
      : type === pyTypes.int
        ? asInt(cx, start, startType)
        : coerce(cx, start, startType, type); // an `int | float` (or union) total of a union's values
  const total = cx.temporary(irTypeOf(type), initial);
  lowerIteration(cx, e.args[0]!, (x) => {
    total.write(binary(cx, "Add", total.read(), type, x.value(), x.type, type, e));
  });
  return total.read();
}

function lowerAnyAll(cx: LoweringContext, e: ast.Call, name: "any" | "all"): Value {
  const result = cx.temporary(types.i1, constants.bool(name === "all"));
  lowerIteration(cx, e.args[0]!, (x, targets) => {
    const truth = operationsOf(x.type).truth(cx, x.value());
    const decided = cx.b.createBlock(`${name}.decided`);
    const next = cx.b.createBlock(`${name}.next`);
    cx.branch(name === "any" ? truth : cx.b.not(truth), decided, next);
    cx.ssa.seal(decided);
    cx.startBlock(decided);
    result.write(constants.bool(name === "any"));
    cx.jump(targets.breakTo);
    cx.ssa.seal(next);
    cx.startBlock(next);
  });
  return result.read();
}

/**
 * next(iterator[, default]): the walk's first element, the walk stopping there; without one, the
 * default, or CPython's StopIteration.
 */
function lowerNext(cx: LoweringContext, e: ast.Call): Value {
  const type = resolve(cx.typeOf(e));
  const result = cx.temporary(irTypeOf(type), operationsOf(type).zero());
  const found = cx.temporary(types.i1, constants.bool(false));
  const builtins = { isBuiltinName: (n: ast.Name) => cx.program.scopes.resolution.get(n) === "builtin" };
  lowerIteration(cx, nextIterable(builtins, e.args[0]!), (x, targets) => {
    result.write(coerce(cx, x.value(), x.type, type));
    found.write(constants.bool(true));
    cx.jump(targets.breakTo);
  });
  const fallback = e.args[1];
  if (fallback === undefined) {
    cx.checkCondition(found.read(), "StopIteration", "", e);
    return result.read();
  }
  const otherwise = () => coerce(cx, lowerExpression(cx, fallback), cx.typeOf(fallback), type);
  return cx.choose(irTypeOf(type), found.read(), () => result.read(), otherwise);
}

/**
 * iter(x): an iterator over a list walks the list itself; over anything else, a list of its
 * elements made now; iter() of an iterator is the iterator.
 */
function lowerIter(cx: LoweringContext, e: ast.Call): Value {
  const source = e.args[0]!;
  const type = resolve(cx.typeOf(source));
  if (type.kind === "iterator") return lowerExpression(cx, source);
  const element = resolve(cx.typeOf(e)).parts[0]!;
  const list = type.kind === "list" ? lowerExpression(cx, source) : collectIterable(cx, source, element);
  return cx.rt("py_iter_new", [list], null);
}

/** min/max of an iterable, with key= and default=: the first of equal extremes, as Python's. */
function lowerIterableMinMax(cx: LoweringContext, e: ast.Call, name: "min" | "max"): Value {
  // The elements' type (the result's, but for default=None, which makes it `T | None`).
  const type = iterationType(resolve(cx.typeOf(e.args[0]!))) as PyType;
  const keyNode = e.keywords.find((k) => k.arg === "key")?.value ?? null;
  const fallback = e.keywords.find((k) => k.arg === "default")?.value ?? null;
  const best = cx.temporary(irTypeOf(type), operationsOf(type).zero());
  const found = cx.temporary(types.i1, constants.bool(false));
  let keyType: PyType | null = null;
  let bestKey: ReturnType<LoweringContext["temporary"]> | null = null;
  lowerIteration(cx, e.args[0]!, (x) => {
    const value = x.value();
    const key = keyNode === null ? value : apply(cx, keyNode, value, x.type, cx.loc(e));
    if (keyNode !== null && keyType === null) {
      keyType = appliedType(cx, keyNode, x.type);
    }
    const kType = keyType ?? type;
    if (keyNode !== null && bestKey === null)
      bestKey = cx.temporary(irTypeOf(kType), operationsOf(kType).zero(), cx.fn.blocks[0]!);
    // The first element is taken without a comparison: there is nothing to compare it with yet.
    const compareBlock = cx.b.createBlock("minmax.compare");
    const take = cx.b.createBlock("minmax.take");
    const next = cx.b.createBlock("minmax.next");
    cx.branch(found.read(), compareBlock, take);
    cx.ssa.seal(compareBlock);
    cx.startBlock(compareBlock);
    const current = keyNode === null ? best.read() : bestKey!.read();
    cx.branch(compare(cx, name === "max" ? "Gt" : "Lt", key, kType, current, kType, e), take, next);
    cx.ssa.seal(take);
    cx.startBlock(take);
    best.write(value);
    if (bestKey !== null) bestKey.write(key);
    found.write(constants.bool(true));
    cx.jump(next);
    cx.ssa.seal(next);
    cx.startBlock(next);
  });
  const empty = cx.b.not(found.read());
  if (fallback !== null) {
    // The default and the extreme as the result's type (`T | None` for default=None).
    const result = cx.typeOf(e);
    const fallbackValue = coerce(cx, lowerExpression(cx, fallback), cx.typeOf(fallback), result);
    return cx.b.select(empty, fallbackValue, coerce(cx, best.read(), type, result));
  }
  cx.checkCondition(found.read(), "ValueError", `${name}() arg is an empty sequence`, e);
  return best.read();
}

/** Sorts a list in place by sorted()'s or list.sort()'s keywords. */
function sortList(cx: LoweringContext, list: Value, element: PyType, e: ast.Call): void {
  const reverseNode = e.keywords.find((k) => k.arg === "reverse")?.value;
  const reverse =
    reverseNode === undefined
      ? constants.bool(false)
      : operationsOf(cx.typeOf(reverseNode)).truth(cx, lowerExpression(cx, reverseNode));
  const keyNode = e.keywords.find((k) => k.arg === "key")?.value;
  if (keyNode === undefined) {
    cx.rt("py_list_sort", [list, reverse], cx.loc(e));
    return;
  }
  const keyType = appliedType(cx, keyNode, element);
  const keys = cx.rt("py_list_new", [kindOf(keyType), cx.b.getField(list, LIST_LENGTH)], null);
  const count = cx.b.getField(list, LIST_LENGTH);
  forCount(cx, count, (i) => {
    appendToList(cx, keys, apply(cx, keyNode, listElement(cx, list, i, element), element, cx.loc(e)), keyType);
  });
  cx.rt("py_list_sort_by_keys", [list, keys, reverse], cx.loc(e));
}

/** A loop over 0 <= i < count. */
function forCount(cx: LoweringContext, count: Value, body: (i: Value) => void): void {
  const i = cx.temporary(types.i64, constants.int(0n));
  const header = cx.b.createBlock("count.cond");
  const bodyBlock = cx.b.createBlock("count.body");
  const exit = cx.b.createBlock("count.end");
  cx.jump(header);
  cx.startBlock(header);
  cx.branch(cx.b.icmp("lt", i.read(), count), bodyBlock, exit);
  cx.ssa.seal(bodyBlock);
  cx.startBlock(bodyBlock);
  body(i.read());
  i.write(cx.b.ibinary("add", i.read(), constants.int(1n), null));
  cx.jump(header);
  cx.ssa.seal(header);
  cx.ssa.seal(exit);
  cx.startBlock(exit);
}

/** `receiver.name(args)` for a list, dict, set, deque or str receiver. */
export function lowerMethodCall(cx: LoweringContext, e: ast.Call): Value {
  const f = e.func as ast.Attribute;
  const receiverType = resolve(cx.typeOf(f.value));
  const receiver = lowerExpression(cx, f.value);
  // A deque's extend walks its argument itself.
  if (receiverType.kind === "deque") return lowerDequeMethod(cx, e, receiver, receiverType);
  if (receiverType.named !== undefined && f.attr === "_replace") return lowerReplace(cx, e, receiver, receiverType);
  const args = e.args.map((a) => lowerExpression(cx, a));
  const argTypes = e.args.map((a) => cx.typeOf(a));
  const loc = cx.loc(e);
  const unit = constants.unit();
  /** Argument i as a value of `type` (None or a T made the `T | None` an element slot holds). */
  const as = (i: number, type: PyType) => coerce(cx, args[i]!, argTypes[i]!, type);
  switch (receiverType.kind) {
    case "int":
    case "bool":
      // int.bit_length(), the one int method of the subset.
      return cx.rt("py_int_bit_length", [asInt(cx, receiver, receiverType)], null);
    case "str": {
      if (f.attr === "format") {
        const values = makeTuple(cx, args, argTypes);
        const keywordType = e.keywords.length > 0 ? cx.typeOf(e.keywords[0]!.value) : pyTypes.int;
        const kwargs = newDict(cx, dictOf(pyTypes.str, keywordType));
        for (const k of e.keywords)
          storeInDict(
            cx,
            kwargs,
            dictOf(pyTypes.str, keywordType),
            constants.str(k.arg!),
            lowerExpression(cx, k.value),
            e,
          );
        return cx.rt("py_str_format", [receiver, values, kwargs], loc);
      }
      if (f.attr === "join" && resolve(argTypes[0]!).kind !== "list") {
        // join of another iterable of str: its elements made a list first.
        args[0] = toList(cx, args[0]!, argTypes[0]!, e);
        argTypes[0] = listOf(pyTypes.str);
      }
      return textMethod(cx, e, receiver, args, argTypes, strMethodCall);
    }
    case "bytes":
      return textMethod(cx, e, receiver, args, argTypes, bytesMethodCall);
    case "tuple": {
      // count and index: over a list of the elements, as their join holds them.
      const element = iterationType(receiverType) as PyType;
      const list = cx.rtOnObjects("py_object_as_list", [receiver, kindOf(element)], loc, listType);
      const sought = as(0, element);
      if (f.attr === "index") {
        // CPython's tuple message, not the list's.
        const found = callWithElement(cx, "py_list_contains", [list], sought, element, loc);
        cx.checkCondition(found, "ValueError", "tuple.index(x): x not in tuple", e);
      }
      return callWithElement(cx, `py_list_${f.attr}`, [list], sought, element, loc);
    }
    case "list": {
      const element = receiverType.parts[0]!;
      switch (f.attr) {
        case "append":
          appendToList(cx, receiver, as(0, element), element);
          return unit;
        case "extend":
          cx.rt("py_list_extend", [receiver, args[0]!], null);
          return unit;
        case "insert":
          callWithElement(
            cx,
            "py_list_insert",
            [receiver, asInt(cx, args[0]!, argTypes[0]!)],
            as(1, element),
            element,
            null,
          );
          return unit;
        case "pop": {
          const index = args.length === 0 ? constants.int(-1n) : asInt(cx, args[0]!, argTypes[0]!);
          return callForElement(cx, "py_list_pop", [receiver, index], element, loc);
        }
        case "remove":
          callWithElement(cx, "py_list_remove", [receiver], as(0, element), element, loc);
          return unit;
        case "index":
        case "count":
          return callWithElement(cx, `py_list_${f.attr}`, [receiver], as(0, element), element, loc);
        case "reverse":
        case "clear":
          cx.rt(`py_list_${f.attr}`, [receiver], null);
          return unit;
        case "copy":
          return cx.rt("py_list_copy", [receiver], null);
        case "sort":
          sortList(cx, receiver, element, e);
          return unit;
      }
      break;
    }
    case "dict":
      return lowerDictMethod(cx, e, receiver, receiverType, args);
    case "file":
      if (f.attr === "close") {
        cx.rt("py_file_close", [receiver], loc);
        return unit;
      }
      return cx.rt(`py_file_${f.attr}`, [receiver, ...args], loc);
    case "set": {
      const element = receiverType.parts[0]!;
      switch (f.attr) {
        case "add":
          callWithElement(cx, "py_set_add", [receiver], as(0, element), element, loc);
          return unit;
        case "remove":
          callWithElement(cx, "py_set_remove", [receiver], as(0, element), element, loc);
          return unit;
        case "discard":
          callWithElement(cx, "py_set_discard", [receiver], as(0, element), element, loc);
          return unit;
        case "pop":
          return callForElement(cx, "py_set_pop", [receiver], element, loc);
        case "clear":
          cx.rt("py_set_clear", [receiver], null);
          return unit;
        case "copy":
          return cx.rt("py_set_copy", [receiver], null);
        case "update":
        case "intersection_update":
        case "difference_update":
        case "symmetric_difference_update":
          cx.rt(`py_set_${f.attr}`, [receiver, args[0]!], null);
          return unit;
        default:
          // union, intersection, difference, symmetric_difference, issubset, issuperset, isdisjoint
          return cx.rt(`py_set_${f.attr}`, [receiver, args[0]!], null);
      }
    }
  }
  throw new Error(`internal: method ${f.attr} of ${receiverType.text}`);
}

function lowerDictMethod(cx: LoweringContext, e: ast.Call, dict: Value, type: PyType, args: Value[]): Value {
  const name = (e.func as ast.Attribute).attr;
  const [keyType, valueType] = type.parts as [PyType, PyType];
  const loc = cx.loc(e);
  const find = (key: Value) => callWithElement(cx, "py_dict_find", [dict], key, keyType, loc);
  const valueAt = (position: Value) => callForElement(cx, "py_dict_value", [dict, position], valueType, null);
  // An argument as the dict holds it (a key among `int | str` keys, a default among its values).
  const arg = (i: number, to: PyType) => coerce(cx, args[i]!, cx.typeOf(e.args[i]!), to);
  if (name === "update" && type.flavor === "Counter") {
    countInto(cx, dict, keyType, e.args[0]!, e);
    return constants.unit();
  }
  if (type.flavor === "Counter" && (name === "subtract" || name === "total" || name === "elements")) {
    if (name === "subtract") {
      cx.rt("py_counter_subtract", [dict, args[0]!], null);
      return constants.unit();
    }
    return cx.rt(`py_counter_${name}`, [dict], null);
  }
  if (name === "most_common") {
    const n = args.length > 0 ? asInt(cx, args[0]!, cx.typeOf(e.args[0]!)) : constants.int(-1n);
    return cx.rt("py_counter_most_common", [dict, n], null);
  }
  switch (name) {
    case "get": {
      const position = find(arg(0, keyType));
      const resultType = cx.typeOf(e);
      return cx.choose(
        irTypeOf(resultType),
        cx.b.icmp("ge", position, constants.int(0n)),
        () => coerce(cx, valueAt(position), valueType, resultType),
        () => (args.length > 1 ? arg(1, resultType) : coerce(cx, constants.unit(), pyTypes.none, resultType)),
      );
    }
    case "setdefault": {
      const fallback = arg(1, valueType);
      const position = callWithElement(cx, "py_dict_insert_new", [dict], arg(0, keyType), keyType, loc);
      // A new entry (position < 0 encodes it as -position - 1) takes the default.
      const isNew = cx.b.icmp("lt", position, constants.int(0n));
      const at = cx.b.select(isNew, cx.b.ibinary("sub", constants.int(-1n), position, null), position);
      return cx.choose(
        irTypeOf(valueType),
        isNew,
        () => {
          callWithElement(cx, "py_dict_set_value", [dict, at], fallback, valueType, null);
          return fallback;
        },
        () => valueAt(at),
      );
    }
    case "pop": {
      const key = arg(0, keyType);
      const position = find(key);
      const present = cx.b.icmp("ge", position, constants.int(0n));
      const resultType = cx.typeOf(e);
      return cx.choose(
        irTypeOf(resultType),
        present,
        () => {
          const value = valueAt(position);
          cx.rt("py_dict_delete_at", [dict, position], null);
          return coerce(cx, value, valueType, resultType);
        },
        () => {
          if (args.length === 2) return arg(1, resultType);
          callWithElement(cx, "py_dict_key_error", [dict], key, keyType, loc);
          cx.b.terminate({ kind: "unreachable" });
          return operationsOf(valueType).zero();
        },
      );
    }
    case "popitem": {
      const position = cx.rt("py_dict_last", [dict], loc);
      const key = callForElement(cx, "py_dict_key", [dict, position], keyType, null);
      const value = valueAt(position);
      const pair = makeTuple(cx, [key, value], [keyType, valueType]);
      cx.rt("py_dict_delete_at", [dict, position], null);
      return pair;
    }
    case "keys":
    case "values":
    case "items":
      return collectIterable(cx, e, resolve(cx.typeOf(e)).parts[0]!);
    case "update":
      cx.rt("py_dict_update", [dict, args[0]!], loc);
      return constants.unit();
    case "copy":
      return cx.rt("py_dict_copy", [dict], null);
    case "clear":
      cx.rt("py_dict_clear", [dict], null);
      return constants.unit();
  }
  throw new Error(`internal: dict.${name}`);
}

/** A str or bytes method: the runtime function its table (str-methods.ts) names for these arguments. */
function textMethod(
  cx: LoweringContext,
  e: ast.Call,
  receiver: Value,
  args: Value[],
  argTypes: PyType[],
  methodCall: typeof strMethodCall,
): Value {
  const f = e.func as ast.Attribute;
  const call = methodCall(
    f.attr,
    argTypes,
    e.keywords.map((k) => ({ name: k.arg ?? "", type: cx.typeOf(k.value) })),
  );
  if ("error" in call) throw new Error(`internal: ${call.error}`);
  // Positional arguments, then keywords in the order written: what the table's indexes count.
  const given = [...e.args, ...e.keywords.map((k) => k.value)];
  const values = [...args, ...e.keywords.map((k) => lowerExpression(cx, k.value))];
  const runtimeArgs = call.args.map((a) => {
    if (typeof a !== "number") return omittedArgument(a);
    const type = cx.typeOf(given[a]!);
    return type === pyTypes.bool ? cx.b.zext(values[a]!) : values[a]!;
  });
  return cx.rt(call.runtime, [receiver, ...runtimeArgs], cx.loc(e));
}
