// Types that contain themselves: the tree of `make(d)` returning `(None, None)` at the leaves and
// `(make(d - 1), make(d - 1))` above them is `T = tuple[T | None, T | None]`, and a linked list
// built as `node = (x, node)` from `node = None` is `T | None` with `T = tuple[int, T | None]`.
//
// Inference meets such a type one unrolling at a time: a function first returns `tuple[None, None]`,
// then `tuple[tuple[None, None], tuple[None, None]]`. `join` of a type and a tuple that holds a tuple
// of its arity folds the two into the recursive type (widening, see `fold`). Afterwards any finite
// unrolling joins it unchanged (conformance), so inference settles.
//
// Only tuples fold, and only where the unrollings are already the recursive type at run time: a
// tuple's slots are words whose meaning its kinds string records, and the words of None ('n', 0), of
// a tuple ('o') and of a `T | None` object slot ('o', NULL for None) read alike. So a value of any
// unrolling is a T as it stands; nothing is copied or converted (a list[None] stores bytes, so lists
// do not fold).

import { optionalOf, type PyType, pyTypes, resolve, wordKind } from "./py-types.js";

interface RecursiveTuple extends PyType {
  text: string;
  parts: PyType[];
}

/** The recursive tuple types made so far, by their structure (a self-reference written `^`). */
const byStructure = new Map<string, PyType>();
const texts = new Set<string>();

/**
 * The type that holds values of both types when one is, or contains, a recursive tuple type that
 * the other unrolls, or when one contains the other as a part; null otherwise.
 */
export function recursiveJoin(x: PyType, y: PyType): PyType | null {
  if (conformsToRecursive(y, x)) return x;
  if (conformsToRecursive(x, y)) return y;
  // Two unrollings of a recursive type met before it (`(make(d - 1), make(d - 1)) if d else (None, None)`).
  for (const recursive of recursiveTypesIn(y, recursiveTypesIn(x, new Set()))) {
    for (const candidate of [recursive, optionalOf(recursive)]) {
      if (conformsTo(x, candidate) && conformsTo(y, candidate)) return candidate;
    }
  }
  return fold(x, y) ?? fold(y, x);
}

/** The recursive tuple types that `t` is or has among its parts, added to `found`. */
function recursiveTypesIn(t: PyType, found: Set<PyType>): Set<PyType> {
  const r = resolve(t);
  if (r.recursive) found.add(r);
  else for (const p of r.parts) recursiveTypesIn(p, found);
  return found;
}

/** Whether a value of type `value` is a `slot` as it stands, `slot` being or holding a recursive tuple. */
export function conformsToRecursive(value: PyType, slot: PyType): boolean {
  const s = resolve(slot);
  return withoutNone(s).recursive === true && conformsTo(resolve(value), s);
}

/**
 * Whether `v` is a `slot` as it stands. A recursive `v` conforms to a recursive slot coinductively
 * (`assumed` holds the pairs being checked, which hold unless something else fails).
 */
function conformsTo(v: PyType, slot: PyType, assumed: Map<PyType, PyType> = new Map()): boolean {
  if (v === slot || assumed.get(v) === slot) return true;
  if (slot.kind === "optional") {
    const part = resolve(slot.parts[0]!);
    // None is word 0 in an 'n' slot and NULL in an object's `T | None` slot; an int's None differs.
    if (v === pyTypes.none) return wordKind(part) === "o";
    const inner = withoutNone(v);
    const word = wordKind(part);
    return (word === "o" || word === "i") && wordKind(inner) === word && conformsTo(inner, part, assumed);
  }
  if (v.kind !== "tuple" || slot.kind !== "tuple" || v.parts.length !== slot.parts.length || v.named !== slot.named) {
    return false;
  }
  if (v.recursive) assumed.set(v, slot);
  return v.parts.every((p, i) => conformsTo(resolve(p), resolve(slot.parts[i]!), assumed));
}

/**
 * The recursive tuple type that `older` and `newer` both unroll, where `newer` holds a tuple of
 * `older`'s arity as a part. First only `older`'s own tuple is taken for the type itself (a list node
 * `(value, rest)` whose value may be any pair); failing that, every tuple of that arity met in either
 * (as a part of such tuples, or through `| None`: a search tree's nodes grown on one side, then the
 * other). The parts at each position are joined. Null when they do not join, or when the two do not
 * conform to the result.
 */
function fold(older: PyType, newer: PyType): PyType | null {
  const o = withoutNone(older);
  const n = withoutNone(newer);
  if (o.kind !== "tuple" || n.kind !== "tuple" || o.parts.length !== n.parts.length) return null;
  // A namedtuple's fields would be lost on the folded type.
  if (o.named !== undefined || n.named !== undefined) return null;
  const arity = o.parts.length;
  if (!n.parts.some((p) => isMember(resolve(p), arity))) return null;
  const ofOlder = (t: PyType) => t === o;
  const ofArity = (t: PyType) => t.kind === "tuple" && t.parts.length === arity;
  for (const isSelf of [ofOlder, ofArity]) {
    const folded = foldFamily(familyOf([o, n], isSelf), arity, isSelf);
    const result =
      folded !== null && (older.kind === "optional" || newer.kind === "optional") ? optionalOf(folded) : folded;
    if (result !== null && conformsTo(older, result) && conformsTo(newer, result)) return result;
  }
  return null;
}

/** The recursive type whose parts join those of the members, each `isSelf` tuple in them the type itself. */
function foldFamily(members: readonly PyType[], arity: number, isSelf: (t: PyType) => boolean): PyType | null {
  const self: RecursiveTuple = { kind: "tuple", text: "", className: "tuple", parts: [], recursive: true };
  const collapse = (t: PyType): PyType =>
    t.kind === "optional" ? optionalOf(collapse(resolve(t.parts[0]!))) : isSelf(t) ? self : t;
  for (let i = 0; i < arity; i++) {
    let part: PyType | null = null;
    for (const member of members) {
      const here = collapse(resolve(member.parts[i]!));
      part = part === null ? here : joinParts(part, here);
      if (part === null) return null;
    }
    self.parts.push(part!);
  }
  return intern(self);
}

/** Whether `t` is, or is a `| None` of, a tuple of the arity. */
function isMember(t: PyType, arity: number): boolean {
  const inner = withoutNone(t);
  return inner.kind === "tuple" && inner.parts.length === arity;
}

/** The roots and the `isSelf` tuples found in them, through their parts and `| None`. */
function familyOf(roots: readonly PyType[], isSelf: (t: PyType) => boolean): PyType[] {
  const members: PyType[] = [...roots];
  const visit = (t: PyType): void => {
    const inner = withoutNone(resolve(t));
    if (!isSelf(inner) || members.includes(inner)) return;
    members.push(inner);
    for (const p of inner.parts) visit(p);
  };
  for (const root of roots) for (const p of root.parts) visit(p);
  return members;
}

/** The part of the folded type where the unrollings have `a` and `b`: equal, or one of them None. */
function joinParts(a: PyType, b: PyType): PyType | null {
  if (a === b) return a;
  if (a === pyTypes.none) return optionalOf(b);
  if (b === pyTypes.none) return optionalOf(a);
  return withoutNone(a) === withoutNone(b) ? optionalOf(withoutNone(a)) : null;
}

function withoutNone(t: PyType): PyType {
  return t.kind === "optional" ? resolve(t.parts[0]!) : t;
}

/** The one type of this structure: an earlier one if there is one, else `self` given its text. */
function intern(self: RecursiveTuple): PyType {
  const structure = `tuple[${self.parts.map((p) => describe(resolve(p), self)).join(",")}]`;
  const existing = byStructure.get(structure);
  if (existing !== undefined) return existing;
  // Messages and specialisation keys use the text, so two structures must not share one.
  let text = `tuple[${self.parts.map((p) => textOf(p, self)).join(", ")}]`;
  for (let n = 2; texts.has(text); n++) text = `${text.replace(/ #\d+$/, "")} #${n}`;
  self.text = text;
  // `T | None` was made while T had no text yet (for its own parts).
  (optionalOf(self) as { text: string }).text = `${text} | None`;
  texts.add(text);
  byStructure.set(structure, self);
  return self;
}

function describe(t: PyType, self: PyType): string {
  if (t === self) return "^";
  if (t.parts.length === 0 || t.recursive) return t.text;
  return `${t.kind}${t.flavor ?? ""}[${t.parts.map((p) => describe(resolve(p), self)).join(",")}]`;
}

/** A part's text, the type itself written `tuple[...]` as Python writes a list that contains itself. */
function textOf(t: PyType, self: PyType): string {
  if (t === self) return "tuple[...]";
  if (t.kind === "optional") return `${textOf(resolve(t.parts[0]!), self)} | None`;
  return t.text;
}
