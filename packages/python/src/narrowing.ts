// Narrowing a `T | None` variable by a test, as type checkers do: where `x is not None` (or
// `x != None`, or plain `x`) holds, x is T; where `x is None` fails, too. A test gives the names it
// narrows when it holds and when it fails; `not` swaps them, `and` narrows when all hold (and each
// operand sees the operands before it hold), `or` when all fail.

import type * as ast from "./ast.js";

/** Names narrowed to their non-None type: when the test holds, and when it fails. */
export interface Narrowing {
  readonly whenTrue: ReadonlySet<string>;
  readonly whenFalse: ReadonlySet<string>;
}

const NONE: Narrowing = { whenTrue: new Set(), whenFalse: new Set() };

export function narrowingOf(test: ast.expr): Narrowing {
  switch (test._type) {
    case "Name":
      return { whenTrue: new Set([test.id]), whenFalse: new Set() };
    case "UnaryOp": {
      if (test.op._type !== "Not") return NONE;
      const inner = narrowingOf(test.operand);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    case "BoolOp": {
      const parts = test.values.map(narrowingOf);
      if (test.op._type === "And") return { whenTrue: union(parts.map((p) => p.whenTrue)), whenFalse: new Set() };
      return { whenTrue: new Set(), whenFalse: union(parts.map((p) => p.whenFalse)) };
    }
    case "Compare": {
      if (test.ops.length !== 1) return NONE;
      const op = test.ops[0]!._type;
      const right = test.comparators[0]!;
      const name = isNone(right) ? test.left : isNone(test.left) ? right : null;
      if (name === null || name._type !== "Name") return NONE;
      if (op === "IsNot" || op === "NotEq") return { whenTrue: new Set([name.id]), whenFalse: new Set() };
      if (op === "Is" || op === "Eq") return { whenTrue: new Set(), whenFalse: new Set([name.id]) };
      return NONE;
    }
    default:
      return NONE;
  }
}

function isNone(e: ast.expr): boolean {
  return e._type === "Constant" && e.value === null;
}

function union(sets: readonly ReadonlySet<string>[]): Set<string> {
  const all = new Set<string>();
  for (const s of sets) for (const name of s) all.add(name);
  return all;
}
