// Narrowing a variable by a test, as type checkers do: where `x is not None` (or `x != None`, or
// plain `x`) holds, x is not None; where `isinstance(x, int)` holds, x is one of the classes named,
// and where it fails, none of them. A `T | None` then reads as T, a union (`int | str | None`) as
// the members left. A test gives what it says of each name when it holds and when it fails; `not`
// swaps them, `and` narrows when all hold (and each operand sees the operands before it hold), `or`
// when all fail.

import type * as ast from "./ast.js";
import { classCode, membersOf, type PyType, resolve, unionOf } from "./py-types.js";

/** What a test says of a variable: that it is not None, or that it is (or is not) of these classes. */
export type Narrow =
  | { readonly kind: "notNone" }
  | { readonly kind: "classes"; readonly codes: readonly string[]; readonly holds: boolean };

/** The variables narrowed at a point, each with the tests known to hold of it, in order. */
export type Narrowed = ReadonlyMap<string, readonly Narrow[]>;

/** What a test narrows: when it holds, and when it fails. */
export interface Narrowing {
  readonly whenTrue: Narrowed;
  readonly whenFalse: Narrowed;
}

const NOT_NONE: readonly Narrow[] = [{ kind: "notNone" }];
const NONE: Narrowing = { whenTrue: new Map(), whenFalse: new Map() };

/** What holding `x is not None` says of one name: shared, so that two branches that both say it agree. */
export function notNone(name: string): Narrowed {
  return new Map([[name, NOT_NONE]]);
}

export function narrowingOf(test: ast.expr): Narrowing {
  switch (test._type) {
    case "Name":
      return { whenTrue: notNone(test.id), whenFalse: new Map() };
    case "UnaryOp": {
      if (test.op._type !== "Not") return NONE;
      const inner = narrowingOf(test.operand);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    case "BoolOp": {
      const parts = test.values.map(narrowingOf);
      const all = (sides: Narrowed[]) => sides.reduce(withNarrows, new Map());
      if (test.op._type === "And") return { whenTrue: all(parts.map((p) => p.whenTrue)), whenFalse: new Map() };
      return { whenTrue: new Map(), whenFalse: all(parts.map((p) => p.whenFalse)) };
    }
    case "Compare": {
      if (test.ops.length !== 1) return NONE;
      const op = test.ops[0]!._type;
      const right = test.comparators[0]!;
      const name = isNone(right) ? test.left : isNone(test.left) ? right : null;
      if (name === null || name._type !== "Name") return NONE;
      if (op === "IsNot" || op === "NotEq") return { whenTrue: notNone(name.id), whenFalse: new Map() };
      if (op === "Is" || op === "Eq") return { whenTrue: new Map(), whenFalse: notNone(name.id) };
      return NONE;
    }
    case "Call":
      return isinstanceNarrowing(test);
    default:
      return NONE;
  }
}

/**
 * `isinstance(x, C)` or `isinstance(x, (C, D))` of a variable and builtin classes. Type inference
 * checks the call itself (it refuses other classes), so anything else here narrows nothing.
 */
function isinstanceNarrowing(call: ast.Call): Narrowing {
  if (call.func._type !== "Name" || call.func.id !== "isinstance" || call.args.length !== 2) return NONE;
  const [subject, classes] = call.args as [ast.expr, ast.expr];
  if (subject._type !== "Name") return NONE;
  const codes = isinstanceCodes(classes);
  const narrow = (holds: boolean): Narrowed => new Map([[subject.id, [{ kind: "classes", codes, holds }]]]);
  return { whenTrue: narrow(true), whenFalse: narrow(false) };
}

/** The classes (py-types' classCode) isinstance's second argument covers: `int` or `(int, str)`. */
export function isinstanceCodes(classes: ast.expr): readonly string[] {
  const names = classes._type === "Tuple" ? classes.elts : [classes];
  return names.flatMap((n) => (n._type === "Name" ? (CLASS_CODES.get(n.id) ?? []) : []));
}

/** The classes (py-types' classCode) each builtin class name covers: a bool is an int. */
const CLASS_CODES: ReadonlyMap<string, readonly string[]> = new Map([
  ["int", ["i", "b"]],
  ["bool", ["b"]],
  ["float", ["f"]],
  ["str", ["s"]],
  ["bytes", ["y"]],
  ["list", ["l"]],
  ["tuple", ["t"]],
  ["dict", ["d"]],
  ["set", ["S"]],
  ["frozenset", ["F"]],
]);

/** The classes isinstance() can test a value against. */
export const ISINSTANCE_CLASSES: ReadonlySet<string> = new Set(CLASS_CODES.keys());

/** The type a variable of `type` has where these tests hold: the members of it they leave. */
export function narrowedType(type: PyType, narrows: readonly Narrow[]): PyType {
  const members = membersOf(type).filter((member) => narrows.every((n) => keeps(n, member)));
  // A test that cannot hold leaves code that never runs: the type stays as it was there.
  if (members.length === 0) return resolve(type);
  if (members.length === 1) return members[0]!;
  return unionOf(members) ?? resolve(type);
}

function keeps(narrow: Narrow, member: PyType): boolean {
  const code = classCode(member);
  if (narrow.kind === "notNone") return code !== "n";
  return narrow.codes.includes(code ?? "") === narrow.holds;
}

/** The type of an operand of `or` that is its value: one that was true, so never None. */
export function boolOpValueType(type: PyType): PyType {
  return narrowedType(type, NOT_NONE);
}

/** `base` with what `added` says too (a name's tests after those `base` knows). */
export function withNarrows(base: Narrowed, added: Narrowed): Map<string, readonly Narrow[]> {
  const all = new Map(base);
  for (const [name, narrows] of added) {
    const known = all.get(name);
    all.set(name, known === undefined ? narrows : [...known, ...narrows]);
  }
  return all;
}

/** What holds on both of two paths: the names both narrow alike (as the same tests). */
export function commonNarrows(a: Narrowed, b: Narrowed): Map<string, readonly Narrow[]> {
  const common = new Map<string, readonly Narrow[]>();
  for (const [name, narrows] of a) if (b.get(name) === narrows) common.set(name, narrows);
  return common;
}

function isNone(e: ast.expr): boolean {
  return e._type === "Constant" && e.value === null;
}
