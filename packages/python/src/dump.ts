import { AST_FIELDS, HAS_POSITION } from "./ast.js";
import { reprConstant } from "./constant-repr.js";
import type { ConstantValue } from "./constant-value.js";

type AnyNode = { readonly _type: string } & Record<string, unknown>;

/** `ast.dump(node, include_attributes=...)` of CPython 3.11, character for character. */
export function dumpAst(node: { readonly _type: string }, includeAttributes = false): string {
  const parts: string[] = [];
  writeNode(node as AnyNode, includeAttributes, parts);
  return parts.join("");
}

function writeNode(node: AnyNode, includeAttributes: boolean, out: string[]): void {
  const type = node._type;
  out.push(type, "(");
  let first = true;
  // Positional form is never used: ast.dump's annotate_fields defaults to True.
  for (const [name, kind] of AST_FIELDS[type]!) {
    const value = node[name];
    if (value === null && kind === "optional") continue;
    if (!first) out.push(", ");
    first = false;
    out.push(name, "=");
    if (kind === "list") {
      writeList(value as unknown[], includeAttributes, out);
    } else {
      writeValue(value, includeAttributes, out, name === "value" && CONSTANT_HOLDERS.has(type));
    }
  }
  if (includeAttributes && HAS_POSITION.has(type)) {
    for (const name of POSITION_FIELDS) {
      if (!first) out.push(", ");
      first = false;
      out.push(name, "=", String(node[name]));
    }
  }
  out.push(")");
}

/** Node types whose `value` field is a Python constant rather than a node. */
const CONSTANT_HOLDERS: ReadonlySet<string> = new Set(["Constant", "MatchSingleton"]);

const POSITION_FIELDS = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

function writeList(items: unknown[], includeAttributes: boolean, out: string[]): void {
  out.push("[");
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(", ");
    writeValue(items[i], includeAttributes, out, false);
  }
  out.push("]");
}

function writeValue(value: unknown, includeAttributes: boolean, out: string[], isConstant: boolean): void {
  if (!isConstant && value !== null && typeof value === "object" && "_type" in value) {
    writeNode(value as AnyNode, includeAttributes, out);
  } else if (!isConstant && typeof value === "number") {
    // The int fields of nodes (conversion, simple, level, is_async) are JS numbers.
    out.push(String(value));
  } else {
    out.push(reprConstant(value as ConstantValue));
  }
}
