// Reading and rewriting the values an instruction or terminator uses. Every pass that replaces a
// value goes through here, so a new instruction kind needs its operands listed in one place only.

import type { Instruction, IrFunction, Terminator, Value } from "./ir.js";

/** The values an instruction uses, in print order (a phi's incoming values, not its blocks). */
export function instructionOperands(inst: Instruction): Value[] {
  switch (inst.kind) {
    case "ibinary":
    case "fbinary":
    case "icmp":
    case "fcmp":
      return [inst.lhs, inst.rhs];
    case "ineg":
    case "fneg":
    case "not":
    case "tofloat":
    case "toint":
    case "zext":
      return [inst.operand];
    case "select":
      return [inst.condition, inst.ifTrue, inst.ifFalse];
    case "phi":
      return inst.incoming.map((i) => i.value);
    case "call":
    case "runtime":
      return inst.args;
    case "load_global":
      return [];
    case "store_global":
      return [inst.value];
    case "elided_frames":
      return [inst.count];
  }
}

export function terminatorOperands(terminator: Terminator | null): Value[] {
  switch (terminator?.kind) {
    case "condbr":
      return [terminator.condition];
    case "ret":
      return terminator.value === null ? [] : [terminator.value];
    case "exit":
      return [terminator.status];
    default:
      return [];
  }
}

/** Replaces each operand `v` of the instruction by `f(v)`. */
export function mapInstructionOperands(inst: Instruction, f: (value: Value) => Value): void {
  switch (inst.kind) {
    case "ibinary":
    case "fbinary":
    case "icmp":
    case "fcmp":
      inst.lhs = f(inst.lhs);
      inst.rhs = f(inst.rhs);
      return;
    case "ineg":
    case "fneg":
    case "not":
    case "tofloat":
    case "toint":
    case "zext":
      inst.operand = f(inst.operand);
      return;
    case "select":
      inst.condition = f(inst.condition);
      inst.ifTrue = f(inst.ifTrue);
      inst.ifFalse = f(inst.ifFalse);
      return;
    case "phi":
      for (const incoming of inst.incoming) incoming.value = f(incoming.value);
      return;
    case "call":
    case "runtime":
      for (let i = 0; i < inst.args.length; i++) inst.args[i] = f(inst.args[i]!);
      return;
    case "load_global":
      return;
    case "store_global":
      inst.value = f(inst.value);
      return;
    case "elided_frames":
      inst.count = f(inst.count);
      return;
  }
}

export function mapTerminatorOperands(terminator: Terminator | null, f: (value: Value) => Value): void {
  switch (terminator?.kind) {
    case "condbr":
      terminator.condition = f(terminator.condition);
      return;
    case "ret":
      if (terminator.value !== null) terminator.value = f(terminator.value);
      return;
    case "exit":
      terminator.status = f(terminator.status);
      return;
  }
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
