// Speculation that tagged words are immediates. A tagged operation's result joins its fast path's
// immediate with its fallback's reference, so every later operation tests the word again and LLVM
// sees no integer arithmetic it can reason about. Most integers stay immediates, so a function runs a
// speculative copy in which each tagged operation is its fast path alone: where that does not apply
// (a reference operand, a result that is not an immediate) the copy gives up with the speculation
// failure, which its dispatcher catches to run the function from the start as compiled (generic).
// Integer code in the copy is then what it would be on machine integers, with overflow branches that
// leave (spectral-norm's kernel, fib, collatz's chain: 2.2x to 3.6x of C's time before, see the
// benchmarks' note in docs/DESIGN.md).
//
// Running a function again from its start is only sound when its first run changed nothing a
// second run would see: the function is "restartable" when it reads memory but writes none (no
// stores, no external that touches memory beyond reading, no function value calls, no handlers), and
// calls only restartable functions. After its first failure a function runs generic for good (a
// flag), so a program whose integers grow big pays at most one restart per active call.

import { addGlobal, constants, IrBuilder } from "../ir/builder.js";
import { cloneFunction } from "../ir/clone-function.js";
import type { Instruction, IrFunction, Module, Value } from "../ir/ir.js";
import { types } from "../ir/types.js";
import { lookupRuntimeFunction } from "../runtime-functions.js";

/** Instructions a restartable function may hold besides calls: none of them writes memory. */
const READ_ONLY_KINDS = new Set<Instruction["kind"]>([
  "ibinary",
  "fbinary",
  "ineg",
  "fneg",
  "not",
  "icmp",
  "fcmp",
  "convert",
  "toint",
  "select",
  "phi",
  "tbinary",
  "tcmp",
  "tbox",
  "tunbox",
  "load_global",
  "alloc",
  "get_field",
  "elem_get",
  "struct_make",
  "struct_extract",
  "variant_make",
  "variant_tag",
  "variant_payload",
  "func_ref",
  "elided_frames",
]);

/** Gives each restartable function with tagged arithmetic a speculative copy; true if any did. */
export function speculateImmediates(m: Module): boolean {
  const restartable = restartableFunctions(m);
  const chosen = m.functions.filter(
    (fn) => fn !== m.entry && restartable.has(fn) && hasTaggedArithmetic(fn) && repeatsWork(fn),
  );
  const copies = new Map(chosen.map((fn) => [fn, addSpeculativeCopy(m, fn)] as const));
  // A speculative copy calls the others' speculative copies straight, not their dispatchers: the
  // failure goes up to the outermost dispatcher, which runs its function again from the start
  // (they are all restartable). fib: 0.58 s -> 0.55 s (C: 0.26 s).
  for (const copy of copies.values()) {
    for (const block of copy.blocks) {
      for (const inst of block.instructions) {
        if (inst.kind === "call") inst.callee = copies.get(inst.callee) ?? inst.callee;
      }
    }
  }
  return chosen.length > 0;
}

/**
 * Functions that write no memory and call only such functions: assumed of all, then those that
 * break the rule, or call one that does, are taken out until nothing changes.
 */
function restartableFunctions(m: Module): Set<IrFunction> {
  const restartable = new Set(m.functions.filter((fn) => fn !== m.entry && writesNothing(fn)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const fn of restartable) {
      const callsOther = fn.blocks.some((b) =>
        b.instructions.some((i) => i.kind === "call" && !restartable.has(i.callee)),
      );
      if (callsOther) {
        restartable.delete(fn);
        changed = true;
      }
    }
  }
  return restartable;
}

function writesNothing(fn: IrFunction): boolean {
  return fn.blocks.every(
    (b) =>
      b.terminator?.kind !== "resume" &&
      b.instructions.every((i) => {
        if (i.kind === "call") return true;
        if (i.kind === "call_extern") return i.callee.memory !== "any";
        return READ_ONLY_KINDS.has(i.kind);
      }),
  );
}

/**
 * Whether the function calls itself, where its integer code runs often enough, and gains enough
 * (tak 1.39x of C's time to 0.81x, fib 3.1x to 2.3x), to pay for two more copies of it. Functions
 * that only loop gained little (collatz 1.17x to 1.08x, gcd_sum nothing) for a build a third
 * longer (a 300-line program's from 0.51 s to 0.68 s), so they are left alone.
 */
function repeatsWork(fn: IrFunction): boolean {
  return fn.blocks.some((b) => b.instructions.some((i) => i.kind === "call" && i.callee === fn));
}

function hasTaggedArithmetic(fn: IrFunction): boolean {
  return fn.blocks.some((b) => b.instructions.some((i) => i.kind === "tbinary" || i.kind === "tunbox"));
}

/**
 * `fn` becomes a dispatcher: unless the function has given up before, it runs the speculative copy;
 * on the speculation failure it notes that and runs the generic copy, and any other error goes on
 * as the copy raised it. Both calls are tail calls, so a traceback shows the copies' frames only.
 */
function addSpeculativeCopy(m: Module, fn: IrFunction): IrFunction {
  const speculative = cloneFunction(m, fn, `${fn.name}.speculative`);
  const generic = cloneFunction(m, fn, `${fn.name}.generic`);
  for (const block of speculative.blocks) {
    for (const inst of block.instructions) {
      if (inst.kind === "tbinary" || inst.kind === "tbox" || inst.kind === "tunbox") inst.speculative = true;
    }
  }
  const givenUp = addGlobal(m, `${fn.name}.given_up`, constants.bool(false));
  const loc = { file: fn.sourceFile, line: firstLine(fn), col: 0 };
  fn.blocks = [];
  const b = new IrBuilder(fn, m);
  const entry = b.createBlock("entry");
  const fast = b.createBlock("speculate");
  const returned = b.createBlock("returned");
  const caught = b.createBlock("caught");
  const slow = b.createBlock("generic");
  const rethrow = b.createBlock("rethrow");
  const record = b.createBlock("give.up");
  const args: Value[] = fn.params;
  const result = (value: Value) => (fn.returnType === types.void ? null : value);

  b.positionAt(entry);
  b.condbr(b.loadGlobal(givenUp), slow, fast);

  b.positionAt(fast);
  const fastResult = b.call(speculative, args, loc, caught, true);
  b.br(returned);
  b.positionAt(returned);
  b.ret(result(fastResult));

  b.positionAt(caught);
  const exception = b.landing();
  const isFailure = b.callExtern(lookupRuntimeFunction("rt_exception_is_speculation_failure")!, [exception], null);
  b.condbr(isFailure, record, rethrow);

  b.positionAt(record);
  b.storeGlobal(givenUp, constants.bool(true));
  b.br(slow);

  b.positionAt(rethrow);
  b.terminate({ kind: "resume", exception, unwind: null });

  b.positionAt(slow);
  b.ret(result(b.call(generic, args, loc, null, true)));
  return speculative;
}

/** The first line the function's code names, for the dispatcher's calls (never shown: tail calls). */
function firstLine(fn: IrFunction): number {
  for (const block of fn.blocks) {
    for (const inst of block.instructions) {
      const loc = (inst as { loc?: { line: number } | null }).loc;
      if (loc !== undefined && loc !== null) return loc.line;
    }
  }
  return 1;
}
