// Helpers for tests written as IR text: parse, validate, run, print, compare.

import assert from "node:assert/strict";
import type { IrFunction, Module } from "../src/index.js";
import { parseIrModule, printFunction, printModule, validateModule } from "../src/index.js";

/** Removes the indentation common to all lines and the blank first and last lines, ending in one newline. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\s*\n/, "")
    .trimEnd()
    .split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return `${lines.map((l) => l.slice(indent)).join("\n")}\n`;
}

/** Parses IR text and asserts that it is valid. */
export function parseValid(text: string): Module {
  const m = parseIrModule(dedent(text));
  assert.deepEqual(validateModule(m), [], `input is not valid IR:\n${printModule(m)}`);
  return m;
}

/**
 * Runs `pass` over every function of `input` and compares the functions' text with `expected`; the
 * output must be valid, and the pass must report a change exactly when the text changed.
 */
export function checkPass(pass: (fn: IrFunction) => boolean, input: string, expected: string): void {
  const m = parseValid(input);
  const before = m.functions.map((fn) => printFunction(fn)).join("\n");
  const changed = m.functions.map(pass).some(Boolean);
  const after = m.functions.map((fn) => printFunction(fn)).join("\n");
  assert.deepEqual(validateModule(m), [], `output is not valid IR:\n${after}`);
  assert.equal(after, dedent(expected));
  assert.equal(changed, before !== after, `the pass reported changed=${changed}`);
}
