// Recursion unrolled by copies. A function that still calls itself once after tail recursion became a
// loop (fib's `fib(n - 1)` inside the loop that replaced `+ fib(n - 2)`) is copied a few times and
// the copies call each other in a ring: f → f.r1 → f.r2 → f.r3 → f. Each copy has a single caller,
// so LLVM inlines the ring into f, which then makes one real call for every few levels of recursion
// instead of one per level (C compilers inline recursion a few levels deep the same way). The
// copies keep the display name, so tracebacks are unchanged.

import { cloneFunction } from "../ir/clone-function.js";
import type { IrFunction, Module } from "../ir/ir.js";

/** Levels copied: measured on fib, 3 gave the fastest code; more only grows it. */
const LEVELS = 3;
/** Larger functions are left alone: the copies would cost more in code size than calls save. */
const MAX_INSTRUCTIONS = 40;

export function unrollRecursion(m: Module): boolean {
  let changed = false;
  for (const fn of [...m.functions]) {
    if (fn === m.entry || !isSmallWithOneSelfCall(fn)) continue;
    const ring = [fn];
    for (let level = 1; level <= LEVELS; level++) ring.push(cloneFunction(m, fn, `${fn.name}.r${level}`));
    ring.forEach((f, i) => {
      const next = ring[(i + 1) % ring.length]!;
      for (const block of f.blocks) {
        for (const inst of block.instructions) if (inst.kind === "call" && inst.callee === fn) inst.callee = next;
      }
    });
    changed = true;
  }
  return changed;
}

function isSmallWithOneSelfCall(fn: IrFunction): boolean {
  let size = 0;
  let selfCalls = 0;
  for (const block of fn.blocks) {
    size += block.instructions.length;
    for (const inst of block.instructions) if (inst.kind === "call" && inst.callee === fn) selfCalls++;
  }
  return selfCalls === 1 && size <= MAX_INSTRUCTIONS;
}
