// Runs the IR passes over each function until none of them changes anything. Each pass only ever
// removes instructions, blocks or edges, so the fixed point comes after a few rounds; the round limit
// only turns a pass that undoes another's work into a loud error rather than a hang.

import type { IrFunction, Module } from "../ir/ir.js";
import { printFunction } from "../ir/printer.js";
import { validateFunction } from "../ir/validator.js";
import { inlineBaseCases } from "./base-case-inlining.js";
import { foldConstants } from "./constant-folding.js";
import { eliminateDeadCode } from "./dead-code-elimination.js";
import { analyzeModuleRanges } from "./range-analysis.js";
import { unrollRecursion } from "./recursion-unrolling.js";
import { simplifyCfg } from "./simplify-cfg.js";
import { speculateImmediates } from "./speculation.js";
import { eliminateTailRecursion } from "./tail-recursion.js";

/** A pass rewrites one function in place and says whether it changed anything. */
export type Pass = (fn: IrFunction) => boolean;

export interface NamedPass {
  readonly name: string;
  readonly run: Pass;
}

export const defaultPasses: readonly NamedPass[] = [
  { name: "constant-folding", run: foldConstants },
  { name: "simplify-cfg", run: simplifyCfg },
  { name: "dead-code-elimination", run: eliminateDeadCode },
];

export interface PipelineOptions {
  readonly passes?: readonly NamedPass[];
  /** Validate the function after every pass that changed it, and throw naming the pass (for tests and --debug). */
  readonly validate?: boolean;
}

const maxRounds = 100;

/** Runs the passes over the function to a fixed point; `m` lets validation check calls and globals. */
export function optimizeFunction(fn: IrFunction, options: PipelineOptions = {}, m?: Module): boolean {
  const passes = options.passes ?? defaultPasses;
  let changedAny = false;
  for (let round = 0; ; round++) {
    if (round === maxRounds) throw new Error(`passes on @${fn.name} did not settle after ${maxRounds} rounds`);
    let changed = false;
    for (const pass of passes) {
      if (!pass.run(fn)) continue;
      changed = true;
      if (options.validate) {
        const errors = validateFunction(fn, m);
        if (errors.length > 0) {
          throw new Error(`invalid IR after ${pass.name}:\n${errors.join("\n")}\n${printFunction(fn)}`);
        }
      }
    }
    if (!changed) return changedAny;
    changedAny = true;
  }
}

/** Rounds of the module passes; each does something, so a few are enough (fib takes four). */
const maxModuleRounds = 12;

export function optimizeModule(m: Module, options: PipelineOptions = {}): boolean {
  let changed = false;
  for (const fn of m.functions) if (optimizeFunction(fn, options, m)) changed = true;
  const cleanUp = (functions: readonly IrFunction[]) => {
    for (const fn of functions) optimizeFunction(fn, options, m);
    changed = true;
  };
  // Ranges across calls can only be known once every function is in its final shape, so each round
  // analyses the program again after what the last one changed (removing checks changes no range, so
  // the round that removed them goes on; a round costs one analysis, tens of milliseconds cold):
  // - tail calls become loops where the ranges show accumulating is exact, and the loops' counters
  //   then give the range analysis more to work with;
  // - base cases go in front of calls, and then every remaining call of such a function has
  //   arguments outside its base case: its parameters' ranges narrow (fib's n >= 2, so fib returns
  //   a non-negative number and its `fib(n - 1) + fib(n - 2)` accumulates exactly: fib(41) with n
  //   from argv went from 1.86x of gcc -O2's time to 0.79x, the speed it had with n clamped to >= 0);
  // - recursion is unrolled last, once nothing else applies, and its copies are analysed again.
  // The rounds stop when one changes nothing, so a second run finds nothing to do.
  for (let round = 0; round < maxModuleRounds; round++) {
    const ranges = analyzeModuleRanges(m);
    const removed = ranges.removeImpossibleChecks();
    const looped = m.functions.filter((fn) => fn !== m.entry && eliminateTailRecursion(fn, ranges.rangeOf));
    if (removed || looped.length > 0) cleanUp(m.functions);
    if (looped.length > 0) continue;
    const guarded = inlineBaseCases(m);
    if (guarded.length > 0) {
      cleanUp(guarded);
      continue;
    }
    if (!unrollRecursion(m)) break;
    changed = true;
  }
  // Last, on functions in their final shape: a speculative copy of those with tagged arithmetic.
  if (speculateImmediates(m)) changed = true;
  return changed;
}
