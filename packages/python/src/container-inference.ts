// The types of the expressions that make, read and walk containers: displays, comprehensions,
// subscripts, iteration, unpacking targets, the builtins over iterables and the methods of list and
// dict. Type inference (type-inference.ts) hands these expressions here; the rules for str methods
// are str-methods.ts's.
//
// Iterator builtins (`range`, `enumerate`, `zip`, `reversed`) and dict views (`keys`, `values`,
// `items`) are typed as the lists they would produce: lowering walks them lazily where they are
// iterated directly (a `for`, a comprehension, an argument of sum/min/max/any/all/sorted/list), and
// materialises the list only where such a value is kept.

import type * as ast from "./ast.js";
import { type Narrowed, narrowingOf, withNarrows } from "./narrowing.js";
import {
  binaryResultType,
  dictOf,
  fitsSlot,
  frozensetOf,
  isContainer,
  isNumeric,
  iteratorOf,
  join,
  joinParts,
  listOf,
  mayEqual,
  maySearchFor,
  newTypeVariable,
  optionalOf,
  type PyType,
  pyTypes,
  resolve,
  setOf,
  tupleOf,
  unify,
  unionOf,
  widenSlot,
} from "./py-types.js";
import { type NodeSpan, SemanticError } from "./semantic-error.js";
import { strMethodCall } from "./str-methods.js";
import type { Specialization } from "./type-inference.js";

/** What container typing needs of the inference. */
export interface InferenceHost {
  typeOf(spec: Specialization, e: ast.expr): PyType | null;
  conditionType(spec: Specialization, e: ast.expr): void;
  /** Gives a Name its type (checking it against the type it has). */
  assignNameType(spec: Specialization, target: ast.Name, type: PyType): void;
  isBuiltinName(name: ast.Name): boolean;
  /**
   * Whether one of the types is still a variable (an element of a container not yet seen filled):
   * then the expression at `at` is unknown this round; in the last round that is an error.
   */
  notKnownYet(at: NodeSpan, ...types: PyType[]): boolean;
  /**
   * Whether part `index` of the container type (as made) could be widened to take the value too
   * (widenSlot), which then takes another round of inference.
   */
  widen(container: PyType, index: number, value: PyType): boolean;
  /** Some type inferred this round changed where it was already used: another round is needed. */
  markChanged(): void;
  /** `f(x)` of a user function passed as a value (TypeInference's userFunctionValueType). */
  userFunctionValueType(spec: Specialization, f: ast.Name, args: readonly PyType[]): PyType | null | undefined;
  /** `infer()` with these variables narrowed too (a comprehension's conditions narrow its element). */
  withNarrowed<T>(narrowed: Narrowed, infer: () => T): T;
}

/** One type variable per empty display (a dict's key and value: two), kept across inference rounds. */
const displayVariables = new WeakMap<ast.expr, PyType>();
export const valueVariables = new WeakMap<ast.expr, PyType>();

export function variableFor(node: ast.expr, table = displayVariables): PyType {
  let v = table.get(node);
  if (v === undefined) {
    v = newTypeVariable();
    table.set(node, v);
  }
  return v;
}

function valueVariableFor(node: ast.expr): PyType {
  return variableFor(node, valueVariables);
}

/**
 * Joins the types of a display's elements (None and T make `T | None`, different classes a union),
 * or says where they differ. Displays among the elements that are containers of one class with
 * different parts (`[{"id": 1, "name": "a"}, {"id": 2, "name": None}]`) are made one type, their
 * parts joined, since each is made here and nothing else holds it yet.
 */
function commonType(host: InferenceHost, types: readonly PyType[], nodes: readonly ast.expr[], what: string): PyType {
  let first = types[0]!;
  types.forEach((t, i) => {
    const joined = join(first, t) ?? (nodes.slice(0, i + 1).every(isDisplay) ? joinParts(first, t) : null);
    if (joined !== null) {
      first = joined;
    } else {
      throw new SemanticError(
        `unsupported: a ${what} of mixed types (${resolve(first).text} and ${resolve(t).text})`,
        nodes[i]!,
        "values of different classes mix, but two containers of one class must hold one element type to be told apart",
      );
    }
  });
  const common = resolve(first);
  nodes.forEach((node, i) => {
    if (resolve(types[i]!) === common || !isContainer(common) || widenedDisplays.get(node) === common) return;
    widenedDisplays.set(node, common);
    host.markChanged();
  });
  return common;
}

/**
 * The element type of a display of elements, as a variable bound to what they have, so that a later
 * store of another class may widen it as it widens an empty display's (widenSlot: `xs = [1, 2]`,
 * then `xs.append("three")`). Bound in an earlier round (and perhaps widened since), the elements
 * must still fit it.
 */
function widenable(node: ast.expr, table: WeakMap<ast.expr, PyType>, elements: PyType): PyType {
  const variable = variableFor(node, table);
  if (resolve(variable).kind === "var") {
    unify(variable, elements);
    return variable;
  }
  if (fitsSlot(variable, elements) || widenSlot(variable, elements)) return variable;
  return elements;
}

/** Types displays take instead of their own to be one type with their siblings (commonType). */
const widenedDisplays = new WeakMap<ast.expr, PyType>();

function isDisplay(e: ast.expr): boolean {
  return e._type === "List" || e._type === "Dict" || e._type === "Set" || e._type === "Tuple";
}

/** The element type iterating over a value of `type` gives, or a message. */
export function iterationType(type: PyType): PyType | string {
  const t = resolve(type);
  switch (t.kind) {
    case "list":
    case "set":
    case "deque":
      return t.parts[0]!;
    case "dict":
      return t.parts[0]!;
    case "str":
    case "file":
      return pyTypes.str;
    case "bytes":
      return pyTypes.int;
    case "iterator":
      return t.parts[0]!;
    case "var":
      // Not known yet (an element of a container still empty): a variable a later round binds.
      return newTypeVariable();
    case "tuple": {
      if (t.parts.length === 0) return newTypeVariable();
      const first = t.parts[0]!;
      if (t.parts.every((p) => unify(first, p))) return resolve(first);
      return unionOf(t.parts) ?? `unsupported: iterating over a tuple of mixed types (${t.text})`;
    }
    case "union": {
      // What the members that are iterable give (iterating over another raises TypeError then).
      const elements = t.parts.map(iterationType).filter((e): e is PyType => typeof e !== "string");
      if (elements.length === 0) return `'${t.parts[0]!.className}' object is not iterable`;
      return (
        elements.reduce<PyType | null>((all, e) => (all === null ? null : join(all, e)), elements[0]!) ??
        `unsupported: iterating over a ${t.text}: its members' elements have different types`
      );
    }
    default:
      return `'${t.className}' object is not iterable`;
  }
}

export function iterationTypeAt(type: PyType, node: ast.expr): PyType {
  const element = iterationType(type);
  if (typeof element === "string") throw new SemanticError(element, node);
  return element;
}

/** The types of the variables a `for` or comprehension target binds, from the element type. */
export function assignTarget(host: InferenceHost, spec: Specialization, target: ast.expr, type: PyType): void {
  switch (target._type) {
    case "Name":
      host.assignNameType(spec, target, type);
      return;
    case "Tuple":
    case "List": {
      // A `tuple | None` unpacks as its tuple; None raises CPython's TypeError when it comes.
      const t = unpackedTuple(resolve(type));
      const starAt = target.elts.findIndex((e) => e._type === "Starred");
      if (t.kind === "tuple" && starAt < 0) {
        if (t.parts.length !== target.elts.length) {
          const expected = target.elts.length;
          throw new SemanticError(
            t.parts.length > expected
              ? `too many values to unpack (expected ${expected})`
              : `not enough values to unpack (expected ${expected}, got ${t.parts.length})`,
            target,
          );
        }
        target.elts.forEach((e, i) => {
          assignTarget(host, spec, e, t.parts[i]!);
        });
        return;
      }
      const element = iterationTypeAt(type, target);
      target.elts.forEach((e) => {
        if (e._type === "Starred") assignTarget(host, spec, e.value, listOf(element));
        else assignTarget(host, spec, e, element);
      });
      return;
    }
    case "Subscript":
      subscriptStoreType(host, spec, target, type);
      return;
    default:
      throw new SemanticError("unsupported: assignment to this target", target);
  }
}

/** The tuple a `tuple | None` is when it unpacks, and any other type as it is. */
export function unpackedTuple(type: PyType): PyType {
  return type.kind === "optional" && resolve(type.parts[0]!).kind === "tuple" ? resolve(type.parts[0]!) : type;
}

/** `container[index] = value`: the value must fit the container's element type. */
export function subscriptStoreType(host: InferenceHost, spec: Specialization, target: ast.Subscript, value: PyType) {
  const container = host.typeOf(spec, target.value);
  if (container === null) return;
  const t = resolve(container);
  if (t.kind === "var") return;
  if (t.kind === "list") {
    if (target.slice._type === "Slice") {
      sliceBoundTypes(host, spec, target.slice);
      if (!unify(t, value)) throw new SemanticError(`can only assign a ${t.text} to a slice of ${t.text}`, target);
      return;
    }
    indexType(host, spec, target.slice, "list");
    if (!fitsSlot(t.parts[0]!, value) && !host.widen(container, 0, value)) {
      throw new SemanticError(
        `unsupported: storing a ${resolve(value).text} in a ${t.text} (mixed element types are not compiled yet)`,
        target,
      );
    }
    return;
  }
  if (t.kind === "dict") {
    const key = host.typeOf(spec, target.slice);
    if (key === null) return;
    if (!fitsSlot(t.parts[0]!, key) && !host.widen(container, 0, key)) {
      throw new SemanticError(`unsupported: a key of type ${resolve(key).text} in a ${t.text}`, target.slice);
    }
    if (!fitsSlot(t.parts[1]!, value) && !host.widen(container, 1, value)) {
      throw new SemanticError(`unsupported: storing a ${resolve(value).text} in a ${t.text}`, target);
    }
    return;
  }
  if (t.kind === "deque" && target.slice._type !== "Slice") {
    dequeIndexType(host, spec, target.slice);
    if (!unify(t.parts[0]!, value)) {
      throw new SemanticError(`unsupported: storing a ${resolve(value).text} in a ${t.text}`, target);
    }
    return;
  }
  throw new SemanticError(`'${t.className}' object does not support item assignment`, target);
}

function indexType(host: InferenceHost, spec: Specialization, index: ast.expr, what: string): void {
  const t = host.typeOf(spec, index);
  if (t !== null && t !== pyTypes.int && t !== pyTypes.bool) {
    throw new SemanticError(`${what} indices must be integers or slices, not ${resolve(t).className}`, index);
  }
}

/** A deque's index: an int (deques are no lists: CPython's message is the sequence protocol's). */
function dequeIndexType(host: InferenceHost, spec: Specialization, index: ast.expr): void {
  const t = host.typeOf(spec, index);
  if (t !== null && t !== pyTypes.int && t !== pyTypes.bool) {
    throw new SemanticError(`sequence index must be integer, not '${resolve(t).className}'`, index);
  }
}

function sliceBoundTypes(host: InferenceHost, spec: Specialization, slice: ast.Slice): void {
  for (const bound of [slice.lower, slice.upper, slice.step]) {
    if (bound === null) continue;
    const t = host.typeOf(spec, bound);
    if (t !== null && t !== pyTypes.int && t !== pyTypes.bool && t !== pyTypes.none) {
      throw new SemanticError("slice indices must be integers or None or have an __index__ method", bound);
    }
  }
}

/**
 * `u[key]` of a union's value: what the members that take such a key give, joined (the runtime looks
 * the item up by what the value holds, and raises CPython's error for the others).
 */
function unionItemType(union: PyType, key: PyType, at: ast.expr): PyType {
  const isIndex = key === pyTypes.int || key === pyTypes.bool || resolve(key).kind === "union";
  const items = union.parts.flatMap((m): PyType[] => {
    if (m.kind === "str" && isIndex) return [pyTypes.str];
    if (m.kind === "list" && isIndex) return [m.parts[0]!];
    if (m.kind === "tuple" && isIndex && m.parts.length > 0) return [unionOf(m.parts) ?? m.parts[0]!];
    if (m.kind === "dict" && maySearchFor(m.parts[0]!, key)) return [m.parts[1]!];
    return [];
  });
  if (items.length === 0)
    throw new SemanticError(`'${union.text}' object is not subscriptable by ${resolve(key).text}`, at);
  const joined = items.reduce<PyType | null>((all, item) => (all === null ? null : join(all, item)), items[0]!);
  if (joined === null) {
    throw new SemanticError(`unsupported: indexing a ${union.text}: its items have different types`, at);
  }
  return joined;
}

/** `container[index]` read. */
export function subscriptType(host: InferenceHost, spec: Specialization, e: ast.Subscript): PyType | null {
  const container = host.typeOf(spec, e.value);
  if (container === null) return null;
  const t = resolve(container);
  if (t.kind === "var") return null;
  if (e.slice._type === "Slice") {
    sliceBoundTypes(host, spec, e.slice);
    if (t.kind === "list" || t.kind === "str" || t.kind === "bytes") return t;
    if (t.kind === "union") {
      // The members a slice of which is static: their slices, joined.
      const sliceable = t.parts.filter((m) => m.kind === "list" || m.kind === "str");
      const joined = sliceable.length === 0 ? null : (unionOf(sliceable) ?? null);
      if (joined !== null) return joined;
    }
    if (t.kind === "tuple") throw new SemanticError("unsupported: slicing a tuple (its length would not be static)", e);
    if (t.kind === "deque") throw new SemanticError("sequence index must be integer, not 'slice'", e);
    throw new SemanticError(`'${t.className}' object is not subscriptable`, e);
  }
  if (t.kind === "union") {
    const key = host.typeOf(spec, e.slice);
    return key === null ? null : unionItemType(t, key, e);
  }
  switch (t.kind) {
    case "list":
      indexType(host, spec, e.slice, "list");
      return t.parts[0]!;
    case "deque":
      dequeIndexType(host, spec, e.slice);
      return t.parts[0]!;
    case "str":
      indexType(host, spec, e.slice, "string");
      return pyTypes.str;
    case "bytes":
      indexType(host, spec, e.slice, "byte");
      return pyTypes.int;
    case "tuple": {
      const index = constantIndex(e.slice);
      if (index !== null) {
        const at = index < 0 ? t.parts.length + index : index;
        if (at < 0 || at >= t.parts.length) throw new SemanticError("tuple index out of range", e);
        host.typeOf(spec, e.slice);
        return t.parts[at]!;
      }
      indexType(host, spec, e.slice, "tuple");
      return iterationTypeAt(t, e);
    }
    case "dict": {
      const key = host.typeOf(spec, e.slice);
      // A union's value may be looked up by what it holds (KeyError for another class's).
      const byValue = key !== null && resolve(key).kind === "union";
      if (key !== null && !byValue && !fitsSlot(t.parts[0]!, key) && !mayEqual(t.parts[0]!, key)) {
        throw new SemanticError(`unsupported: a key of type ${resolve(key).text} in a ${t.text}`, e.slice);
      }
      return t.parts[1]!;
    }
    default:
      throw new SemanticError(`'${t.className}' object is not subscriptable`, e);
  }
}

/** The value of an int literal index (`t[0]`, `t[-1]`), or null. */
export function constantIndex(e: ast.expr): number | null {
  if (e._type === "Constant" && typeof e.value === "bigint") return Number(e.value);
  if (e._type === "UnaryOp" && e.op._type === "USub" && e.operand._type === "Constant") {
    const v = e.operand.value;
    return typeof v === "bigint" ? -Number(v) : null;
  }
  return null;
}

/** List, tuple, dict and set displays and comprehensions. */
export function displayType(host: InferenceHost, spec: Specialization, e: ast.expr): PyType | null {
  const natural = naturalDisplayType(host, spec, e);
  const widened = widenedDisplays.get(e);
  if (natural === null || widened === undefined) return natural;
  // Made as its siblings' type when its own parts fit that type's.
  const own = resolve(natural);
  const fits = own.kind === widened.kind && own.parts.every((p, i) => fitsSlot(widened.parts[i]!, p));
  return fits ? widened : natural;
}

function naturalDisplayType(host: InferenceHost, spec: Specialization, e: ast.expr): PyType | null {
  switch (e._type) {
    case "List":
    case "Set": {
      const types = e.elts.map((x) => host.typeOf(spec, x));
      if (types.some((t) => t === null)) return null;
      const element =
        types.length === 0 ? variableFor(e) : commonType(host, types as PyType[], e.elts, `${e._type.toLowerCase()}`);
      if (e._type === "List" && element === pyTypes.none) {
        // A list of Nones is a table to fill (`memo = [None] * n`): its slots hold None or a T that
        // stores into it will tell.
        return listOf(optionalOf(variableFor(e)));
      }
      const held = types.length === 0 ? element : widenable(e, displayVariables, element);
      return e._type === "List" ? listOf(held) : setOf(held);
    }
    case "Tuple": {
      const types = e.elts.map((x) => host.typeOf(spec, x));
      if (types.some((t) => t === null)) return null;
      return tupleOf(types as PyType[]);
    }
    case "Dict": {
      if (e.keys.some((k) => k === null)) throw new SemanticError("unsupported: ** in a dict display", e);
      const keys = e.keys.map((k) => host.typeOf(spec, k!));
      const values = e.values.map((v) => host.typeOf(spec, v));
      if (keys.some((t) => t === null) || values.some((t) => t === null)) return null;
      if (keys.length === 0) return dictOf(variableFor(e), valueVariableFor(e));
      return dictOf(
        widenable(e, displayVariables, commonType(host, keys as PyType[], e.keys as ast.expr[], "dict's keys")),
        widenable(e, valueVariables, commonType(host, values as PyType[], e.values, "dict's values")),
      );
    }
    case "ListComp":
    case "SetComp":
    case "GeneratorExp": {
      const narrowed = comprehensionTargets(host, spec, e.generators);
      if (narrowed === null) return null;
      const element = host.withNarrowed(narrowed, () => host.typeOf(spec, e.elt));
      if (element === null) return null;
      return e._type === "SetComp" ? setOf(element) : listOf(element);
    }
    case "DictComp": {
      const narrowed = comprehensionTargets(host, spec, e.generators);
      if (narrowed === null) return null;
      const key = host.withNarrowed(narrowed, () => host.typeOf(spec, e.key));
      const value = host.withNarrowed(narrowed, () => host.typeOf(spec, e.value));
      if (key === null || value === null) return null;
      return dictOf(key, value);
    }
    default:
      throw new Error(`internal: ${e._type} is no display`);
  }
}

/**
 * Types the generators' targets and conditions, each seeing what the conditions before it narrow
 * (`x for x in xs if x is not None`); returns what they all narrow for the element, or null while
 * an iterable's type is unknown.
 */
function comprehensionTargets(
  host: InferenceHost,
  spec: Specialization,
  generators: ast.comprehension[],
): Narrowed | null {
  let narrowed: Narrowed = new Map();
  for (const g of generators) {
    if (g.is_async) throw new SemanticError("unsupported: async comprehension", g.iter);
    const iterable = host.withNarrowed(narrowed, () => host.typeOf(spec, g.iter));
    if (iterable === null) return null;
    assignTarget(host, spec, g.target, iterationTypeAt(iterable, g.iter));
    for (const condition of g.ifs) {
      host.withNarrowed(narrowed, () => host.conditionType(spec, condition));
      narrowed = withNarrows(narrowed, narrowingOf(condition).whenTrue);
    }
  }
  return narrowed;
}

/**
 * sum() of a union's values: the type a running total takes, adding one more value at a time, until it
 * holds still (an int total and `int | float` values make an `int | float`). A member that cannot be
 * added raises CPython's TypeError when it is met.
 */
function unionSumType(start: PyType, element: PyType, fail: (message: string) => never): PyType {
  let total = resolve(start) === pyTypes.bool ? pyTypes.int : resolve(start);
  for (;;) {
    const sum = binaryResultType("Add", total, element, null);
    if (typeof sum === "string") fail(sum);
    const next = join(total, sum);
    if (next === null) fail(`unsupported: sum() of ${element.text} values: the total would change type`);
    if (next === total) return total;
    total = next;
  }
}

/** `x in container`: the element's type must be the container's. */
export function membershipType(container: PyType, element: PyType, at: ast.expr): void {
  const t = resolve(container);
  if (t.kind === "var") return;
  if (t.kind === "str") {
    if (resolve(element) !== pyTypes.str) {
      throw new SemanticError(`'in <string>' requires string as left operand, not ${resolve(element).className}`, at);
    }
    return;
  }
  if (t.kind === "bytes") {
    const e = resolve(element);
    if (e !== pyTypes.bytes && e !== pyTypes.int && e !== pyTypes.bool) {
      throw new SemanticError(`a bytes-like object is required, not '${e.className}'`, at);
    }
    return;
  }
  if (t.kind === "dict" || t.kind === "set" || t.kind === "list" || t.kind === "tuple" || t.kind === "deque") {
    const inside = t.kind === "dict" ? t.parts[0]! : iterationTypeAt(t, at);
    if (!maySearchFor(inside, element) && !(isNumeric(resolve(inside)) && isNumeric(resolve(element)))) {
      throw new SemanticError(`unsupported: looking for a ${resolve(element).text} in a ${t.text}`, at);
    }
    return;
  }
  throw new SemanticError(`argument of type '${t.className}' is not iterable`, at);
}

/** The builtins over containers and iterables; null when `name` is none of them. */
export function containerBuiltinType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  name: string,
): PyType | null | undefined {
  const args = e.args;
  const fail = (message: string, at: ast.expr | ast.keyword = e): never => {
    throw new SemanticError(message, at as ast.expr);
  };
  const argType = (i: number): PyType | null => host.typeOf(spec, args[i]!);
  const keyword = (k: string) => e.keywords.find((w) => w.arg === k);
  const onlyKeywords = (allowed: string[]) => {
    for (const k of e.keywords) {
      if (!allowed.includes(k.arg ?? "")) fail(`${name}() got an unexpected keyword argument '${k.arg}'`, k);
    }
  };
  switch (name) {
    case "len": {
      onlyKeywords([]);
      if (args.length !== 1) fail(`len() takes exactly one argument (${args.length} given)`);
      const t = argType(0);
      if (t === null) return null;
      const r = resolve(t);
      if (r.kind === "var") return pyTypes.int;
      const sized = ["str", "bytes", "list", "tuple", "dict", "set", "deque"];
      // A union's value has a length when it holds a member that has one (TypeError at run time otherwise).
      const sizedMembers = r.kind === "union" ? r.parts.filter((m) => sized.includes(m.kind)) : [r];
      if (sizedMembers.length === 0) fail(`object of type '${r.parts[0]?.className ?? r.className}' has no len()`);
      if (!sized.includes(sizedMembers[0]!.kind)) fail(`object of type '${r.className}' has no len()`);
      return pyTypes.int;
    }
    case "list":
    case "tuple":
    case "set":
    case "frozenset":
    case "sorted":
    case "reversed": {
      onlyKeywords(name === "sorted" ? ["key", "reverse"] : []);
      if (args.length === 0 && name !== "sorted" && name !== "reversed") {
        if (name === "frozenset") return frozensetOf(variableFor(e));
        return name === "list" ? listOf(variableFor(e)) : name === "set" ? setOf(variableFor(e)) : tupleOf([]);
      }
      if (args.length !== 1) fail(`${name}() takes exactly one argument (${args.length} given)`);
      const t = argType(0);
      if (t === null) return null;
      const element = iterationTypeAt(t, args[0]!);
      if (name === "sorted") sortKeywordTypes(host, spec, e, element);
      if (name === "tuple") {
        const r = resolve(t);
        // A namedtuple's values make a plain tuple.
        if (r.kind === "tuple") return r.named === undefined ? r : tupleOf(r.parts);
        throw new SemanticError("unsupported: tuple() of a list (its length would not be static)", e);
      }
      if (name === "frozenset") return frozensetOf(element);
      return name === "set" ? setOf(element) : listOf(element);
    }
    case "dict": {
      onlyKeywords([]);
      if (args.length === 0) return dictOf(variableFor(e), valueVariableFor(e));
      const t = argType(0);
      if (t === null) return null;
      const r = resolve(t);
      // dict(d) of a Counter or defaultdict is a plain dict (missing keys raise KeyError).
      if (r.kind === "dict") return dictOf(r.parts[0]!, r.parts[1]!);
      const pair = resolve(iterationTypeAt(r, args[0]!));
      if (pair.kind !== "tuple" || pair.parts.length !== 2) fail("unsupported: dict() of anything but pairs");
      return dictOf(pair.parts[0]!, pair.parts[1]!);
    }
    case "enumerate": {
      onlyKeywords(["start"]);
      if (args.length < 1 || args.length > 2) fail(`enumerate() takes 1 or 2 arguments (${args.length} given)`);
      const t = argType(0);
      if (t === null) return null;
      const start =
        args.length === 2 ? argType(1) : keyword("start") ? host.typeOf(spec, keyword("start")!.value) : null;
      if (start !== null && start !== pyTypes.int && start !== pyTypes.bool) {
        fail(`'${start.className}' object cannot be interpreted as an integer`);
      }
      return listOf(tupleOf([pyTypes.int, iterationTypeAt(t, args[0]!)]));
    }
    case "zip": {
      onlyKeywords([]);
      const types = args.map((_, i) => argType(i));
      if (types.some((t) => t === null)) return null;
      return listOf(tupleOf(types.map((t, i) => iterationTypeAt(t!, args[i]!))));
    }
    case "range": {
      onlyKeywords([]);
      if (args.length < 1 || args.length > 3) fail(`range expected at most 3 arguments, got ${args.length}`);
      for (let i = 0; i < args.length; i++) {
        const t = argType(i);
        if (t !== null && t !== pyTypes.int && t !== pyTypes.bool) {
          fail(`'${t.className}' object cannot be interpreted as an integer`, args[i]!);
        }
      }
      return listOf(pyTypes.int);
    }
    case "sum": {
      onlyKeywords(["start"]);
      if (args.length < 1 || args.length > 2) fail(`sum() takes 1 or 2 arguments (${args.length} given)`);
      const t = argType(0);
      if (t === null) return null;
      const element = resolve(iterationTypeAt(t, args[0]!));
      const startNode = args[1] ?? keyword("start")?.value;
      const start = startNode === undefined ? pyTypes.int : host.typeOf(spec, startNode);
      if (start === null) return null;
      if (element.kind === "var") unify(element, start);
      const e2 = resolve(element);
      if (e2.kind === "union" && isNumeric(start)) return unionSumType(start, e2, fail);
      if (!isNumeric(e2) || !isNumeric(start)) {
        fail(`unsupported: sum() of ${e2.text} values (numbers only)`);
      }
      return e2 === pyTypes.float || start === pyTypes.float ? pyTypes.float : pyTypes.int;
    }
    case "map":
    case "filter": {
      // The function is applied inline to each element (a lambda, or a builtin such as int).
      onlyKeywords([]);
      if (args.length !== 2) fail(`unsupported: ${name}() of other than one function and one iterable`);
      const t = argType(1);
      if (t === null) return null;
      const element = iterationTypeAt(t, args[1]!);
      const f = args[0]!;
      if (name === "filter" && f._type === "Constant" && f.value === null) return listOf(element);
      const result = keyFunctionType(host, spec, f, element);
      if (result === null) return null;
      return listOf(name === "map" ? result : element);
    }
    case "any":
    case "all": {
      onlyKeywords([]);
      if (args.length !== 1) fail(`${name}() takes exactly one argument (${args.length} given)`);
      const t = argType(0);
      if (t === null) return null;
      iterationTypeAt(t, args[0]!);
      return pyTypes.bool;
    }
    case "iter": {
      onlyKeywords([]);
      if (args.length !== 1) fail(`unsupported: iter() with ${args.length} arguments (one iterable only)`);
      const t = argType(0);
      if (t === null) return null;
      if (resolve(t).kind === "iterator") return resolve(t);
      return iteratorOf(iterationTypeAt(t, args[0]!));
    }
    case "next": {
      onlyKeywords([]);
      if (args.length < 1 || args.length > 2) fail(`next expected 1 or 2 arguments, got ${args.length}`);
      const iterable = nextIterable(host, args[0]!);
      const t = host.typeOf(spec, iterable);
      if (t === null) return null;
      if (iterable === args[0] && !isIteratorExpression(iterable) && resolve(t).kind !== "iterator") {
        if (resolve(t).kind === "var") return null;
        fail(`'${resolve(t).className}' object is not an iterator`, args[0]!);
      }
      const element = iterationTypeAt(t, iterable);
      if (args.length === 1) return element;
      const fallback = argType(1);
      if (fallback === null) return null;
      const joined = join(element, fallback);
      if (joined === null) {
        fail(
          `unsupported: next() of ${resolve(element).text} elements with a default of type ${resolve(fallback).text}`,
          args[1]!,
        );
      }
      return joined;
    }
    default:
      return undefined;
  }
}

/**
 * What `next(x)` walks: the iterable of `iter(iterable)`, or an iterator made where it stands (a
 * generator expression, map, filter, zip, enumerate, reversed, an itertools function), whose first
 * element is taken, or an iterator kept as a value (`it = iter(xs)`), whose next element is taken.
 */
export function nextIterable(host: Pick<InferenceHost, "isBuiltinName">, e: ast.expr): ast.expr {
  if (e._type === "GeneratorExp") return e;
  if (e._type === "Call" && e.func._type === "Name" && host.isBuiltinName(e.func)) {
    if (e.func.id === "iter" && e.args.length === 1 && e.keywords.length === 0) return e.args[0]!;
    if (ITERATOR_BUILTINS.has(e.func.id)) return e;
  }
  // An iterator made where it stands, or one kept as a value (its type says which).
  return e;
}

/** Whether `next(e)` walks an iterator `e` makes where it stands (nextIterable's forms). */
function isIteratorExpression(e: ast.expr): boolean {
  if (e._type === "GeneratorExp") return true;
  if (e._type !== "Call") return false;
  const f = e.func;
  return (
    (f._type === "Name" && ITERATOR_BUILTINS.has(f.id)) ||
    (f._type === "Attribute" && f.value._type === "Name" && f.value.id === "itertools")
  );
}

const ITERATOR_BUILTINS = new Set(["map", "filter", "zip", "enumerate", "reversed"]);

/** min/max of one iterable, with key= and default=; null while unknown. */
export function iterableMinMaxType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  name: string,
): PyType | null {
  for (const k of e.keywords) {
    if (k.arg !== "key" && k.arg !== "default") {
      throw new SemanticError(`${name}() got an unexpected keyword argument '${k.arg}'`, k as unknown as ast.expr);
    }
  }
  const t = host.typeOf(spec, e.args[0]!);
  if (t === null) return null;
  const element = iterationTypeAt(t, e.args[0]!);
  const key = e.keywords.find((k) => k.arg === "key");
  if (key !== undefined) keyFunctionType(host, spec, key.value, element);
  const fallback = e.keywords.find((k) => k.arg === "default");
  if (fallback !== undefined) {
    const d = host.typeOf(spec, fallback.value);
    // default=None makes the result `T | None`; any other default is a T.
    if (d !== null && resolve(d) === pyTypes.none) return optionalOf(element);
    if (d !== null && !unify(element, d)) {
      throw new SemanticError(
        `unsupported: a default of type ${resolve(d).text} for ${name}() of ${resolve(element).text}`,
        fallback.value,
      );
    }
  }
  return element;
}

export function sortKeywordTypes(host: InferenceHost, spec: Specialization, e: ast.Call, element: PyType): void {
  for (const k of e.keywords) {
    if (k.arg === "reverse") {
      const t = host.typeOf(spec, k.value);
      if (t !== null && t !== pyTypes.bool && t !== pyTypes.int) {
        throw new SemanticError(`'${t.className}' object cannot be interpreted as an integer`, k.value);
      }
    } else if (k.arg === "key") {
      keyFunctionType(host, spec, k.value, element);
    }
  }
}

/**
 * A key function: a lambda of one parameter, evaluated inline for each element (its parameter was
 * renamed into the enclosing scope), or a builtin such as len or str. Returns the key's type.
 */
export function keyFunctionType(
  host: InferenceHost,
  spec: Specialization,
  f: ast.expr,
  element: PyType,
): PyType | null {
  if (f._type === "Lambda") {
    const params = f.args.args;
    if (params.length !== 1 || f.args.vararg || f.args.kwonlyargs.length > 0) {
      throw new SemanticError("unsupported: a key function of other than one parameter", f);
    }
    host.assignNameType(spec, lambdaParameter(f), element);
    return host.typeOf(spec, f.body);
  }
  const builtin = f._type === "Name" && host.isBuiltinName(f) ? BUILTIN_FUNCTION_VALUES[f.id] : undefined;
  if (builtin !== undefined) return builtin(resolve(element));
  if (f._type === "Name" && !host.isBuiltinName(f)) {
    const applied = host.userFunctionValueType(spec, f, [element]);
    if (applied !== undefined) return applied;
  }
  const method = strMethodValue(host, f);
  if (method !== null) {
    if (!unify(element, pyTypes.str)) {
      throw new SemanticError(
        `descriptor '${method}' for 'str' objects doesn't apply to a '${resolve(element).className}' object`,
        f,
      );
    }
    const call = strMethodCall(method, [], []);
    if ("error" in call) throw new SemanticError(call.error, f);
    return call.result;
  }
  if (isDictGetValue(f)) {
    // `d.get` (`max(d, key=d.get)`): the value of a key, or None.
    const dict = host.typeOf(spec, (f as ast.Attribute).value);
    if (dict === null) return null;
    const t = resolve(dict);
    if (t.kind === "dict") {
      if (!maySearchFor(t.parts[0]!, element)) {
        throw new SemanticError(`unsupported: a key of type ${resolve(element).text} for a ${t.text}`, f);
      }
      return optionalOf(t.parts[1]!);
    }
  }
  throw new SemanticError(
    `unsupported: a function value other than a lambda or a function of one parameter, a dict's get, a str method or ${Object.keys(BUILTIN_FUNCTION_VALUES).join(", ")}`,
    f,
  );
}

/** Whether `f` is `<expression>.get` of something other than str: a dict's get as a function value. */
export function isDictGetValue(f: ast.expr): boolean {
  return f._type === "Attribute" && f.attr === "get" && !(f.value._type === "Name" && f.value.id === "str");
}

/** The method's name when `f` is `str.<method>` (str the builtin), a function of one str. */
export function strMethodValue(host: Pick<InferenceHost, "isBuiltinName">, f: ast.expr): string | null {
  if (f._type !== "Attribute" || f.value._type !== "Name" || f.value.id !== "str") return null;
  return host.isBuiltinName(f.value) ? f.attr : null;
}

/**
 * The builtins that may be passed as a function of one argument (a key, map's function, filter's
 * test), with their result type for an argument type; lowering/function-values.ts computes them.
 */
export const BUILTIN_FUNCTION_VALUES: Readonly<Record<string, (argument: PyType) => PyType>> = {
  int: () => pyTypes.int,
  float: () => pyTypes.float,
  str: () => pyTypes.str,
  repr: () => pyTypes.str,
  bool: () => pyTypes.bool,
  len: () => pyTypes.int,
  abs: (t) => (t === pyTypes.float ? pyTypes.float : pyTypes.int),
  ord: () => pyTypes.int,
  chr: () => pyTypes.str,
};

/**
 * A function of two arguments, applied inline to an accumulated value and an element (reduce's,
 * accumulate's): a lambda of two parameters, or max or min of two values of one type. Returns the
 * result's type; `what` names the call in messages.
 */
export function binaryFunctionType(
  host: InferenceHost,
  spec: Specialization,
  f: ast.expr,
  left: PyType,
  right: PyType,
  what: string,
): PyType | null {
  if (f._type === "Lambda") {
    if (f.args.args.length !== 2 || f.args.vararg || f.args.kwonlyargs.length > 0 || f.args.defaults.length > 0) {
      throw new SemanticError(`unsupported: a function of other than two parameters for ${what}()`, f);
    }
    host.assignNameType(spec, lambdaParameter(f, 0), left);
    host.assignNameType(spec, lambdaParameter(f, 1), right);
    return host.typeOf(spec, f.body);
  }
  const builtin = f._type === "Name" && host.isBuiltinName(f) ? f.id : null;
  if (builtin !== null && BUILTIN_BINARY_FUNCTION_VALUES.has(builtin)) {
    if (host.notKnownYet(f, left, right)) return null;
    const [a, b] = [resolve(left), resolve(right)];
    if (a !== b || (!isNumeric(a) && a !== pyTypes.str)) {
      throw new SemanticError(
        `unsupported: ${builtin}() of ${a.text} and ${b.text} in ${what}() (two numbers or two str of one type)`,
        f,
      );
    }
    return a === pyTypes.bool ? pyTypes.bool : a;
  }
  if (f._type === "Name" && builtin === null) {
    const applied = host.userFunctionValueType(spec, f, [left, right]);
    if (applied !== undefined) return applied;
  }
  const named = builtin === null ? "" : ` ${builtin}, a function of one argument:`;
  throw new SemanticError(
    `unsupported:${named} ${what}()'s function takes two arguments (a lambda or a function of two parameters, ${[...BUILTIN_BINARY_FUNCTION_VALUES].join(" or ")})`,
    f,
  );
}

/** The builtins that may be passed as a function of two arguments; lowering/function-values.ts computes them. */
export const BUILTIN_BINARY_FUNCTION_VALUES: ReadonlySet<string> = new Set(["max", "min"]);

/** The Names a lambda's parameters are bound through (made once per lambda). */
const lambdaParameters = new WeakMap<ast.Lambda, ast.Name[]>();

export function lambdaParameter(f: ast.Lambda, index = 0): ast.Name {
  let names = lambdaParameters.get(f);
  if (names === undefined) {
    names = f.args.args.map(
      (param) =>
        ({
          _type: "Name",
          id: param.arg,
          ctx: { _type: "Store" },
          lineno: param.lineno,
          col_offset: param.col_offset,
          end_lineno: param.end_lineno,
          end_col_offset: param.end_col_offset,
        }) as ast.Name,
    );
    lambdaParameters.set(f, names);
  }
  return names[index]!;
}
