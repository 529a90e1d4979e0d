// Deletes blocks the entry cannot reach, then every instruction whose value nothing needs. Liveness
// is marked from the instructions with side effects and the terminators' operands and propagated to
// operands, so dead cycles (a loop counter nothing reads) go too, in one sweep.

import { dropHandler, reversePostorder } from "../ir/cfg.js";
import { hasSideEffects } from "../ir/effects.js";
import type { Instruction, IrFunction, Value } from "../ir/ir.js";
import { instructionOperands, terminatorOperands } from "../ir/uses.js";

export function eliminateDeadCode(fn: IrFunction): boolean {
  const removedBlocks = removeUnreachableBlocks(fn);
  return removeDeadInstructions(fn) || removedBlocks;
}

/** Deletes the blocks not reachable from the entry, and their incoming values in the remaining phis. */
export function removeUnreachableBlocks(fn: IrFunction): boolean {
  const reachable = new Set(reversePostorder(fn));
  if (reachable.size === fn.blocks.length) return false;
  fn.blocks = fn.blocks.filter((block) => reachable.has(block));
  for (const block of fn.blocks) {
    for (const inst of block.instructions) {
      if (inst.kind === "phi") inst.incoming = inst.incoming.filter((i) => reachable.has(i.block));
    }
  }
  return true;
}

export function removeDeadInstructions(fn: IrFunction): boolean {
  const live = new Set<Instruction>();
  const work: Instruction[] = [];
  const markLive = (value: Value): void => {
    if (value.kind === "const" || value.kind === "param" || live.has(value)) return;
    live.add(value);
    work.push(value);
  };
  for (const block of fn.blocks) {
    for (const inst of block.instructions) if (hasSideEffects(inst)) markLive(inst);
    for (const value of terminatorOperands(block.terminator)) markLive(value);
  }
  for (let inst = work.pop(); inst !== undefined; inst = work.pop()) {
    for (const value of instructionOperands(inst)) markLive(value);
  }
  let changed = false;
  for (const block of fn.blocks) {
    const before = block.instructions.length;
    block.instructions = block.instructions.filter((inst) => {
      if (live.has(inst)) return true;
      dropHandler(inst);
      return false;
    });
    if (block.instructions.length !== before) changed = true;
  }
  return changed;
}
