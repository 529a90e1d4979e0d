/** JavaScript source as a syntax tree (acorn), and walks over it: what the injection rewrite and the TLS
 * judgement of a script read. */
import { createRequire } from "node:module";
import type { Node } from "acorn";

export type AnyNode = Node & Record<string, unknown>;

/** acorn, loaded at the first parse rather than with the module: every kogine command loads this module,
 * most never parse JavaScript, and acorn builds its Unicode tables as it loads (some 6 ms of each command,
 * and a quarter of the CLI bundle's compilation: it now stays out of the bundle). */
let acorn: typeof import("acorn") | null = null;

export function parseModule(source: string): AnyNode {
  acorn ??= createRequire(import.meta.url)("acorn") as typeof import("acorn");
  return acorn.parse(source, {
    ecmaVersion: "latest",
    sourceType: "module",
    allowHashBang: true,
    allowAwaitOutsideFunction: true,
  }) as unknown as AnyNode;
}

/** Why `source` does not parse as a module, and where (1-based line and column), or null when it parses. */
export function syntaxErrorIn(source: string): { line: number; column: number; message: string } | null {
  try {
    parseModule(source);
    return null;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 0, column: -1 };
    return { line: loc.line, column: loc.column + 1, message: (error as Error).message.replace(/ \(\d+:\d+\)$/, "") };
  }
}

export function walkWithAncestors(
  node: AnyNode,
  ancestors: AnyNode[],
  visit: (node: AnyNode, ancestors: AnyNode[]) => void,
): void {
  visit(node, ancestors);
  const inner = [...ancestors, node];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc") continue;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") walkWithAncestors(child, inner, visit);
    } else if (value && typeof value === "object" && typeof (value as AnyNode).type === "string") {
      walkWithAncestors(value as AnyNode, inner, visit);
    }
  }
}

export function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc") continue;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") walk(child, visit);
    } else if (value && typeof value === "object" && typeof (value as AnyNode).type === "string") {
      walk(value as AnyNode, visit);
    }
  }
}
