// The module functions whose calls are typed from their argument expressions, not from argument
// types alone: collections' classes (a factory class, method-inference.ts's), functools.reduce (a
// function value of two arguments) and itertools' iterators (a literal length for the tuples of
// product, permutations and combinations, whose length a tuple type fixes).
//
// itertools' iterators are typed as the lists they would produce, as range and zip are
// (container-inference.ts): lowering walks them lazily where they are iterated directly and
// materialises the list elsewhere (count, which never ends, only lazily).

import type * as ast from "./ast.js";
import {
  binaryFunctionType,
  constantIndex,
  type InferenceHost,
  iterationTypeAt,
  keyFunctionType,
  variableFor,
} from "./container-inference.js";
import { collectionsCallType } from "./method-inference.js";
import { NAMEDTUPLE_ONLY_DEFINED } from "./named-tuples.js";
import { binaryResultType, listOf, type PyType, pyTypes, resolve, tupleOf, unify } from "./py-types.js";
import { SemanticError } from "./semantic-error.js";
import type { Specialization } from "./type-inference.js";

type CallTyping = (host: InferenceHost, spec: Specialization, e: ast.Call) => PyType | null;

const ITERTOOLS: Readonly<Record<string, CallTyping>> = {
  count: countType,
  chain: chainType,
  islice: isliceType,
  accumulate: accumulateType,
  groupby: groupbyType,
  product: productType,
  permutations: (host, spec, e) => arrangementType(host, spec, e, "permutations"),
  combinations: (host, spec, e) => arrangementType(host, spec, e, "combinations"),
};

/** The type of a call of `module.name`, a member of kind "expression-function"; null while unknown. */
export function moduleCallType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  module: string,
  name: string,
): PyType | null {
  if (module === "collections" && name === "namedtuple") throw new SemanticError(NAMEDTUPLE_ONLY_DEFINED, e);
  if (module === "collections") return collectionsCallType(host, spec, e, name);
  if (module === "functools") return reduceType(host, spec, e);
  return ITERTOOLS[name]!(host, spec, e);
}

function fail(message: string, at: ast.expr | ast.keyword): never {
  throw new SemanticError(message, at as ast.expr);
}

function refuseKeywords(e: ast.Call, name: string): void {
  if (e.keywords.length > 0) fail(`${name}() takes no keyword arguments`, e.keywords[0]!);
}

/** An argument given by position or by keyword. */
export function argument(e: ast.Call, position: number, keyword: string): ast.expr | undefined {
  return e.args[position] ?? e.keywords.find((k) => k.arg === keyword)?.value;
}

function onlyKeywords(e: ast.Call, name: string, allowed: readonly string[]): void {
  for (const k of e.keywords) {
    if (!allowed.includes(k.arg ?? "")) fail(`'${k.arg}' is an invalid keyword argument for ${name}()`, k);
  }
}

/** The element type of an iterable argument; null while its type is unknown. */
function elementOf(host: InferenceHost, spec: Specialization, iterable: ast.expr): PyType | null {
  const t = host.typeOf(spec, iterable);
  return t === null ? null : iterationTypeAt(t, iterable);
}

const isIndex = (t: PyType) => t === pyTypes.int || t === pyTypes.bool;

/**
 * functools.reduce(function, iterable[, initial]): the accumulated value's type, the initial value's
 * or else the elements'; the function must give that type back.
 */
function reduceType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  refuseKeywords(e, "reduce");
  if (e.args.length < 2) fail(`reduce expected at least 2 arguments, got ${e.args.length}`, e);
  if (e.args.length > 3) fail(`reduce expected at most 3 arguments, got ${e.args.length}`, e);
  const element = elementOf(host, spec, e.args[1]!);
  if (element === null) return null;
  const accumulated = e.args[2] === undefined ? element : host.typeOf(spec, e.args[2]);
  if (accumulated === null) return null;
  const result = binaryFunctionType(host, spec, e.args[0]!, accumulated, element, "reduce");
  if (result === null) return null;
  return sameAccumulation(result, accumulated, e, "reduce");
}

/** The accumulated type when a step gives `result` from an accumulated value of type `accumulated`. */
function sameAccumulation(result: PyType, accumulated: PyType, e: ast.Call, name: string): PyType {
  if (!unify(accumulated, result)) {
    fail(
      `unsupported: ${name}() whose steps give ${resolve(result).text} from an accumulated ${resolve(accumulated).text} (the accumulated value would change type)`,
      e,
    );
  }
  return resolve(accumulated);
}

/**
 * count(start=0, step=1): ints, or floats from a float start. An int start with a float step gives
 * an int and then floats, and a bool start a bool and then ints: refused.
 */
function countType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  onlyKeywords(e, "count", ["start", "step"]);
  if (e.args.length > 2) fail(`count() takes at most 2 arguments (${e.args.length} given)`, e);
  const types: PyType[] = [];
  for (const node of [argument(e, 0, "start"), argument(e, 1, "step")]) {
    const t = node === undefined ? pyTypes.int : host.typeOf(spec, node);
    if (t === null) return null;
    if (!isIndex(t) && t !== pyTypes.float) fail("a number is required", node!);
    types.push(t);
  }
  const [start, step] = types as [PyType, PyType];
  if (start === pyTypes.bool) {
    fail("unsupported: itertools.count() of a bool start (its first element is a bool, the rest ints)", e);
  }
  if (start === pyTypes.int && step === pyTypes.float) {
    fail("unsupported: itertools.count() of an int start and a float step (its first element is an int)", e);
  }
  return listOf(start);
}

/** chain(a, b, ...): iterables of one element type. */
function chainType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  refuseKeywords(e, "chain");
  const element = variableFor(e);
  for (const iterable of e.args) {
    const t = elementOf(host, spec, iterable);
    if (t === null) return null;
    if (!unify(element, t)) {
      fail(
        `unsupported: itertools.chain() of iterables of different element types (${resolve(element).text} and ${resolve(t).text})`,
        iterable,
      );
    }
  }
  return listOf(element);
}

/** islice(iterable, stop) and islice(iterable, start, stop[, step]): each bound an int or None. */
function isliceType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  refuseKeywords(e, "islice");
  if (e.args.length < 2) fail(`islice expected at least 2 arguments, got ${e.args.length}`, e);
  if (e.args.length > 4) fail(`islice expected at most 4 arguments, got ${e.args.length}`, e);
  const element = elementOf(host, spec, e.args[0]!);
  if (element === null) return null;
  const bounds = e.args.slice(1);
  for (const [i, bound] of bounds.entries()) {
    const t = host.typeOf(spec, bound);
    if (t === null) return null;
    if (isIndex(t) || t === pyTypes.none) continue;
    const role = bounds.length === 1 || i === 1 ? "stop" : i === 0 ? "start" : "step";
    fail(ISLICE_MESSAGES[role], bound);
  }
  return listOf(element);
}

/** CPython's ValueErrors for islice's bounds, by the bound's role. */
export const ISLICE_MESSAGES = {
  stop: "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
  start: "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
  step: "Step for islice() must be a positive integer or None.",
} as const;

/**
 * accumulate(iterable[, func], *, initial=None): running sums (or func's results), of the initial
 * value's type or else the elements'.
 */
function accumulateType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  onlyKeywords(e, "accumulate", ["iterable", "func", "initial"]);
  if (e.args.length > 2) fail(`accumulate() takes at most 2 positional arguments (${e.args.length} given)`, e);
  const iterable = argument(e, 0, "iterable");
  if (iterable === undefined) fail("accumulate() missing required argument 'iterable' (pos 1)", e);
  const element = elementOf(host, spec, iterable);
  if (element === null) return null;
  const initialNode = accumulateInitial(e);
  const accumulated = initialNode === null ? element : host.typeOf(spec, initialNode);
  if (accumulated === null) return null;
  const func = argument(e, 1, "func");
  if (func !== undefined && !(func._type === "Constant" && func.value === null)) {
    const result = binaryFunctionType(host, spec, func, accumulated, element, "accumulate");
    return result === null ? null : listOf(sameAccumulation(result, accumulated, e, "accumulate"));
  }
  // Elements of a container nothing is put in add up as the initial value does (sum()'s rule).
  if (resolve(element).kind === "var") unify(element, accumulated);
  const sum = binaryResultType("Add", accumulated, element, null);
  if (typeof sum === "string") fail(sum, e);
  return listOf(sameAccumulation(sum, accumulated, e, "accumulate"));
}

/**
 * groupby(iterable, key=None): pairs of a key and the run of consecutive elements that have it. The
 * run is a list (CPython's is an iterator over the shared input, emptied when the walk moves on; a
 * program that reads each run before the next, as programs do, sees the same elements). The keys
 * are all computed first, so a key function with output of its own prints it before the loop's.
 */
function groupbyType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  onlyKeywords(e, "groupby", ["iterable", "key"]);
  if (e.args.length > 2) fail(`groupby() takes at most 2 arguments (${e.args.length} given)`, e);
  const iterable = argument(e, 0, "iterable");
  if (iterable === undefined) fail("groupby() missing required argument 'iterable' (pos 1)", e);
  const element = elementOf(host, spec, iterable);
  if (element === null) return null;
  const key = groupbyKey(e);
  const keyType = key === null ? element : keyFunctionType(host, spec, key, element);
  return keyType === null ? null : listOf(tupleOf([keyType, listOf(element)]));
}

/** groupby's key function, unless it is absent or None (the elements are their own keys). */
export function groupbyKey(e: ast.Call): ast.expr | null {
  const key = argument(e, 1, "key");
  return key === undefined || (key._type === "Constant" && key.value === null) ? null : key;
}

/** accumulate's initial= value, unless it is absent or None. */
export function accumulateInitial(e: ast.Call): ast.expr | null {
  const initial = e.keywords.find((k) => k.arg === "initial")?.value;
  return initial === undefined || (initial._type === "Constant" && initial.value === null) ? null : initial;
}

/**
 * product(*iterables, repeat=1): tuples of one element of each pool, the pools repeated `repeat`
 * times, which must be an int literal (a tuple type's length is static). A negative repeat raises
 * ValueError when the call runs: its tuples are typed empty.
 */
function productType(host: InferenceHost, spec: Specialization, e: ast.Call): PyType | null {
  onlyKeywords(e, "product", ["repeat"]);
  const repeatNode = e.keywords.find((k) => k.arg === "repeat")?.value;
  const repeat = repeatNode === undefined ? 1 : literalCount(host, spec, repeatNode, "product", "repeat");
  if (repeat === null) return null;
  const pools: PyType[] = [];
  for (const iterable of e.args) {
    const t = elementOf(host, spec, iterable);
    if (t === null) return null;
    pools.push(t);
  }
  return listOf(tupleOf(Array.from({ length: Math.max(repeat, 0) }, () => pools).flat()));
}

/**
 * permutations(iterable, r=None) and combinations(iterable, r): tuples of r elements, r an int
 * literal, or for permutations without r the iterable's length when it is static (a tuple, a str
 * literal, a list display, range() of literals). A negative r raises ValueError when the call runs.
 */
function arrangementType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  name: "permutations" | "combinations",
): PyType | null {
  onlyKeywords(e, name, ["iterable", "r"]);
  if (e.args.length > 2) fail(`${name}() takes at most 2 arguments (${e.args.length} given)`, e);
  const iterable = argument(e, 0, "iterable");
  if (iterable === undefined) fail(`${name}() missing required argument 'iterable' (pos 1)`, e);
  const element = elementOf(host, spec, iterable);
  if (element === null) return null;
  const rNode = argument(e, 1, "r");
  let r: number | null;
  if (rNode === undefined || (rNode._type === "Constant" && rNode.value === null)) {
    if (name === "combinations") fail("combinations() missing required argument 'r' (pos 2)", e);
    r = staticLength(host, spec, iterable);
    if (r === null) {
      fail(
        "unsupported: itertools.permutations() without r of an iterable whose length is not static (pass r, an int literal)",
        e,
      );
    }
  } else {
    r = literalCount(host, spec, rNode, name, "r");
    if (r === null) return null;
  }
  return listOf(tupleOf(Array.from({ length: Math.max(r, 0) }, () => element)));
}

/** An int literal argument (a tuple's length); refused when it is an int but no literal. */
function literalCount(
  host: InferenceHost,
  spec: Specialization,
  node: ast.expr,
  name: string,
  role: string,
): number | null {
  const t = host.typeOf(spec, node);
  if (t === null) return null;
  if (!isIndex(t)) {
    fail(
      name === "permutations" ? "Expected int as r" : `'${t.className}' object cannot be interpreted as an integer`,
      node,
    );
  }
  if (node._type === "Constant" && typeof node.value === "boolean") return node.value ? 1 : 0;
  const value = constantIndex(node);
  if (value === null) {
    fail(
      `unsupported: itertools.${name}() with ${role} not an int literal (the length of its tuples would not be static)`,
      node,
    );
  }
  return value;
}

/** The number of elements iterating over `e` gives, when the program text fixes it. */
function staticLength(host: InferenceHost, spec: Specialization, e: ast.expr): number | null {
  const t = resolve(host.typeOf(spec, e) ?? pyTypes.none);
  if (t.kind === "tuple") return t.parts.length;
  if (e._type === "Constant" && typeof e.value === "string") return [...e.value].length;
  if (e._type === "List" && e.elts.every((x) => x._type !== "Starred")) return e.elts.length;
  if (e._type === "Call" && e.func._type === "Name" && e.func.id === "range" && host.isBuiltinName(e.func)) {
    const bounds = e.args.map(constantIndex);
    if (bounds.length === 0 || bounds.some((b) => b === null)) return null;
    const [start, stop, step] = bounds.length === 1 ? [0, bounds[0]!, 1] : [bounds[0]!, bounds[1]!, bounds[2] ?? 1];
    if (step === 0) return null;
    return Math.max(0, Math.ceil((stop - start) / step));
  }
  return null;
}
