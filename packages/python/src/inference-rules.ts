// Typing rules that need no inference state: annotations and what fits them, the types of
// constants, which statements end a block, the throwaway names, and the limits of what containers
// hold. Type inference (type-inference.ts) applies them.

import type * as ast from "./ast.js";
import { PyBytes } from "./constant-value.js";
import type { ImportedName } from "./module-names.js";
import {
  ANNOTATION_NAMES,
  dictOf,
  isContainer,
  listOf,
  type PyType,
  pyTypes,
  resolve,
  setOf,
  tupleOf,
  unify,
} from "./py-types.js";
import { walkStatements } from "./scopes.js";
import { SemanticError } from "./semantic-error.js";

/** The throwaway names (`_`, and `_` renamed in a comprehension) that no expression of the module reads. */
export function throwawayNames(module: ast.Module): Set<string> {
  const assigned = new Set<string>();
  const read = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const n = node as { _type?: string } & Record<string, unknown>;
    if (n._type === "Name") {
      const name = n as unknown as ast.Name;
      if (name.id === "_" || name.id.startsWith("_.")) (name.ctx._type === "Load" ? read : assigned).add(name.id);
      return;
    }
    for (const key in n) if (key !== "_type") visit(n[key]);
  };
  visit(module.body);
  return new Set([...assigned].filter((name) => !read.has(name)));
}

/** The default value expression of parameter `index` (args then kwonlyargs), or null. */
export function defaultValue(def: ast.FunctionDef, index: number): ast.expr | null {
  const positional = def.args.args.length;
  if (index < positional) {
    const first = positional - def.args.defaults.length;
    return index >= first ? def.args.defaults[index - first]! : null;
  }
  return def.args.kw_defaults[index - positional] ?? null;
}

export function constantType(e: ast.Constant): PyType {
  const v = e.value;
  if (v === null) return pyTypes.none;
  if (typeof v === "boolean") return pyTypes.bool;
  if (typeof v === "bigint") return pyTypes.int;
  if (typeof v === "number") return pyTypes.float;
  if (typeof v === "string" || (typeof v === "object" && "codePoints" in v)) return pyTypes.str;
  if (v instanceof PyBytes) return pyTypes.bytes;
  throw new SemanticError("unsupported: this constant", e);
}

export function constantNegative(e: ast.expr): bigint | null {
  if (e._type === "UnaryOp" && e.op._type === "USub" && e.operand._type === "Constant") {
    const v = e.operand.value;
    return typeof v === "bigint" ? -v : null;
  }
  return null;
}

export function annotationType(annotation: ast.expr): PyType | null {
  if (annotation._type === "Name") {
    const type = ANNOTATION_NAMES.get(annotation.id);
    if (type !== undefined) return type;
  }
  if (annotation._type === "Subscript" && annotation.value._type === "Name") {
    const parts = annotation.slice._type === "Tuple" ? annotation.slice.elts : [annotation.slice];
    const types = parts.map((p) => annotationType(p) ?? pyTypes.none);
    switch (annotation.value.id) {
      case "list":
        if (types.length === 1) return listOf(types[0]!);
        break;
      case "set":
        if (types.length === 1) return setOf(types[0]!);
        break;
      case "dict":
        if (types.length === 2) return dictOf(types[0]!, types[1]!);
        break;
      case "tuple":
        return tupleOf(types);
    }
  }
  if (annotation._type === "Constant" && annotation.value === null) return pyTypes.none;
  throw new SemanticError(
    "unsupported: this type annotation (int, float, bool, str, None, list[T], tuple[...], dict[K, V] and set[T] are supported)",
    annotation,
  );
}

/** May a value of type `actual` stand where `declared` is annotated? (PEP 484's numeric tower.) */
export function fits(actual: PyType, declared: PyType): boolean {
  if (isContainer(resolve(declared))) return unify(actual, declared);
  return (
    resolve(actual) === declared ||
    (declared === pyTypes.float && (actual === pyTypes.int || actual === pyTypes.bool)) ||
    (declared === pyTypes.int && actual === pyTypes.bool)
  );
}

/** None, True or False: the only objects whose identity the compiled subset can test. */
export function isSingletonConstant(e: ast.expr): boolean {
  return e._type === "Constant" && (e.value === null || typeof e.value === "boolean");
}

/** Whether an expression names sys.argv (`sys.argv`, or `argv` imported from sys). */
export function isSysArgv(imports: ReadonlyMap<string, ImportedName>, e: ast.expr): boolean {
  if (e._type === "Attribute" && e.value._type === "Name") {
    const imported = imports.get(e.value.id);
    return imported?.module === "sys" && imported.member === null && e.attr === "argv";
  }
  if (e._type === "Name") {
    const imported = imports.get(e.id);
    return imported?.module === "sys" && imported.member === "argv";
  }
  return false;
}

export function isDivmodCall(e: ast.expr): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "divmod";
}

export const COMPARE_SYMBOLS: Record<string, string> = {
  Lt: "<",
  LtE: "<=",
  Gt: ">",
  GtE: ">=",
  Eq: "==",
  NotEq: "!=",
};

/** Does control never go on after this block: it returns, raises, breaks or continues? */
export function leavesBlock(body: readonly ast.stmt[]): boolean {
  return alwaysEnds(body) || body.some((s) => s._type === "Continue" || s._type === "Break");
}

/** Does control never reach the end of this body (it returns or raises on every path)? */
export function alwaysEnds(body: readonly ast.stmt[]): boolean {
  for (const s of body) {
    if (s._type === "Return") return true;
    if (s._type === "If" && alwaysEnds(s.body) && alwaysEnds(s.orelse)) return true;
    if (s._type === "While" && isTrueConstant(s.test) && !containsBreak(s.body)) return true;
    if (s._type === "Expr" && isSysExitCall(s.value)) return true;
    if (s._type === "Assert" && s.test._type === "Constant" && s.test.value === false) return true;
  }
  return false;
}

export function isTrueConstant(e: ast.expr): boolean {
  return e._type === "Constant" && (e.value === true || (typeof e.value === "bigint" && e.value !== 0n));
}

export function isSysExitCall(e: ast.expr): boolean {
  if (e._type !== "Call") return false;
  const f = e.func;
  return (
    (f._type === "Attribute" && f.attr === "exit" && f.value._type === "Name" && f.value.id === "sys") ||
    (f._type === "Name" && f.id === "exit")
  );
}

export function containsBreak(body: readonly ast.stmt[]): boolean {
  for (const s of body) {
    if (s._type === "Break") return true;
    if (s._type === "If" && (containsBreak(s.body) || containsBreak(s.orelse))) return true;
  }
  return false;
}

export function lastStatement(body: readonly ast.stmt[]): ast.stmt | null {
  return body.length > 0 ? body[body.length - 1]! : null;
}

/** Every statement, those of function bodies included. */
export function* walkAll(body: readonly ast.stmt[]): Generator<ast.stmt> {
  for (const s of walkStatements(body)) {
    yield s;
    if (s._type === "FunctionDef") yield* walkAll(s.body);
  }
}
