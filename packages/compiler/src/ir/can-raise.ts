// Which functions can raise: those with an operation that can fail or a raising terminator, and those
// calling one that can raise, as a fixpoint over the call graph. The emitter tests for a pending
// error only after calls of these; the reference-counting pass gives clean-ups only to their calls.
// (A function whose every failure is handled inside it is still counted: the answer is safe, not exact.)

import { describeInstruction } from "./instructions.js";
import type { IrFunction, Module } from "./ir.js";

/** Functions that can raise: those with a failing operation, or calling one that can raise. */
export function functionsThatCanRaise(module: Module): Set<IrFunction> {
  const raising = new Set<IrFunction>();
  const callers = new Map<IrFunction, Set<IrFunction>>();
  for (const fn of module.functions) {
    for (const block of fn.blocks) {
      if (["raise", "throw", "resume"].includes(block.terminator?.kind ?? "")) raising.add(fn);
      for (const inst of block.instructions) {
        if (inst.kind === "call") {
          const set = callers.get(inst.callee) ?? new Set<IrFunction>();
          callers.set(inst.callee, set);
          set.add(fn);
        } else if (describeInstruction(inst).canFail(inst)) {
          raising.add(fn);
        }
      }
    }
  }
  const work = [...raising];
  while (work.length > 0) {
    const callee = work.pop()!;
    for (const caller of callers.get(callee) ?? []) {
      if (!raising.has(caller)) {
        raising.add(caller);
        work.push(caller);
      }
    }
  }
  return raising;
}
