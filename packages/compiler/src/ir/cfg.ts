// The control-flow graph read off the terminators. Nothing is cached: passes change terminators
// freely, so each asks for the graph when it needs it.

import { blocksOf, mapBlocksOf, terminatorDescriptors, unwindOf } from "./instructions.js";
import type { Block, Instruction, IrFunction, Terminator } from "./ir.js";

/** The blocks a terminator can go to (its targets and its handler), each once, in the order they appear. */
export function terminatorTargets(terminator: Terminator | null): Block[] {
  return terminator === null ? [] : blocksOf(terminatorDescriptors[terminator.kind].pieces, terminator);
}

/**
 * The blocks control can go to from `block`: its terminator's targets, and the handler of its last
 * instruction when that can fail into one (only the last instruction of a block may have a handler).
 */
export function successors(block: Block): Block[] {
  const targets = terminatorTargets(block.terminator);
  const last = block.instructions[block.instructions.length - 1];
  const handler = last === undefined ? null : unwindOf(last);
  return handler === null || targets.includes(handler) ? targets : [...targets, handler];
}

/** Each block's predecessors, once each, in block order. Targets outside the function are ignored. */
export function predecessorMap(fn: IrFunction): Map<Block, Block[]> {
  const preds = new Map<Block, Block[]>();
  for (const block of fn.blocks) preds.set(block, []);
  for (const block of fn.blocks) {
    for (const target of successors(block)) preds.get(target)?.push(block);
  }
  return preds;
}

/** The blocks reachable from the entry block in reverse postorder (a block before its successors, back edges aside). */
export function reversePostorder(fn: IrFunction): Block[] {
  const entry = fn.blocks[0];
  if (entry === undefined) return [];
  const inFunction = new Set(fn.blocks);
  const visited = new Set<Block>([entry]);
  const postorder: Block[] = [];
  // An explicit stack: generated code can nest deeply enough to overflow recursion.
  const stack: { block: Block; next: number; targets: Block[] }[] = [
    { block: entry, next: 0, targets: successors(entry) },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const target = top.targets[top.next++];
    if (target === undefined) {
      postorder.push(top.block);
      stack.pop();
    } else if (!visited.has(target) && inFunction.has(target)) {
      visited.add(target);
      stack.push({ block: target, next: 0, targets: successors(target) });
    }
  }
  return postorder.reverse();
}

/** A new empty block of `fn` (not yet in its block list) with a label no block of `fn` has. */
export function newBlock(fn: IrFunction, hint: string): Block {
  const labels = new Set(fn.blocks.map((b) => b.label));
  let label = hint;
  for (let n = 1; labels.has(label); n++) label = `${hint}.${n}`;
  return { label, function: fn, instructions: [], terminator: null };
}

/**
 * A new block on the edge `from` → `to` (placed after `from`), for code that must run on that edge
 * only: `from` branches to it, it branches to `to`, and `to`'s phis name it instead of `from`.
 */
export function splitEdge(fn: IrFunction, from: Block, to: Block): Block {
  const edge = newBlock(fn, `${from.label}.to.${to.label}`);
  edge.terminator = { kind: "br", target: to };
  fn.blocks.splice(fn.blocks.indexOf(from) + 1, 0, edge);
  retarget(from, to, edge);
  replacePhiPredecessor(to, from, edge);
  return edge;
}

/** Makes `block`'s phis name `to` where they name `from`: the edge from `from` now comes from `to`. */
export function replacePhiPredecessor(block: Block, from: Block, to: Block): void {
  for (const inst of block.instructions) {
    if (inst.kind === "phi") for (const incoming of inst.incoming) if (incoming.block === from) incoming.block = to;
  }
}

/** Points every edge of `block` that goes to `from` (branches, and its last instruction's handler) at `to` instead. */
export function retarget(block: Block, from: Block, to: Block): void {
  const swap = (b: Block) => (b === from ? to : b);
  if (block.terminator !== null)
    mapBlocksOf(terminatorDescriptors[block.terminator.kind].pieces, block.terminator, swap);
  const last = block.instructions[block.instructions.length - 1] as { unwind?: Block | null } | undefined;
  if (last?.unwind === from) last.unwind = to;
}

/**
 * Takes away the handler of an instruction that a pass has shown cannot fail, or is deleting: the
 * edge to the handler goes, and with it the handler's incoming values from this block.
 */
export function dropHandler(inst: Instruction): void {
  const handler = unwindOf(inst);
  if (handler === null) return;
  (inst as { unwind: Block | null }).unwind = null;
  for (const phi of handler.instructions) {
    if (phi.kind === "phi") phi.incoming = phi.incoming.filter((i) => i.block !== inst.block);
  }
}

/** Whether the block's last instruction can fail into a handler (so nothing may follow it in the block). */
export function endsInHandlerEdge(block: Block): boolean {
  const last = block.instructions[block.instructions.length - 1];
  return last !== undefined && unwindOf(last) !== null;
}

/** How many phis start the block: the index of its first other instruction. */
export function phiCount(block: Block): number {
  const firstNonPhi = block.instructions.findIndex((inst) => inst.kind !== "phi");
  return firstNonPhi < 0 ? block.instructions.length : firstNonPhi;
}
