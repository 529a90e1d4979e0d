// Tidies the control-flow graph the front end and the other passes leave:
//   - a condbr on a constant, or with both targets the same, becomes a br;
//   - a phi with a single incoming value is that value;
//   - a block whose only predecessor ends in `br` to it is merged into that predecessor;
//   - a block holding nothing but `br X` is skipped: its predecessors branch to X directly, when
//     X's phis can tell those predecessors apart.
// Blocks left unreachable are dead-code elimination's to delete. Each sweep keeps the predecessor
// map up to date as it rewrites edges; sweeps repeat until one changes nothing.

import { endsInHandlerEdge, predecessorMap, replacePhiPredecessor, retarget, successors } from "../ir/cfg.js";
import { boolConstant } from "../ir/constant-values.js";
import type { Block, Instruction, IrFunction, Value } from "../ir/ir.js";
import { sameValue } from "../ir/same-value.js";
import { replaceUses, resolveReplacement } from "../ir/uses.js";

export function simplifyCfg(fn: IrFunction): boolean {
  let changed = false;
  while (simplifyOnce(fn)) changed = true;
  return changed;
}

type Phi = Extract<Instruction, { kind: "phi" }>;

function phisOf(block: Block): Phi[] {
  return block.instructions.filter((inst): inst is Phi => inst.kind === "phi");
}

function simplifyOnce(fn: IrFunction): boolean {
  const entry = fn.blocks[0];
  if (entry === undefined) return false;
  const preds = predecessorMap(fn);
  const predsOf = (block: Block): Block[] => preds.get(block) ?? [];
  // Removed phis are replaced in one rewrite at the end of the sweep; until then, reads go through resolve.
  const replacements = new Map<Value, Value>();
  const resolve = (value: Value): Value => resolveReplacement(replacements, value);
  const removed = new Set<Block>();
  let changed = false;

  const foldBranch = (block: Block): boolean => {
    const terminator = block.terminator;
    if (terminator?.kind !== "condbr") return false;
    const condition = resolve(terminator.condition);
    if (terminator.ifTrue === terminator.ifFalse) {
      block.terminator = { kind: "br", target: terminator.ifTrue };
      return true;
    }
    const value = boolConstant(condition);
    if (value === null) return false;
    const [taken, dropped] = value ? [terminator.ifTrue, terminator.ifFalse] : [terminator.ifFalse, terminator.ifTrue];
    block.terminator = { kind: "br", target: taken };
    for (const phi of phisOf(dropped)) phi.incoming = phi.incoming.filter((i) => i.block !== block);
    preds.set(
      dropped,
      predsOf(dropped).filter((p) => p !== block),
    );
    return true;
  };

  const removeSingleIncomingPhis = (block: Block): boolean => {
    let removedAny = false;
    block.instructions = block.instructions.filter((inst) => {
      if (inst.kind !== "phi" || inst.incoming.length !== 1) return true;
      // A phi fed only by itself sits in a block cut off from the entry; leave it to dead-code elimination.
      const value = resolve(inst.incoming[0]!.value);
      if (value === inst) return true;
      replacements.set(inst, value);
      removedAny = true;
      return false;
    });
    return removedAny;
  };

  const mergeIntoPredecessor = (block: Block): boolean => {
    const [pred, ...others] = predsOf(block);
    if (block === entry || pred === undefined || others.length > 0 || pred === block) return false;
    if (pred.terminator?.kind !== "br" || block.instructions.some((inst) => inst.kind === "phi")) return false;
    // Nothing may follow an instruction that can fail into a handler.
    if (endsInHandlerEdge(pred)) return false;
    for (const inst of block.instructions) {
      inst.block = pred;
      pred.instructions.push(inst);
    }
    pred.terminator = block.terminator;
    for (const successor of successors(block)) {
      replacePhiPredecessor(successor, block, pred);
      preds.set(
        successor,
        predsOf(successor).map((p) => (p === block ? pred : p)),
      );
    }
    return true;
  };

  const skipForwardingBlock = (block: Block): boolean => {
    const terminator = block.terminator;
    if (block === entry || block.instructions.length > 0 || terminator?.kind !== "br") return false;
    const target = terminator.target;
    const blockPreds = predsOf(block);
    if (target === block || blockPreds.length === 0) return false;
    const targetPreds = predsOf(target);
    const phis = phisOf(target);
    const valueFrom = (phi: Phi, from: Block): Value | undefined => phi.incoming.find((i) => i.block === from)?.value;
    // A predecessor that already branches to the target would need two incoming values in each phi:
    // allowed only when they are the same.
    for (const pred of blockPreds) {
      if (!targetPreds.includes(pred)) continue;
      for (const phi of phis) {
        const viaBlock = valueFrom(phi, block);
        const direct = valueFrom(phi, pred);
        if (viaBlock === undefined || direct === undefined || !sameValue(resolve(viaBlock), resolve(direct))) {
          return false;
        }
      }
    }
    for (const pred of blockPreds) retarget(pred, block, target);
    const newPreds = blockPreds.filter((p) => !targetPreds.includes(p));
    for (const phi of phis) {
      // The new predecessors take the skipped block's place, so the incoming list keeps its order.
      phi.incoming = phi.incoming.flatMap((i) =>
        i.block === block ? newPreds.map((pred) => ({ block: pred, value: i.value })) : [i],
      );
    }
    preds.set(target, [...targetPreds.filter((p) => p !== block), ...newPreds]);
    return true;
  };

  for (const block of [...fn.blocks]) {
    if (removed.has(block)) continue;
    if (foldBranch(block)) changed = true;
    if (removeSingleIncomingPhis(block)) changed = true;
    if (mergeIntoPredecessor(block) || skipForwardingBlock(block)) {
      removed.add(block);
      preds.delete(block);
      changed = true;
    }
  }
  if (removed.size > 0) fn.blocks = fn.blocks.filter((block) => !removed.has(block));
  replaceUses(fn, replacements);
  return changed;
}
