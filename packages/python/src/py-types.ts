// The static types of the compiled subset and Python's typing rules for its operators. Inference and
// lowering both ask these functions, so an expression has one type in both.
//
// Types are data, as the IR's are: interned objects compared with `===`, each with a `kind`. The
// five scalar types are one object each; containers (`list[T]`, `tuple[A, B]`, `dict[K, V]`,
// `set[T]`, `deque[T]`) are interned by their parts' identities, as the IR interns its composite types, so that
// `===` stays type equality once parts are resolved.
//
// An empty display (`[]`, `{}`, `set()`) does not say its element type: it gets a type variable,
// one per display, which the first use that does say binds (`xs.append(1)`, `xs = [1]` elsewhere,
// a parameter annotated `list[int]`). `unify` binds variables; `resolve` gives the type with every
// bound variable replaced, and inference compares resolved types.

import type * as ast from "./ast.js";
import { conformsToRecursive, recursiveJoin } from "./recursive-types.js";

export type PyTypeKind =
  | "int"
  | "float"
  | "bool"
  | "None"
  | "str"
  | "bytes"
  | "file"
  | "list"
  | "tuple"
  | "dict"
  | "set"
  | "deque"
  | "iterator"
  | "optional"
  | "number"
  | "union"
  | "var";

export interface PyType {
  readonly kind: PyTypeKind;
  /** The type as an annotation spells it and our messages print it: `int`, `None`, `list[int]`. */
  readonly text: string;
  /** The name of its class, as CPython's messages print it: `int`, `NoneType`, `list`. */
  readonly className: string;
  /** The parts of a container type: its element type(s), or a tuple's element types in order. */
  readonly parts: readonly PyType[];
  /** A dict's class from collections: its missing keys and its text differ from a dict's. */
  readonly flavor?: DictFlavor;
  /** A tuple type that contains itself (`T = tuple[T | None, T | None]`, see recursive-types.ts). */
  readonly recursive?: boolean;
  /** A tuple of a collections.namedtuple class: a tuple whose parts also have names. */
  readonly named?: NamedTupleClass;
}

/** A class made by `Point = namedtuple("Point", "x y")` (named-tuples.ts). */
export interface NamedTupleClass {
  readonly name: string;
  readonly fields: readonly string[];
}

/** collections.defaultdict (a factory makes a missing key's value) and collections.Counter. */
/** A dict's or set's kind among its type's: collections' dicts, and the immutable, hashable frozenset. */
export type DictFlavor = "defaultdict" | "Counter" | "frozenset";

/** A type variable: what an empty display's element type is until a use binds it. */
export interface TypeVariable extends PyType {
  readonly kind: "var";
  binding: PyType | null;
}

function scalar(kind: PyTypeKind, className: string = kind): PyType {
  return { kind, text: kind, className, parts: [] };
}

/** The scalar types, one object each. */
export const pyTypes = {
  int: scalar("int"),
  float: scalar("float"),
  bool: scalar("bool"),
  none: scalar("None", "NoneType"),
  str: scalar("str"),
  bytes: scalar("bytes"),
  /** A text file: what open() returns, and sys.stdin, sys.stdout and sys.stderr. */
  file: { kind: "file", text: "TextIOWrapper", className: "TextIOWrapper", parts: [] } as PyType,
  /**
   * An int or a float, decided at run time: a variable assigned both (`total = 0`, then
   * `total += x` of a float), a function returning both.
   */
  number: { kind: "number", text: "int | float", className: "int | float", parts: [] } as PyType,
} as const;

const interned = new Map<string, PyType>();
const typeIds = new WeakMap<PyType, number>();
let nextTypeId = 0;

/** A number per type object, for interning composites by their parts' identities. */
function idOf(type: PyType): number {
  let id = typeIds.get(type);
  if (id === undefined) {
    id = nextTypeId++;
    typeIds.set(type, id);
  }
  return id;
}

function composite(
  kind: "list" | "tuple" | "dict" | "set" | "deque" | "iterator",
  given: readonly PyType[],
  flavor?: DictFlavor,
  named?: NamedTupleClass,
): PyType {
  const parts = given.map(heldInContainer);
  const name = named?.name ?? flavor ?? kind;
  const key = `${named === undefined ? name : `${name}:${named.fields.join(",")}`}(${parts.map(idOf).join(",")})`;
  let type = interned.get(key);
  if (type === undefined) {
    const inner = kind === "tuple" && parts.length === 0 ? "()" : parts.map((p) => p.text).join(", ");
    // CPython names a deque's class by its module (`'collections.deque' object ...`).
    const className = kind === "deque" ? "collections.deque" : kind === "iterator" ? "list_iterator" : name;
    type = { kind, text: `${name}[${inner}]`, className, parts: [...parts], flavor, named };
    interned.set(key, type);
  }
  return type;
}

/**
 * `T | None`: a value that is T or None (a variable assigned both, a function returning both,
 * dict.get(k)). Using it as T needs a test first (`if x is not None:`), which narrows it.
 */
export function optionalOf(type: PyType): PyType {
  const t = resolve(type);
  if (t.kind === "optional" || t === pyTypes.none) return t;
  if (t.kind === "union" || t === pyTypes.number) return unionOf([t, pyTypes.none])!;
  const key = `optional(${idOf(t)})`;
  let optional = interned.get(key);
  if (optional === undefined) {
    optional = { kind: "optional", text: `${t.text} | None`, className: t.className, parts: [t] };
    interned.set(key, optional);
  }
  return optional;
}

/**
 * The type a slot that holds values of both types needs: the same type, `T | None` for T and None
 * (a variable assigned None and an int, a function returning both), `int | float`, or else a union
 * decided at run time (`[1, "a"]`); null when there is none.
 */
export function join(a: PyType, b: PyType): PyType | null {
  const x = resolve(a);
  const y = resolve(b);
  if (x === y) return x;
  const recursive = recursiveJoin(x, y);
  if (recursive !== null) return recursive;
  if (x.kind === "union" || y.kind === "union") return unionOf([x, y]);
  // None first: a variable must not be bound to None when it meets one (it is the other part).
  if (x === pyTypes.none) return optionalOf(y);
  if (y === pyTypes.none) return optionalOf(x);
  // An int and a float; a bool keeps what it is (a union), as `[1.5, True]` holds True.
  if (
    isNumeric(x) &&
    isNumeric(y) &&
    x !== pyTypes.bool &&
    y !== pyTypes.bool &&
    (x === pyTypes.float || y === pyTypes.float || x === pyTypes.number || y === pyTypes.number)
  ) {
    return pyTypes.number;
  }
  const partOf = (t: PyType) => (t.kind === "optional" ? t.parts[0]! : t);
  if ((x.kind === "optional" || y.kind === "optional") && unify(partOf(x), partOf(y))) return optionalOf(x);
  if (unify(x, y)) return resolve(x);
  return tupleJoin(x, y) ?? unionOf([x, y]);
}

/**
 * Two tuples of one length joined element by element (`(key, 1)` and `(key, True)` make a
 * `tuple[str, int | bool]`): a tuple is a value, which lowering copies into the joined type where it
 * enters such a slot. Null for other types, or elements that do not join.
 */
function tupleJoin(x: PyType, y: PyType): PyType | null {
  const plain = (t: PyType) => t.kind === "tuple" && t.named === undefined && !t.recursive;
  if (!plain(x) || !plain(y) || x.parts.length !== y.parts.length) return null;
  const parts = x.parts.map((p, i) => join(p, y.parts[i]!));
  return parts.every((p) => p !== null) ? tupleOf(parts as PyType[]) : null;
}

/**
 * What a value of the type is at run time, by the character runtime/py_any.c's py_any_class gives:
 * the one owner of that correspondence. Null for a type a union cannot hold.
 */
export function classCode(type: PyType): string | null {
  const t = resolve(type);
  switch (t.kind) {
    case "int":
      return "i";
    case "float":
      return "f";
    case "bool":
      return "b";
    case "None":
      return "n";
    case "str":
      return "s";
    case "bytes":
      return "y";
    case "list":
      return "l";
    case "tuple":
      return "t";
    case "dict":
      return "d";
    case "set":
      return t.flavor === "frozenset" ? "F" : "S";
    case "deque":
      return "D";
    default:
      return null;
  }
}

/** The classes a type's values may have: a union's members, an `int | float`'s or a `T | None`'s two. */
export function membersOf(type: PyType): readonly PyType[] {
  const t = resolve(type);
  if (t.kind === "union") return t.parts;
  if (t === pyTypes.number) return [pyTypes.int, pyTypes.float];
  if (t.kind === "optional") return [t.parts[0]!, pyTypes.none];
  return [t];
}

/**
 * The type of values of any of these types, told apart at run time by their classes (classCode):
 * `int | str`, `str | list[int] | None`. Members of one class must unify (two lists of different
 * element types are not told apart): null when they do not, or when one is not a class a union
 * holds. Two members are the cheaper `int | float` or `T | None`.
 */
export function unionOf(types: readonly PyType[]): PyType | null {
  const members: PyType[] = [];
  for (const member of types.flatMap(membersOf)) {
    // A variable no value has bound yet (the T of `[None]`, nothing stored) adds no class.
    if (resolve(member).kind === "var") continue;
    const code = classCode(member);
    if (code === null || resolve(member).recursive) return null;
    const same = members.findIndex((m) => classCode(m) === code);
    if (same < 0) members.push(resolve(member));
    else if (unify(members[same]!, member)) members[same] = resolve(members[same]!);
    else return null;
  }
  if (members.length === 1) return members[0]!;
  if (members.length === 2 && members.includes(pyTypes.none))
    return optionalOf(members.find((m) => m !== pyTypes.none)!);
  if (members.length === 2 && members.includes(pyTypes.int) && members.includes(pyTypes.float)) return pyTypes.number;
  return internUnion(members);
}

/**
 * A container's element type as its words hold it: an `int | float`, and a `T | None` of a T that
 * is a plain word (a float, a bool), become unions, whose tagged words have room for every member.
 */
function heldInContainer(part: PyType): PyType {
  const t = resolve(part);
  if (t === pyTypes.number) return internUnion([pyTypes.int, pyTypes.float]);
  if (t.kind === "optional" && !["o", "i"].includes(wordKind(t.parts[0]!)))
    return internUnion([t.parts[0]!, pyTypes.none]);
  return part;
}

/** The union of these members, distinct classes each, as they are. */
function internUnion(members: readonly PyType[]): PyType {
  const key = `union(${members
    .map(idOf)
    .sort((a, b) => a - b)
    .join(",")})`;
  let union = interned.get(key);
  if (union === undefined) {
    const text = members.map((m) => m.text).join(" | ");
    union = { kind: "union", text, className: text, parts: members };
    interned.set(key, union);
  }
  return union;
}

/**
 * Whether a value of type `value` may be stored in a slot of type `slot` (binding variables as
 * needed): the same type, or for a `T | None` slot None or a T.
 */
export function fitsSlot(slot: PyType, value: PyType): boolean {
  const s = resolve(slot);
  if (conformsToRecursive(value, s)) return true;
  if (s.kind === "optional" && (resolve(value) === pyTypes.none || unify(s.parts[0]!, value))) return true;
  if (s.kind === "union") {
    const members = s.parts;
    return membersOf(value).every((m) => members.some((p) => classCode(p) === classCode(m) && unify(p, m)));
  }
  return unify(slot, value);
}

/**
 * Whether a value of type `value` may be looked for among values of type `slot` (`in`, index, count,
 * remove): one that fits, a container of the slot's class, or any value among a union's (unequal
 * to the members of other classes).
 */
export function maySearchFor(slot: PyType, value: PyType): boolean {
  if (fitsSlot(slot, value)) return true;
  // A container equals one of its class whatever their element types (the runtime compares elements).
  if (isContainer(resolve(slot)) && mayEqual(slot, value)) return true;
  return resolve(slot).kind === "union" && membersOf(value).every((m) => classCode(m) !== null);
}

/**
 * Whether values of the two types may be equal (and be ordered, where their kind is): unify, or
 * tuples alike but for a namedtuple's names (`Point(1, 2) == (1, 2)`, a plain tuple looking up a dict
 * keyed by points), a set and a frozenset of one element type, or two containers of one class.
 */
export function mayEqual(a: PyType, b: PyType): boolean {
  const plain = (t: PyType) => {
    const r = resolve(t);
    if (r.named !== undefined) return tupleOf(r.parts);
    return r.flavor === "frozenset" ? setOf(r.parts[0]!) : r;
  };
  if (unify(a, b) || unify(plain(a), plain(b))) return true;
  // Containers of one class compare element by element whatever their element types (`[1] == [1.0]`).
  const x = resolve(a);
  return isContainer(x) && x.kind === resolve(b).kind;
}

/** unify, or else whether the value unrolls the slot's recursive tuple type (which it is as it stands). */
export function unifyOrUnroll(slot: PyType, value: PyType): boolean {
  return unify(slot, value) || conformsToRecursive(value, slot);
}

/** A container type of the same class (and flavor, and namedtuple class) as `type`, with other parts. */
export function withParts(type: PyType, parts: readonly PyType[]): PyType {
  return composite(type.kind as "list", parts, type.flavor, type.named);
}

/**
 * Two containers of one class joined part by part (`dict[str, int]` and `dict[str, str]` make a
 * `dict[str, int | str]`), for displays that can be made so; null when parts do not join.
 */
export function joinParts(a: PyType, b: PyType): PyType | null {
  const x = resolve(a);
  const y = resolve(b);
  const joined = join(x, y);
  if (joined !== null) return joined;
  const alike = x.kind === y.kind && x.flavor === y.flavor && x.named === y.named && x.parts.length === y.parts.length;
  if (!alike || !isContainer(x) || x.recursive || y.recursive) return null;
  const parts = x.parts.map((p, i) => joinParts(p, y.parts[i]!));
  return parts.every((p) => p !== null) ? withParts(x, parts as PyType[]) : null;
}

export const listOf = (element: PyType): PyType => composite("list", [element]);
export const setOf = (element: PyType): PyType => composite("set", [element]);
export const frozensetOf = (element: PyType): PyType => composite("set", [element], "frozenset");
export const dictOf = (key: PyType, value: PyType, flavor?: DictFlavor): PyType =>
  composite("dict", [key, value], flavor);
export const tupleOf = (elements: readonly PyType[]): PyType => composite("tuple", elements);
/** A tuple of a namedtuple class, of parts of these types. */
export const namedTupleOf = (named: NamedTupleClass, elements: readonly PyType[]): PyType =>
  composite("tuple", elements, undefined, named);
/** An iterator kept as a value (`it = iter(xs)`), over elements of one type. */
export const iteratorOf = (element: PyType): PyType => composite("iterator", [element]);
/** collections.deque of elements of one type. */
export const dequeOf = (element: PyType): PyType => composite("deque", [element]);

let variableCount = 0;

export function newTypeVariable(): TypeVariable {
  variableCount++;
  return { kind: "var", text: `?${variableCount}`, className: "object", parts: [], binding: null };
}

export function isContainer(type: PyType): boolean {
  return (
    type.kind === "list" ||
    type.kind === "tuple" ||
    type.kind === "dict" ||
    type.kind === "set" ||
    type.kind === "deque"
  );
}

/** The type with every bound variable replaced by its binding (unbound ones stay). */
export function resolve(type: PyType): PyType {
  if (type.kind === "var") {
    const binding = (type as TypeVariable).binding;
    return binding === null ? type : resolve(binding);
  }
  if (type.parts.length === 0 || type.recursive) return type;
  const parts = type.parts.map(resolve);
  if (parts.every((p, i) => p === type.parts[i])) return type;
  if (type.kind === "union") {
    const union = unionOf(parts);
    if (union === null) throw new Error(`internal: the union ${type.text} no longer holds its members apart`);
    return union;
  }
  return type.kind === "optional"
    ? optionalOf(parts[0]!)
    : composite(type.kind as "list", parts, type.flavor, type.named);
}

/** Whether a type still has an unbound variable in it. */
export function hasVariables(type: PyType): boolean {
  const t = resolve(type);
  return t.kind === "var" || (!t.recursive && t.parts.some(hasVariables));
}

/**
 * Makes the two types equal by binding variables, or returns false when they cannot be (bindings
 * made before a mismatch stay: the caller reports the mismatch). True when nothing had to change.
 */
export function unify(a: PyType, b: PyType): boolean {
  const x = resolve(a);
  const y = resolve(b);
  if (x === y) return true;
  if (x.kind === "var") {
    if (occursIn(x, y)) return false;
    (x as TypeVariable).binding = y;
    return true;
  }
  if (y.kind === "var") return unify(y, x);
  if (
    x.kind !== y.kind ||
    x.flavor !== y.flavor ||
    x.named !== y.named ||
    x.parts.length !== y.parts.length ||
    x.parts.length === 0 ||
    x.recursive ||
    y.recursive
  ) {
    return false;
  }
  return x.parts.every((p, i) => unify(p, y.parts[i]!));
}

function occursIn(variable: PyType, type: PyType): boolean {
  return type === variable || (!type.recursive && type.parts.some((p) => occursIn(variable, resolve(p))));
}

/**
 * Part `index` of a container type as it was made, before variables are replaced: the type variable of
 * an empty display's elements (`d = {}`), which widenSlot may bind again.
 */
export function partAsMade(type: PyType, index: number): PyType {
  let t = type;
  while (t.kind === "var" && (t as TypeVariable).binding !== null) t = (t as TypeVariable).binding!;
  return t.parts[index] ?? t;
}

/**
 * Widens the elements of a container made empty to hold a value of another class too: the type
 * variable its first store bound is bound again, to the join (`d["a"] = 1`, then `d["b"] = "x"`, make
 * a `dict[str, int | str]`). False when the slot is no such variable or the types do not join.
 */
export function widenSlot(slot: PyType, value: PyType): boolean {
  if (slot.kind !== "var") return false;
  let v = slot as TypeVariable;
  while (v.binding?.kind === "var") v = v.binding as TypeVariable;
  if (v.binding === null) return false;
  const joined = join(v.binding, value);
  if (joined === null || !["union", "optional", "number"].includes(joined.kind)) return false;
  v.binding = joined;
  return true;
}

/** Binds every variable still unbound in the type to int, as for a container that stays empty. */
export function defaultVariables(type: PyType): void {
  const t = resolve(type);
  if (t.kind === "var") (t as TypeVariable).binding = pyTypes.int;
  else if (!t.recursive) for (const p of t.parts) defaultVariables(p);
}

/**
 * How a value of the type is held in a container (runtime/py_containers.h): 'i' int, 'f' float,
 * 'b' bool, 'n' None, 'o' a counted object reference, 'a' a union's tagged word.
 */
export function wordKind(type: PyType): "i" | "f" | "b" | "n" | "o" | "a" {
  const t = resolve(type);
  switch (t.kind) {
    case "union":
      return "a";
    case "int":
      return "i";
    case "optional":
      // An int | None is a tagged word (None the absent word); other optionals are nullable objects.
      return resolve(t.parts[0]!).kind === "int" ? "i" : "o";
    case "float":
      return "f";
    case "bool":
      return "b";
    case "None":
      return "n";
    default:
      return "o";
  }
}

/**
 * Whether no value of the type can lead back to itself through references: it holds no list, dict,
 * set or deque at any depth (a tuple holding only such values cannot be in a reference cycle).
 */
export function isAcyclic(type: PyType): boolean {
  const t = resolve(type);
  switch (t.kind) {
    case "list":
    case "dict":
    case "deque":
    case "iterator":
    case "var":
      return false;
    case "set":
      return t.flavor === "frozenset" && t.parts.every(isAcyclic);
    case "tuple":
      // A recursive tuple's parts lead back to itself only through tuples and None.
      return t.recursive === true ? t.parts.every((p) => isAcyclicPart(p, t)) : t.parts.every(isAcyclic);
    case "optional":
      return isAcyclic(t.parts[0]!);
    case "union":
      return t.parts.every(isAcyclic);
    default:
      return true;
  }
}

function isAcyclicPart(part: PyType, self: PyType): boolean {
  const t = resolve(part);
  if (t === self) return true;
  if (t.kind === "optional") return isAcyclicPart(t.parts[0]!, self);
  return isAcyclic(t);
}

function isSequence(type: PyType): boolean {
  return type === pyTypes.str || type === pyTypes.bytes || type.kind === "list" || type.kind === "tuple";
}

/** The types an annotation may name (`None` is a constant, not a name). */
export const ANNOTATION_NAMES: ReadonlyMap<string, PyType> = new Map(
  [pyTypes.int, pyTypes.float, pyTypes.bool, pyTypes.str].map((t) => [t.text, t]),
);

export function isNumeric(type: PyType): boolean {
  return type === pyTypes.int || type === pyTypes.float || type === pyTypes.bool || type === pyTypes.number;
}

/** int and bool compute as int; float wins over all, and an int or float makes an int or float. */
export function numericJoin(a: PyType, b: PyType): PyType {
  if (a === pyTypes.float || b === pyTypes.float) return pyTypes.float;
  return a === pyTypes.number || b === pyTypes.number ? pyTypes.number : pyTypes.int;
}

/**
 * The result type of `a <op> b`, or a message saying why Python would reject (or we cannot compile)
 * the combination. `constantExponent` is the right operand's value when it is a literal int.
 */
export function binaryResultType(
  op: ast.operator["_type"],
  a0: PyType,
  b0: PyType,
  constantExponent: bigint | null,
): PyType | string {
  const { int, float, bool, str } = pyTypes;
  const a = resolve(a0);
  const b = resolve(b0);
  if (a.kind === "union" || b.kind === "union") return unionBinaryResultType(op, a, b);
  const isIndex = (t: PyType) => t === int || t === bool;
  if (op === "Mult" && ((isSequence(a) && isIndex(b)) || (isIndex(a) && isSequence(b)))) {
    const sequence = isSequence(a) ? a : b;
    if (sequence.kind === "tuple") return "unsupported: tuple * int (its length would not be static)";
    return sequence;
  }
  if (a === pyTypes.bytes || b === pyTypes.bytes) {
    if (op === "Add" && a === b) return a;
    if (op === "Add" && a === pyTypes.bytes) return `can't concat ${b.className} to bytes`;
    return `unsupported operand type(s) for ${operatorSymbol(op)}: '${a.className}' and '${b.className}'`;
  }
  if (a === str || b === str) {
    if (op === "Add" && a === str && b === str) return str;
    if (op === "Add" && a === str) return `can only concatenate str (not "${b.className}") to str`;
    // printf-style formatting: the right operand is the tuple of values, or the one value.
    if (op === "Mod" && a === str) return str;
    return `unsupported operand type(s) for ${operatorSymbol(op)}: '${a.className}' and '${b.className}'`;
  }
  if (a.kind === "list" && b.kind === "list" && op === "Add") {
    // A list of ints is a list of `int | None`s as it stands (both hold tagged words).
    const intWords = (t: PyType) => wordKind(t) === "i";
    const joined = join(a.parts[0]!, b.parts[0]!);
    if (joined?.kind === "optional" && intWords(a.parts[0]!) && intWords(b.parts[0]!)) return listOf(joined);
    if (unify(a, b)) return resolve(a);
    // Lists of different element types make a list of their join (the runtime converts the words).
    const elements = join(a.parts[0]!, b.parts[0]!);
    if (elements === null) return `unsupported: concatenating a ${a.text} and a ${resolve(b).text}`;
    return listOf(elements);
  }
  if (a.kind === "tuple" && b.kind === "tuple" && op === "Add") return tupleOf([...a.parts, ...b.parts]);
  if (a.flavor === "Counter" && b.flavor === "Counter" && COUNTER_OPS.has(op)) {
    if (!unify(a.parts[0]!, b.parts[0]!))
      return `unsupported: ${operatorSymbol(op)} of ${a.text} and ${resolve(b).text}`;
    return resolve(a);
  }
  if (a.kind === "deque" || b.kind === "deque") {
    return `unsupported: the operator ${operatorSymbol(op)} with a deque (its methods, len(), in, indexing and iteration are compiled)`;
  }
  if (a.kind === "set" && b.kind === "set" && (op === "BitOr" || op === "BitAnd" || op === "Sub" || op === "BitXor")) {
    // A set and a frozenset mix; the result is the left operand's kind, as CPython makes it.
    if (!unify(a.parts[0]!, b.parts[0]!)) return `unsupported: set operation between ${a.text} and ${resolve(b).text}`;
    return resolve(a);
  }
  if (!isNumeric(a) || !isNumeric(b)) {
    return `unsupported operand type(s) for ${operatorSymbol(op)}: '${a.className}' and '${b.className}'`;
  }
  switch (op) {
    case "Add":
    case "Sub":
    case "Mult":
    case "FloorDiv":
    case "Mod":
      return numericJoin(a, b);
    case "Div":
      return float;
    case "Pow":
      if (a === float || b === float) return float;
      if (a === pyTypes.number || b === pyTypes.number) return pyTypes.number;
      return constantExponent !== null && constantExponent < 0n ? float : int;
    case "LShift":
    case "RShift":
    case "BitAnd":
    case "BitOr":
    case "BitXor":
      if (a === float || b === float) {
        return `unsupported operand type(s) for ${operatorSymbol(op)}: '${a.className}' and '${b.className}'`;
      }
      if (a === pyTypes.number || b === pyTypes.number) {
        return `unsupported: ${operatorSymbol(op)} of a value that may be a float`;
      }
      // True & False is a bool; anything with an int is an int.
      return a === bool && b === bool && op !== "LShift" && op !== "RShift" ? bool : int;
    case "MatMult":
      return "unsupported: matrix multiplication (@)";
  }
}

/**
 * The result type of `-x`, `+x` or `~x`, or CPython's message rejecting the operand; for a union,
 * the join of its members' results (a member rejected raises at run time, as for binary operators).
 */
export function unaryResultType(op: "USub" | "UAdd" | "Invert", operand: PyType): PyType | string {
  const t = resolve(operand);
  if (t.kind === "union") {
    const results = t.parts.map((m) => unaryResultType(op, m)).filter((r): r is PyType => typeof r !== "string");
    if (results.length === 0) return unaryResultType(op, t.parts[0]!);
    const joined = results.reduce<PyType | null>((all, r) => (all === null ? null : join(all, r)), results[0]!);
    return joined ?? `unsupported: unary ${UNARY_SYMBOLS[op]} of ${t.text}: its results have different types`;
  }
  if (!isNumeric(t) || (op === "Invert" && t === pyTypes.float)) {
    return `bad operand type for unary ${UNARY_SYMBOLS[op]}: '${t.className}'`;
  }
  return t === pyTypes.bool ? pyTypes.int : t;
}

const UNARY_SYMBOLS = { USub: "-", UAdd: "+", Invert: "~" } as const;

/** The members of a union operand, or the operand itself. */
export function unionMembers(type: PyType): readonly PyType[] {
  const t = resolve(type);
  return t.kind === "union" ? t.parts : [t];
}

/**
 * `a <op> b` with a union operand: the operation of each pair of members the operands may hold,
 * whose results join. A pair Python rejects raises its TypeError at run time, and a pair we do not
 * compile raises NotImplementedError (arithmetic.ts); no pair at all is refused here.
 */
function unionBinaryResultType(op: ast.operator["_type"], a: PyType, b: PyType): PyType | string {
  let result: PyType | null = null;
  let firstError: string | null = null;
  for (const x of unionMembers(a)) {
    for (const y of unionMembers(b)) {
      const held = binaryResultType(op, x, y, null);
      if (typeof held === "string") {
        firstError ??= held;
        continue;
      }
      const joined: PyType | null = result === null ? held : join(result, held);
      if (joined === null)
        return `unsupported: ${operatorSymbol(op)} of ${a.text} and ${b.text}: its results have different types`;
      result = joined;
    }
  }
  return result ?? firstError!;
}

/** Counter's arithmetic: sums, differences, unions (larger counts) and intersections (smaller). */
const COUNTER_OPS = new Set<ast.operator["_type"]>(["Add", "Sub", "BitOr", "BitAnd"]);

export function operatorSymbol(op: ast.operator["_type"]): string {
  return OPERATOR_SYMBOLS[op];
}

const OPERATOR_SYMBOLS: Record<ast.operator["_type"], string> = {
  Add: "+",
  Sub: "-",
  Mult: "*",
  MatMult: "@",
  Div: "/",
  Mod: "%",
  Pow: "**",
  LShift: "<<",
  RShift: ">>",
  BitOr: "|",
  BitXor: "^",
  BitAnd: "&",
  FloorDiv: "//",
};
