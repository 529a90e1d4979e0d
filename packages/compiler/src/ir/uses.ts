// Reading and rewriting the values an instruction or terminator uses. Every pass that replaces a
// value goes through here; which fields are operands is read from the descriptors (instructions.ts).

import { describeInstruction, mapOperandsOf, operandsOf, terminatorDescriptors } from "./instructions.js";
import type { Instruction, IrFunction, Terminator, Value } from "./ir.js";

/** The values an instruction uses, in print order (a phi's incoming values, not its blocks). */
export function instructionOperands(inst: Instruction): Value[] {
  return operandsOf(describeInstruction(inst).pieces, inst);
}

export function terminatorOperands(terminator: Terminator | null): Value[] {
  return terminator === null ? [] : operandsOf(terminatorDescriptors[terminator.kind].pieces, terminator);
}

/** Replaces each operand `v` of the instruction by `f(v)`. */
export function mapInstructionOperands(inst: Instruction, f: (value: Value) => Value): void {
  mapOperandsOf(describeInstruction(inst).pieces, inst, f);
}

export function mapTerminatorOperands(terminator: Terminator | null, f: (value: Value) => Value): void {
  if (terminator !== null) mapOperandsOf(terminatorDescriptors[terminator.kind].pieces, terminator, f);
}

/**
 * The value `value` stands for after the replacements, following chains (a → b, b → c gives c), so a
 * pass can record replacements as it goes and rewrite the function once.
 */
export function resolveReplacement(replacements: ReadonlyMap<Value, Value>, value: Value): Value {
  let current = value;
  for (let steps = 0, next = replacements.get(current); next !== undefined && next !== current; steps++) {
    if (steps > replacements.size) throw new Error("resolveReplacement: the replacements form a cycle");
    current = next;
    next = replacements.get(current);
  }
  return current;
}

/** Rewrites every use in the function through `replacements` (see resolveReplacement); true if any changed. */
export function replaceUses(fn: IrFunction, replacements: ReadonlyMap<Value, Value>): boolean {
  if (replacements.size === 0) return false;
  let changed = false;
  const resolve = (value: Value): Value => {
    const resolved = resolveReplacement(replacements, value);
    if (resolved !== value) changed = true;
    return resolved;
  };
  for (const block of fn.blocks) {
    for (const inst of block.instructions) mapInstructionOperands(inst, resolve);
    mapTerminatorOperands(block.terminator, resolve);
  }
  return changed;
}

/** Makes every use of `oldValue` in the function a use of `newValue`. */
export function replaceAllUses(fn: IrFunction, oldValue: Value, newValue: Value): boolean {
  return replaceUses(fn, new Map([[oldValue, newValue]]));
}

/** How many times each value is used, by instructions and terminators (a value used twice counts twice). */
export function useCounts(fn: IrFunction): Map<Value, number> {
  const counts = new Map<Value, number>();
  const use = (v: Value) => counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const block of fn.blocks) {
    for (const inst of block.instructions) for (const operand of instructionOperands(inst)) use(operand);
    for (const operand of terminatorOperands(block.terminator)) use(operand);
  }
  return counts;
}
