import type { Module } from "./ast.js";
import { PySyntaxError } from "./syntax-error.js";

/** Parses decoded Python source into CPython's AST (`ast.parse(source)`). Throws PySyntaxError. */
export function parseModule(_source: string, filename: string): Module {
  throw new PySyntaxError("SyntaxError", "parser under construction", filename, 1, 1, 1, 1);
}
