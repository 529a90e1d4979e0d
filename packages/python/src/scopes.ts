// Names and scopes by Python's rules: a name bound anywhere in a function body is local to it unless
// declared `global`; other names are the module's, then the builtins'. A name found nowhere is an
// error at compile time, with the closest visible name suggested.

import type * as ast from "./ast.js";
import { closestName } from "./closest-name.js";
import { hiddenBindings, renameComprehensionVariables } from "./comprehension-scopes.js";
import { SemanticError } from "./semantic-error.js";

/** Python's builtins: the names a program may use without defining them. */
export const PYTHON_BUILTINS: ReadonlySet<string> = new Set(
  (
    "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex " +
    "delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help " +
    "hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord " +
    "pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type " +
    "vars zip __name__ __file__ __doc__ ArithmeticError AssertionError AttributeError BaseException " +
    "Exception FloatingPointError IndexError KeyError LookupError NameError NotImplemented NotImplementedError " +
    "OverflowError RuntimeError StopIteration SystemExit TypeError ValueError ZeroDivisionError Ellipsis"
  ).split(" "),
);

export type NameKind = "local" | "global" | "builtin";

export interface FunctionScope {
  readonly def: ast.FunctionDef;
  readonly params: readonly string[];
  /** Names assigned in the body (not declared global), parameters included. */
  readonly locals: ReadonlySet<string>;
  readonly declaredGlobal: ReadonlySet<string>;
}

export interface ScopeInfo {
  /** Names bound at module level: assignments, loop targets, definitions, imports. */
  readonly moduleNames: ReadonlySet<string>;
  readonly functions: ReadonlyMap<ast.FunctionDef, FunctionScope>;
  /** How each Name node resolves. */
  readonly resolution: ReadonlyMap<ast.Name, NameKind>;
  /** Module-level names that some function reads or writes: they live in globals, not registers. */
  readonly sharedGlobals: ReadonlySet<string>;
}

export function analyzeScopes(module: ast.Module): ScopeInfo {
  const moduleNames = new Set<string>();
  const functions = new Map<ast.FunctionDef, FunctionScope>();
  renameComprehensionVariables(module);
  collectBindings(module.body, moduleNames, new Set());
  checkAugmentedOnly(module.body, moduleNames);
  for (const statement of module.body) {
    if (statement._type === "FunctionDef") functions.set(statement, functionScope(statement, moduleNames));
  }
  const resolution = new Map<ast.Name, NameKind>();
  const sharedGlobals = new Set<string>();
  resolveNames(module.body, null, moduleNames, resolution, sharedGlobals);
  for (const scope of functions.values()) {
    resolveNames(scope.def.body, scope, moduleNames, resolution, sharedGlobals);
    // Defaults are evaluated where the function is defined: in the module's scope.
    resolveNames(
      [...scope.def.args.defaults, ...scope.def.args.kw_defaults],
      null,
      moduleNames,
      resolution,
      sharedGlobals,
    );
  }
  return { moduleNames, functions, resolution, sharedGlobals };
}

function functionScope(def: ast.FunctionDef, moduleNames: ReadonlySet<string>): FunctionScope {
  const params = [...def.args.args, ...def.args.kwonlyargs].map((a) => a.arg);
  const declaredGlobal = new Set<string>();
  const bound = new Set<string>(params);
  collectBindings(def.body, bound, declaredGlobal);
  checkAugmentedOnly(def.body, bound, params, moduleNames);
  for (const name of declaredGlobal) {
    if (params.includes(name)) {
      throw new SemanticError(`name '${name}' is parameter and global`, globalStatementOf(def.body, name) ?? def);
    }
    bound.delete(name);
  }
  return { def, params, locals: bound, declaredGlobal };
}

/**
 * `x += 1` reads x before binding it: a name that nothing else binds was never defined (CPython
 * raises NameError, or UnboundLocalError in a function, when it gets there).
 */
function checkAugmentedOnly(
  body: readonly ast.stmt[],
  bound: ReadonlySet<string>,
  params: readonly string[] = [],
  moduleNames: ReadonlySet<string> = new Set(),
): void {
  const plain = new Set<string>(params);
  const firstAugmented = new Map<string, ast.Name>();
  for (const s of walkStatements(body)) {
    if (s._type === "AugAssign" && s.target._type === "Name") {
      if (!firstAugmented.has(s.target.id)) firstAugmented.set(s.target.id, s.target);
    } else if (s._type !== "AugAssign") {
      for (const name of assignedNames(s)) plain.add(name.id);
    }
    for (const name of hiddenBindings(s)) plain.add(name);
    if (s._type === "FunctionDef") {
      plain.add(s.name);
    } else if (s._type === "Import" || s._type === "ImportFrom" || s._type === "Global") {
      for (const alias of s._type === "Global" ? s.names : s.names.map((a) => a.asname ?? a.name.split(".")[0]!)) {
        plain.add(alias);
      }
    }
  }
  for (const [name, node] of firstAugmented) {
    if (plain.has(name) || !bound.has(name)) continue;
    if (moduleNames.has(name)) {
      throw new SemanticError(
        `local variable '${name}' is updated before it is assigned`,
        node,
        `to update the module's '${name}', declare it first: global ${name}`,
      );
    }
    const candidates = [...plain, ...PYTHON_BUILTINS];
    const suggestion = closestName(name, candidates);
    throw new SemanticError(
      `name '${name}' is not defined`,
      node,
      suggestion === null ? null : `did you mean '${suggestion}'?`,
    );
  }
}

function globalStatementOf(body: ast.stmt[], name: string): ast.stmt | null {
  for (const s of walkStatements(body)) if (s._type === "Global" && s.names.includes(name)) return s;
  return null;
}

/** Every statement of a body, nested blocks included but not nested function bodies. */
/** Every statement of a body and of the blocks nested in it (not of nested function definitions). */
export function* walkStatements(body: readonly ast.stmt[]): Generator<ast.stmt> {
  for (const s of body) {
    yield s;
    if (s._type === "If" || s._type === "While" || s._type === "For") {
      yield* walkStatements(s.body);
      yield* walkStatements(s.orelse);
    } else if (s._type === "With") {
      yield* walkStatements(s.body);
    }
  }
}

/** The names a statement binds by assignment: its targets, unpacked (`a, *rest = ...`), and `as` names. */
export function* assignedNames(s: ast.stmt): Generator<ast.Name> {
  const names = function* (target: ast.expr): Generator<ast.Name> {
    if (target._type === "Name") yield target;
    else if (target._type === "Tuple" || target._type === "List") for (const e of target.elts) yield* names(e);
    else if (target._type === "Starred") yield* names(target.value);
  };
  switch (s._type) {
    case "Assign":
      for (const t of s.targets) yield* names(t);
      return;
    case "AugAssign":
    case "AnnAssign":
    case "For":
      yield* names(s.target);
      return;
    case "With":
      for (const item of s.items) if (item.optional_vars !== null) yield* names(item.optional_vars);
      return;
  }
}

/** Adds the names a body binds to `bound`, and its `global` declarations to `declaredGlobal`. */
function collectBindings(body: readonly ast.stmt[], bound: Set<string>, declaredGlobal: Set<string>): void {
  for (const s of walkStatements(body)) {
    for (const name of assignedNames(s)) bound.add(name.id);
    // A comprehension's and a lambda's (renamed) variables belong to the function they are in.
    for (const name of hiddenBindings(s)) bound.add(name);
    switch (s._type) {
      case "FunctionDef":
        bound.add(s.name);
        break;
      case "Import":
        for (const alias of s.names) bound.add(alias.asname ?? alias.name.split(".")[0]!);
        break;
      case "ImportFrom":
        for (const alias of s.names) bound.add(alias.asname ?? alias.name);
        break;
      case "Global":
        for (const name of s.names) declaredGlobal.add(name);
        break;
    }
  }
}

function resolveNames(
  body: readonly unknown[],
  scope: FunctionScope | null,
  moduleNames: ReadonlySet<string>,
  resolution: Map<ast.Name, NameKind>,
  sharedGlobals: Set<string>,
): void {
  const visible = (): string[] => [...(scope?.locals ?? []), ...moduleNames, ...PYTHON_BUILTINS];
  const resolve = (name: ast.Name): void => {
    let kind: NameKind;
    if (scope?.locals.has(name.id)) kind = "local";
    else if (moduleNames.has(name.id) || scope?.declaredGlobal.has(name.id)) kind = "global";
    else if (PYTHON_BUILTINS.has(name.id)) kind = "builtin";
    else {
      const suggestion = closestName(name.id, visible());
      throw new SemanticError(
        `name '${name.id}' is not defined`,
        name,
        suggestion === null ? null : `did you mean '${suggestion}'?`,
      );
    }
    if (kind === "global" && scope !== null) sharedGlobals.add(name.id);
    resolution.set(name, kind);
  };
  const visitNode = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visitNode(item);
      return;
    }
    const n = node as { _type?: string } & Record<string, unknown>;
    if (n._type === undefined) return;
    if (n._type === "FunctionDef") {
      // Its body is resolved in its own scope; only the defaults belong to this one.
      return;
    }
    if (n._type === "Name") resolve(n as unknown as ast.Name);
    for (const key in n) if (key !== "_type") visitNode(n[key]);
  };
  visitNode(body);
}
