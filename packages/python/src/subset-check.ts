// The language this compiler covers today, as a list of AST node kinds it accepts. Every other node
// gets "unsupported: <what>" at its own position, so a user sees exactly which construct to avoid.

import type * as ast from "./ast.js";
import { AST_FIELDS } from "./ast.js";
import { type NodeSpan, SemanticError } from "./semantic-error.js";

/** Node kinds the compiler refuses, with the words the diagnostic uses for them. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  AsyncFunctionDef: "async function",
  ClassDef: "class definition",
  AsyncFor: "async for loop",
  AsyncWith: "async with statement",
  Match: "match statement",
  Raise: "raise statement",
  Try: "try statement",
  TryStar: "try statement",
  NamedExpr: "assignment expression (:=)",
  Await: "await expression",
  Yield: "yield expression",
  YieldFrom: "yield from expression",
  Nonlocal: "nonlocal statement",
};

/** Throws a SemanticError at the first construct outside the supported subset, in source order. */
export function checkSupportedSubset(module: ast.Module): void {
  for (const statement of module.body) visit(statement as unknown as AnyNode, false);
}

type AnyNode = { readonly _type: string } & Record<string, unknown>;

function visit(node: AnyNode, inFunction: boolean): void {
  const what = UNSUPPORTED[node._type] ?? specificRefusal(node, inFunction);
  if (what !== null) throw new SemanticError(`unsupported: ${what}`, node as unknown as NodeSpan);
  const nested = inFunction || node._type === "FunctionDef";
  if (node._type === "Assign" && isParallelAssignment(node as unknown as ast.Assign)) {
    // `a, b = b, a + b`: the tuples exist only in the syntax; each element is checked on its own.
    const assign = node as unknown as ast.Assign;
    for (const target of assign.targets) visit(target as unknown as AnyNode, nested);
    for (const element of (assign.value as ast.Tuple).elts) visit(element as unknown as AnyNode, nested);
    return;
  }
  for (const [field, kind] of AST_FIELDS[node._type] ?? []) {
    const value = node[field];
    if (kind === "list") {
      for (const item of value as unknown[]) if (isNode(item)) visit(item, nested);
    } else if (isNode(value)) {
      visit(value, nested);
    }
  }
}

/** `a, b = x, y`: one tuple target and a tuple value of the same length. */
export function isParallelAssignment(assign: ast.Assign): boolean {
  const [target] = assign.targets;
  return (
    assign.targets.length === 1 &&
    target!._type === "Tuple" &&
    assign.value._type === "Tuple" &&
    (target as ast.Tuple).elts.length === assign.value.elts.length
  );
}

function isNode(value: unknown): value is AnyNode {
  return value !== null && typeof value === "object" && "_type" in value;
}

/** Refusals that depend on more than the node kind. */
function specificRefusal(node: AnyNode, inFunction: boolean): string | null {
  switch (node._type) {
    case "FunctionDef": {
      const def = node as unknown as ast.FunctionDef;
      if (inFunction) return "nested function definition";
      // These point at the part of the definition that is refused, not the whole definition.
      const [decorator] = def.decorator_list;
      if (decorator !== undefined) throw new SemanticError("unsupported: decorator", decorator);
      const [positionalOnly] = def.args.posonlyargs;
      if (positionalOnly !== undefined) {
        throw new SemanticError("unsupported: positional-only parameters", positionalOnly);
      }
      if (def.args.vararg !== null) throw new SemanticError("unsupported: *args parameter", def.args.vararg);
      if (def.args.kwarg !== null) throw new SemanticError("unsupported: **kwargs parameter", def.args.kwarg);
      return null;
    }
    case "Constant": {
      const value = (node as unknown as ast.Constant).value;
      if (value === null || typeof value !== "object") return null;
      if ("bytes" in value) return null;
      if ("imag" in value) return "complex number";
      if ("codePoints" in value) return null;
      return "Ellipsis";
    }
    case "BinOp":
      return (node as unknown as ast.BinOp).op._type === "MatMult" ? "matrix multiplication (@)" : null;
    case "Call": {
      const call = node as unknown as ast.Call;
      // print(*xs) prints any iterable's elements, a function call unpacks a tuple: what inference checks.
      const isMethod = call.func._type === "Attribute";
      if (isMethod && call.args.some((a) => a._type === "Starred")) return "argument unpacking (*args)";
      if (call.keywords.some((k) => k.arg === null)) return "keyword argument unpacking (**kwargs)";
      return null;
    }
    case "ImportFrom":
      return ((node as unknown as ast.ImportFrom).level ?? 0) > 0 ? "relative import" : null;
    default:
      return null;
  }
}
