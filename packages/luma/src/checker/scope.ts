import type { Identifier, Statement } from "../ast.js";
import type { LocalSymbol } from "./symbols.js";

/**
 * The local variables visible at a point of a body: one scope per block (and per function, closure,
 * match arm and loop), each pointing at the one around it. A `let` declares its variable from the
 * statement after it to the end of its block, and may shadow any earlier variable of the same name,
 * in its own block or an outer one; a lookup finds the innermost.
 *
 * A scope also knows the `let`s still to come in its block, so that a variable used before its
 * `let` (or inside its own initialiser) is reported as used too early rather than as unknown.
 */
export class Scope {
  private readonly locals = new Map<string, LocalSymbol>();
  /** For each name, the `let`s of this block not declared yet, in order. */
  private readonly upcoming = new Map<string, Identifier[]>();

  constructor(readonly parent: Scope | null) {}

  /** Notes the `let`s among a block's statements before checking them. */
  expectDeclarations(statements: readonly Statement[]): void {
    for (const statement of statements) {
      if (statement.kind !== "Let") continue;
      const list = this.upcoming.get(statement.name.name);
      if (list === undefined) this.upcoming.set(statement.name.name, [statement.name]);
      else list.push(statement.name);
    }
  }

  declare(local: LocalSymbol): void {
    this.locals.set(local.name, local);
    const list = this.upcoming.get(local.name);
    if (list !== undefined && list[0] === local.declaration) list.shift();
  }

  /** The innermost variable of this name, or null. */
  lookup(name: string): LocalSymbol | null {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const local = scope.locals.get(name);
      if (local !== undefined) return local;
    }
    return null;
  }

  /** The next `let` of this name in this block or an enclosing one, when the name is not declared yet. */
  upcomingDeclaration(name: string): Identifier | null {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const next = scope.upcoming.get(name)?.[0];
      if (next !== undefined) return next;
    }
    return null;
  }

  /** Every variable name visible here, for "did you mean" help. */
  visibleNames(): string[] {
    const names = new Set<string>();
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      for (const name of scope.locals.keys()) names.add(name);
    }
    return [...names];
  }
}
