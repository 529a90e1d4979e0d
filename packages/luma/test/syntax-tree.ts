// Helpers for the parser's tests: parse and insist on no diagnostics, reach into the tree, compare
// trees by structure (kinds and fields, positions left out), and visit every node.

import assert from "node:assert/strict";
import { renderDiagnostic } from "@toolchain/compiler";
import type { Declaration, Expression, Module, Statement, TypeNode } from "../src/index.js";
import { parseLuma } from "../src/index.js";

/** Parses a file that must have no diagnostics at all; shows them rendered if it has. */
export function parseClean(source: string, fileName = "test.ls"): Module {
  const result = parseLuma(source, fileName);
  const rendered = result.diagnostics.map((d) => renderDiagnostic(d, () => source)).join("");
  assert.equal(rendered, "", "expected no diagnostics");
  return result.module;
}

/** The only declaration of a file. */
export function onlyDeclaration(source: string): Declaration {
  const module = parseClean(source);
  assert.equal(module.declarations.length, 1);
  return module.declarations[0]!;
}

/** The statements of `body` put in a function. */
export function statementsOf(body: string): readonly Statement[] {
  const declaration = onlyDeclaration(`func main() {\n${body}\n}`);
  assert.equal(declaration.kind, "Function");
  return declaration.kind === "Function" ? declaration.body.statements : [];
}

/** The expression `text`, parsed as the value of a `let`. */
export function expressionOf(text: string): Expression {
  const [statement] = statementsOf(`let value = ${text};`);
  assert.equal(statement?.kind, "Let");
  return (statement as Extract<Statement, { kind: "Let" }>).value;
}

/** The type `text`, parsed as a `let` annotation. */
export function typeOf(text: string): TypeNode {
  const [statement] = statementsOf(`let value: ${text} = 0;`);
  assert.equal(statement?.kind, "Let");
  return (statement as Extract<Statement, { kind: "Let" }>).type!;
}

/** A copy of a tree without positions (`start`, `end`) or the source text, to compare shapes. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "start" || key === "end" || key === "source") continue;
    copy[key] = shape(field);
  }
  return copy;
}

/** Every node below `root` (objects with a `kind` and a position) with its parent. */
export function forEachNode(root: object, visit: (node: NodeLike, parent: NodeLike | null) => void): void {
  const walk = (value: unknown, parent: NodeLike | null): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, parent);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const isNode = "kind" in value && "start" in value && "end" in value;
    const node = isNode ? (value as NodeLike) : parent;
    if (isNode) visit(value as NodeLike, parent);
    for (const [key, field] of Object.entries(value)) {
      if (key !== "source") walk(field, node);
    }
  };
  walk(root, null);
}

export interface NodeLike {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

// Builders for expected shapes, so an expectation reads like the code it describes.

export const id = (name: string) => ({ kind: "Identifier", name });
export const nameRef = (name: string) => ({ kind: "Name", name });
export const int = (value: number | bigint) => ({ kind: "IntegerLiteral", value: BigInt(value) });
export const float = (value: number) => ({ kind: "FloatLiteral", value });
export const str = (value: string) => ({ kind: "StringLiteral", value });
export const binary = (operator: string, left: unknown, right: unknown) => ({ kind: "Binary", operator, left, right });
export const call = (callee: unknown, ...args: unknown[]) => ({ kind: "Call", callee, arguments: args });
export const path = (owner: string, member: string) => ({ kind: "Path", owner: id(owner), member: id(member) });
export const fieldOf = (object: unknown, field: string) => ({ kind: "FieldAccess", object, field: id(field) });
export const named = (name: string, ...typeArguments: unknown[]) => ({
  kind: "NamedType",
  name: id(name),
  typeArguments,
});
export const binding = (name: string) => ({ kind: "BindingPattern", name: id(name) });
