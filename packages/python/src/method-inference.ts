// The methods of list, dict, set, deque, str and file values, and the calls of collections.Counter,
// defaultdict and deque: their result types, or why a call is refused. The str methods' rules are
// str-methods.ts's table.

import type * as ast from "./ast.js";
import {
  type InferenceHost,
  iterationType,
  iterationTypeAt,
  sortKeywordTypes,
  valueVariables,
  variableFor,
} from "./container-inference.js";
import { replaceType } from "./named-tuple-inference.js";
import {
  dequeOf,
  dictOf,
  fitsSlot,
  join,
  listOf,
  maySearchFor,
  optionalOf,
  type PyType,
  pyTypes,
  resolve,
  setOf,
  tupleOf,
  unify,
} from "./py-types.js";
import { SemanticError } from "./semantic-error.js";
import { bytesMethodCall, strMethodCall } from "./str-methods.js";
import type { Specialization } from "./type-inference.js";

/** The factories a defaultdict may have, with the value type each makes. */
const FACTORIES: Record<string, (node: ast.expr) => PyType> = {
  int: () => pyTypes.int,
  float: () => pyTypes.float,
  str: () => pyTypes.str,
  list: (node) => listOf(variableFor(node, valueVariables)),
  set: (node) => setOf(variableFor(node, valueVariables)),
};

/**
 * collections.defaultdict(factory) and collections.Counter(iterable), dicts of a flavor, and
 * collections.deque(iterable, maxlen).
 */
export function collectionsCallType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  name: string,
): PyType | null {
  if (name === "deque") return dequeCallType(host, spec, e);
  if (e.keywords.length > 0) throw new SemanticError(`unsupported: keyword arguments to ${name}()`, e);
  if (name === "defaultdict") {
    const factory = e.args[0];
    const make = factory?._type === "Name" && host.isBuiltinName(factory) ? FACTORIES[factory.id] : undefined;
    if (e.args.length !== 1 || make === undefined) {
      throw new SemanticError("unsupported: defaultdict() of anything but int, float, str, list or set", e);
    }
    return dictOf(variableFor(e), make(e), "defaultdict");
  }
  if (e.args.length > 1) throw new SemanticError(`Counter expected at most 1 argument, got ${e.args.length}`, e);
  if (e.args.length === 0) return dictOf(variableFor(e), pyTypes.int, "Counter");
  const iterable = host.typeOf(spec, e.args[0]!);
  if (iterable === null) return null;
  return dictOf(countedKeyType(resolve(iterable), e.args[0]!), pyTypes.int, "Counter");
}

/** deque(), deque(iterable), deque(iterable, maxlen), each also by keyword. */
function dequeCallType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  if (e.args.length > 2) throw new SemanticError(`deque() takes at most 2 arguments (${e.args.length} given)`, e);
  for (const k of e.keywords) {
    if (k.arg !== "iterable" && k.arg !== "maxlen") {
      throw new SemanticError(`'${k.arg}' is an invalid keyword argument for deque()`, k);
    }
  }
  const argument = (position: number, keyword: string) =>
    e.args[position] ?? e.keywords.find((k) => k.arg === keyword)?.value;
  const iterable = argument(0, "iterable");
  const maxlen = argument(1, "maxlen");
  if (maxlen !== undefined) {
    const t = host.typeOf(spec, maxlen);
    if (t === null) return null;
    // An int, None, or either (a variable assigned both).
    const bound = resolve(t).kind === "optional" ? resolve(t).parts[0]! : t;
    if (bound !== pyTypes.int && bound !== pyTypes.bool && bound !== pyTypes.none) {
      throw new SemanticError("an integer is required", maxlen);
    }
  }
  if (iterable === undefined) return dequeOf(variableFor(e));
  const t = host.typeOf(spec, iterable);
  return t === null ? null : dequeOf(iterationTypeAt(t, iterable));
}

/** CPython's deque methods the subset does not compile (their calls are refused as unsupported, not unknown). */
const UNCOMPILED_DEQUE_METHODS = new Set(["copy", "count", "index", "insert", "remove", "reverse"]);

/**
 * The key type a Counter counts from a source: a mapping's keys (its int values are the counts, as
 * Counter(mapping) and Counter.update(mapping) take them), or an iterable's elements.
 */
function countedKeyType(source: PyType, at: ast.expr): PyType {
  if (source.kind === "dict") {
    if (resolve(source.parts[1]!) !== pyTypes.int) {
      throw new SemanticError(`unsupported: counts of type ${resolve(source.parts[1]!).text} (ints only)`, at);
    }
    return source.parts[0]!;
  }
  return iterationTypeAt(source, at);
}

/** Methods of list and dict (and str, through its table): the result type of `receiver.name(args)`. */
export function methodCallType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  receiver: PyType,
  name: string,
): PyType | null {
  const t = resolve(receiver);
  if (t.kind === "var") return null;
  if (t.named !== undefined && name === "_replace") return replaceType(host, spec, e, t);
  const argTypes = e.args.map((a) => host.typeOf(spec, a));
  // Keyword arguments are str methods' (list.sort's key= is a function, typed as one).
  const keywordTypes =
    t.kind === "str" || t.kind === "bytes"
      ? e.keywords.map((k) => ({ name: k.arg ?? "", type: host.typeOf(spec, k.value) }))
      : [];
  if (argTypes.some((a) => a === null) || keywordTypes.some((k) => k.type === null)) return null;
  const args = argTypes as PyType[];
  const fail = (message: string): never => {
    throw new SemanticError(message, e);
  };
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) {
      fail(
        max === 0
          ? `${t.className}.${name}() takes no arguments (${args.length} given)`
          : `${t.className}.${name}() takes ${min === max ? `exactly ${min}` : `${min} to ${max}`} argument${max === 1 ? "" : "s"} (${args.length} given)`,
      );
    }
    if (e.keywords.length > 0 && !(t.kind === "list" && name === "sort")) {
      fail(`${t.className}.${name}() takes no keyword arguments`);
    }
  };
  // `slot`: the receiver's part the value goes into, which a container made empty may widen to take it.
  const expect = (actual: PyType, expected: PyType, what: string, slot: number | null = null) => {
    if (!fitsSlot(expected, actual) && !(slot !== null && host.widen(receiver, slot, actual))) {
      fail(`unsupported: ${what} of type ${resolve(actual).text} for a ${resolve(t).text}`);
    }
  };
  const int = (i: number) => {
    if (args[i] !== pyTypes.int && args[i] !== pyTypes.bool) {
      fail(`'${args[i]!.className}' object cannot be interpreted as an integer`);
    }
  };
  if ((t.kind === "int" || t.kind === "bool") && name === "bit_length") {
    if (args.length !== 0) fail(`int.bit_length() takes no arguments (${args.length} given)`);
    return pyTypes.int;
  }
  if (t.kind === "str" && name === "format") {
    // str.format(*args, **kwargs): any values; keyword values go in one dict, so of one type.
    const keywordValueTypes = e.keywords.map((k) => host.typeOf(spec, k.value));
    if (keywordValueTypes.some((k) => k === null)) return null;
    if (e.keywords.some((k) => k.arg === null)) fail("unsupported: ** in a call of str.format()");
    const first = keywordValueTypes[0];
    if (first !== undefined && !keywordValueTypes.every((k) => unify(first!, k!))) {
      fail("unsupported: str.format() with keyword values of different types");
    }
    return pyTypes.str;
  }
  if (t.kind === "str") {
    // "".join(parts) settles the element type of a list still being filled.
    const joined = resolve(args[0] ?? pyTypes.none);
    if (name === "join" && joined.kind === "list") unify(joined.parts[0]!, pyTypes.str);
    // join takes any iterable of str: lowering makes it a list first.
    const iterated = name === "join" && joined.kind !== "list" ? iterationType(joined) : null;
    const joinable = iterated !== null && typeof iterated !== "string" && unify(iterated, pyTypes.str);
    const call = strMethodCall(
      name,
      (joinable ? [listOf(pyTypes.str)] : args).map(resolve),
      keywordTypes.map((k) => ({ name: k.name, type: resolve(k.type!) })),
    );
    if ("error" in call) return fail(call.error);
    return call.result;
  }
  if (t.kind === "bytes") {
    const call = bytesMethodCall(
      name,
      args.map(resolve),
      keywordTypes.map((k) => ({ name: k.name, type: resolve(k.type!) })),
    );
    if ("error" in call) return fail(call.error);
    return call.result;
  }
  if (t.kind === "list") {
    const element = t.parts[0]!;
    switch (name) {
      case "append":
        arity(1);
        expect(args[0]!, element, "an element", 0);
        return pyTypes.none;
      case "extend":
        arity(1);
        expect(args[0]!, t, "an extension");
        return pyTypes.none;
      case "insert":
        arity(2);
        int(0);
        expect(args[1]!, element, "an element", 0);
        return pyTypes.none;
      case "pop":
        arity(0, 1);
        if (args.length === 1) int(0);
        return element;
      case "remove":
      case "index":
      case "count":
        arity(1);
        if (!maySearchFor(element, args[0]!)) expect(args[0]!, element, "an element");
        return name === "remove" ? pyTypes.none : pyTypes.int;
      case "reverse":
      case "clear":
        arity(0);
        return pyTypes.none;
      case "copy":
        arity(0);
        return t;
      case "sort":
        arity(0);
        sortKeywordTypes(host, spec, e, element);
        return pyTypes.none;
    }
  }
  if (t.kind === "dict") {
    const [key, value] = t.parts as [PyType, PyType];
    if (t.flavor === "Counter" && name === "update") {
      arity(1);
      expect(countedKeyType(resolve(args[0]!), e.args[0]!), key, "a key");
      return pyTypes.none;
    }
    if (t.flavor === "Counter" && name === "subtract") {
      arity(1);
      const other = resolve(args[0]!);
      if (other.flavor !== "Counter" || !unify(other.parts[0]!, key)) {
        fail(`unsupported: Counter.subtract() of a ${other.text} (a Counter of the same keys is supported)`);
      }
      return pyTypes.none;
    }
    if (t.flavor === "Counter" && (name === "total" || name === "elements")) {
      arity(0);
      return name === "total" ? pyTypes.int : listOf(key);
    }
    if (t.flavor === "Counter" && name === "most_common") {
      arity(0, 1);
      if (args.length === 1) int(0);
      return listOf(tupleOf([key, pyTypes.int]));
    }
    switch (name) {
      case "get":
        arity(1, 2);
        // A lookup: any key that may equal one of the dict's (True among int keys, a union's member).
        if (!maySearchFor(key, args[0]!)) expect(args[0]!, key, "a key");
        if (args.length === 1) return optionalOf(value);
        // The value, or the default: of the join of their types (`d.get(k, float("inf"))` of int values).
        return (
          join(value, args[1]!) ??
          fail(`unsupported: a default of type ${resolve(args[1]!).text} for a ${resolve(t).text}`)
        );
      case "setdefault":
        arity(2);
        expect(args[0]!, key, "a key");
        expect(args[1]!, value, "a default");
        return value;
      case "pop":
        arity(1, 2);
        if (!maySearchFor(key, args[0]!)) expect(args[0]!, key, "a key");
        if (args.length === 1) return value;
        return (
          join(value, args[1]!) ??
          fail(`unsupported: a default of type ${resolve(args[1]!).text} for a ${resolve(t).text}`)
        );
      case "popitem":
        arity(0);
        return tupleOf([key, value]);
      case "keys":
        arity(0);
        return listOf(key);
      case "values":
        arity(0);
        return listOf(value);
      case "items":
        arity(0);
        return listOf(tupleOf([key, value]));
      case "update":
        arity(1);
        expect(args[0]!, t, "an update");
        return pyTypes.none;
      case "copy":
        arity(0);
        return t;
      case "clear":
        arity(0);
        return pyTypes.none;
    }
  }
  if (t.kind === "file") {
    switch (name) {
      case "read":
      case "readline":
        arity(0);
        return pyTypes.str;
      case "readlines":
        arity(0);
        return listOf(pyTypes.str);
      case "write":
        arity(1);
        expect(args[0]!, pyTypes.str, "text");
        return pyTypes.int;
      case "close":
        arity(0);
        return pyTypes.none;
    }
  }
  if (t.kind === "tuple" && (name === "count" || name === "index")) {
    // Searched as a list of its elements (their join: a union's where they differ).
    arity(1);
    const element = iterationType(t);
    if (typeof element === "string") return fail(element);
    if (!maySearchFor(element, args[0]!)) expect(args[0]!, element, "an element");
    return pyTypes.int;
  }
  if (t.kind === "deque") {
    const element = t.parts[0]!;
    switch (name) {
      case "append":
      case "appendleft":
        arity(1);
        expect(args[0]!, element, "an element");
        return pyTypes.none;
      case "extend":
      case "extendleft":
        arity(1);
        expect(iterationTypeAt(args[0]!, e.args[0]!), element, "an element");
        return pyTypes.none;
      case "pop":
      case "popleft":
        arity(0);
        return element;
      case "clear":
        arity(0);
        return pyTypes.none;
      case "rotate":
        arity(0, 1);
        if (args.length === 1) int(0);
        return pyTypes.none;
    }
    if (UNCOMPILED_DEQUE_METHODS.has(name)) fail(`unsupported: deque.${name}()`);
  }
  if (t.kind === "set") {
    const element = t.parts[0]!;
    if (t.flavor === "frozenset" && FROZENSET_HAS_NOT.has(name)) {
      return fail(`'frozenset' object has no attribute '${name}'`);
    }
    // A set's operand may be a set or a frozenset of its elements.
    const expectSetOperand = (operand: PyType) => {
      const o = resolve(operand);
      if (o.kind !== "set" || !unify(o.parts[0]!, element)) {
        fail(`unsupported: an operand of type ${o.text} for a ${resolve(t).text}`);
      }
    };
    switch (name) {
      case "add":
        arity(1);
        expect(args[0]!, element, "an element", 0);
        return pyTypes.none;
      case "remove":
      case "discard":
        arity(1);
        if (!maySearchFor(element, args[0]!)) expect(args[0]!, element, "an element");
        return pyTypes.none;
      case "pop":
        arity(0);
        return element;
      case "clear":
        arity(0);
        return pyTypes.none;
      case "copy":
        arity(0);
        return t;
      case "union":
      case "intersection":
      case "difference":
      case "symmetric_difference":
        arity(1);
        expectSetOperand(args[0]!);
        return t;
      case "update":
      case "intersection_update":
      case "difference_update":
      case "symmetric_difference_update":
        arity(1);
        expectSetOperand(args[0]!);
        return pyTypes.none;
      case "issubset":
      case "issuperset":
      case "isdisjoint":
        arity(1);
        expectSetOperand(args[0]!);
        return pyTypes.bool;
    }
  }
  return fail(`'${t.className}' object has no attribute '${name}'`);
}

/** A set's methods that change it, which a frozenset does not have. */
const FROZENSET_HAS_NOT = new Set([
  "add",
  "remove",
  "discard",
  "pop",
  "clear",
  "update",
  "intersection_update",
  "difference_update",
  "symmetric_difference_update",
]);
