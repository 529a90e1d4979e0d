// collections.namedtuple: a class made at the top of the module, `Point = namedtuple("Point", "x y")`
// (field names in one string, separated by spaces or commas, or as a list or tuple of strings).
// Its values are tuples whose type names the class (py-types.ts's `named`): they index, unpack,
// compare and hash as tuples, and also read their fields by name (`p.x`) and print as
// `Point(x=1, y=2)`, the runtime finding the names after the kinds of the tuple's elements
// (runtime/py_containers.h, py_tuple_new). A class is a name of its own, not a variable: calling it
// makes a value, and it cannot be assigned again or passed around.

import type * as ast from "./ast.js";
import { type ImportScope, moduleFunctionOf } from "./module-names.js";
import type { NamedTupleClass } from "./py-types.js";
import { SemanticError } from "./semantic-error.js";
import { KEYWORDS } from "./token-kind.js";

/** The namedtuple classes the module defines, by the name each is assigned to. */
export function collectNamedTuples(module: ast.Module, scope: ImportScope): Map<string, NamedTupleClass> {
  const classes = new Map<string, NamedTupleClass>();
  for (const statement of module.body) {
    const defined = namedTupleDefinition(statement, scope);
    if (defined === null) continue;
    if (classes.has(defined.variable)) {
      throw new SemanticError(`unsupported: a second definition of namedtuple '${defined.variable}'`, statement);
    }
    classes.set(defined.variable, defined.class);
  }
  return classes;
}

/** Whether the statement defines a namedtuple class (and is compiled as nothing: the class is static). */
export function isNamedTupleDefinition(statement: ast.stmt, scope: ImportScope): boolean {
  return namedTupleDefinition(statement, scope) !== null;
}

/** The message for a call of namedtuple() anywhere but in a definition. */
export const NAMEDTUPLE_ONLY_DEFINED =
  "unsupported: namedtuple() other than in `Name = namedtuple('Name', 'field ...')` at the top of the module";

function namedTupleDefinition(
  statement: ast.stmt,
  scope: ImportScope,
): { variable: string; class: NamedTupleClass } | null {
  if (statement._type !== "Assign" || statement.targets.length !== 1) return null;
  const target = statement.targets[0]!;
  const call = statement.value;
  if (target._type !== "Name" || call._type !== "Call") return null;
  const callee = moduleFunctionOf(scope, call);
  if (callee?.module !== "collections" || callee.name !== "namedtuple") return null;
  if (call.keywords.length > 0) throw new SemanticError("unsupported: namedtuple() with keyword arguments", call);
  const [typename, fieldNames] = call.args;
  if (call.args.length !== 2 || typename?._type !== "Constant" || typeof typename.value !== "string") {
    throw new SemanticError("unsupported: namedtuple() other than namedtuple('Name', fields) with literals", call);
  }
  const fields = fieldsOf(fieldNames!);
  const name = typename.value;
  for (const identifier of [name, ...fields]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier) || KEYWORDS.has(identifier)) {
      throw new SemanticError(`Type names and field names must be valid identifiers: '${identifier}'`, call);
    }
  }
  const seen = new Set<string>();
  for (const field of fields) {
    if (field.startsWith("_")) throw new SemanticError(`Field names cannot start with an underscore: '${field}'`, call);
    if (seen.has(field)) throw new SemanticError(`Encountered duplicate field name: '${field}'`, call);
    seen.add(field);
  }
  return { variable: target.id, class: { name, fields } };
}

/** The field names of a literal: one string of names separated by commas or spaces, or a list or tuple of strings. */
function fieldsOf(e: ast.expr): string[] {
  if (e._type === "Constant" && typeof e.value === "string") {
    return e.value
      .replace(/,/g, " ")
      .split(/\s+/)
      .filter((f) => f !== "");
  }
  if (
    (e._type === "List" || e._type === "Tuple") &&
    e.elts.every((x) => x._type === "Constant" && typeof x.value === "string")
  ) {
    return e.elts.map((x) => (x as ast.Constant).value as string);
  }
  throw new SemanticError(
    "unsupported: namedtuple field names other than a literal string, list or tuple of strings",
    e,
  );
}
