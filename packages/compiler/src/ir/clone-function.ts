// A copy of a function under a new name: blocks, instructions and phis mapped one to one, so
// passes can specialise or unroll without touching the original.

import { copyNode, describeInstruction, mapBlocksOf, terminatorDescriptors } from "./instructions.js";
import type { Block, Instruction, IrFunction, Module, Terminator, Value } from "./ir.js";
import { mapInstructionOperands, mapTerminatorOperands } from "./uses.js";

/** Adds to `m` a copy of `fn` named `name` (same display name, so tracebacks read the same). */
export function cloneFunction(m: Module, fn: IrFunction, name: string): IrFunction {
  if (m.functions.some((f) => f.name === name)) throw new Error(`duplicate function ${name}`);
  const copy: IrFunction = {
    name,
    displayName: fn.displayName,
    sourceFile: fn.sourceFile,
    params: fn.params.map((p) => ({ ...p })),
    returnType: fn.returnType,
    linkage: "internal",
    blocks: [],
    nextId: fn.nextId,
  };
  const blocks = new Map<Block, Block>();
  for (const block of fn.blocks) {
    const cloned: Block = { label: block.label, function: copy, instructions: [], terminator: null };
    blocks.set(block, cloned);
    copy.blocks.push(cloned);
  }
  const values = new Map<Value, Value>();
  for (const [i, p] of fn.params.entries()) values.set(p, copy.params[i]!);
  for (const block of fn.blocks) {
    const cloned = blocks.get(block)!;
    for (const inst of block.instructions) {
      const copied = copyInstruction(inst, cloned);
      values.set(inst, copied);
      cloned.instructions.push(copied);
    }
  }
  // Operands may refer forward (phis around loops), so they are mapped once every value has its copy.
  const mapped = (v: Value): Value => values.get(v) ?? v;
  for (const block of copy.blocks) {
    for (const inst of block.instructions) {
      mapInstructionOperands(inst, mapped);
      mapBlocksOf(describeInstruction(inst).pieces, inst, (b) => blocks.get(b)!);
      if (inst.kind === "phi") for (const incoming of inst.incoming) incoming.block = blocks.get(incoming.block)!;
    }
  }
  fn.blocks.forEach((block, i) => {
    const terminator = cloneTerminator(block.terminator, (b) => blocks.get(b)!);
    mapTerminatorOperands(terminator, mapped);
    copy.blocks[i]!.terminator = terminator;
  });
  m.functions.push(copy);
  return copy;
}

/**
 * Appends copies of `instructions` to `target` with new ids, their operands read through `values`
 * (which learns each copy), for passes that inline a piece of one function into another.
 */
export function cloneInstructions(
  fn: IrFunction,
  instructions: readonly Instruction[],
  target: Block,
  values: Map<Value, Value>,
): void {
  for (const inst of instructions) {
    const copied = copyInstruction(inst, target);
    copied.id = fn.nextId++;
    mapInstructionOperands(copied, (v) => values.get(v) ?? v);
    values.set(inst, copied);
    target.instructions.push(copied);
  }
}

/** A shallow copy in `block`, with its own operand lists. */
export function copyInstruction(inst: Instruction, block: Block): Instruction {
  return { ...copyNode(describeInstruction(inst).pieces, inst), block };
}

function cloneTerminator(terminator: Terminator | null, block: (b: Block) => Block): Terminator | null {
  if (terminator === null) return null;
  const pieces = terminatorDescriptors[terminator.kind].pieces;
  const copied = copyNode(pieces, terminator);
  mapBlocksOf(pieces, copied, block);
  return copied;
}
