// Replaces instructions whose operands are constants by their results, computed with the runtime's
// semantics (ir/constant-eval.ts): an operation that would raise stays, to raise at run time. Also
// collapses a select on a constant condition, a phi whose incoming values are all one value, and the
// unboxing of a boxed i64.
//
// Blocks are visited in reverse postorder, so a value is usually folded before its uses are seen,
// and the whole function is rewritten once per sweep; sweeps repeat until nothing folds, which
// settles loop phis whose back-edge value folded after the header was visited.

import { constants } from "../ir/builder.js";
import { dropHandler, reversePostorder } from "../ir/cfg.js";
import {
  evalCompare,
  evalFloatBinary,
  evalFloatToInt,
  evalIntBinary,
  evalIntNeg,
  evalTaggedBinary,
  fitsImmediate,
} from "../ir/constant-eval.js";
import { boolConstant, f64Constant, i64Constant, taggedConstant } from "../ir/constant-values.js";
import type { Constant, Instruction, IrFunction, Value } from "../ir/ir.js";
import { sameValue } from "../ir/same-value.js";
import { types } from "../ir/types.js";
import { mapInstructionOperands, replaceUses, resolveReplacement } from "../ir/uses.js";

export function foldConstants(fn: IrFunction): boolean {
  let changed = false;
  for (;;) {
    const replacements = new Map<Value, Value>();
    const resolve = (value: Value): Value => resolveReplacement(replacements, value);
    // Unreachable blocks are left as they are (dead-code elimination deletes them); their uses of
    // folded values are still rewritten below.
    for (const block of reversePostorder(fn)) {
      block.instructions = block.instructions.filter((inst) => {
        mapInstructionOperands(inst, resolve);
        const folded = foldInstruction(inst);
        if (folded === null) return true;
        replacements.set(inst, folded);
        dropHandler(inst);
        return false;
      });
    }
    if (replacements.size === 0) return changed;
    replaceUses(fn, replacements);
    changed = true;
  }
}

const int = (value: bigint): Constant => constants.int(value);
const float = (value: number): Constant => constants.float(value);
const bool = (value: boolean): Constant => constants.bool(value);
/** The immediate tagged word of an integer that fits one. */
const immediate = (value: bigint): Constant => constants.immediate(value);
/** The integer an immediate tagged constant holds, else null. */
const immediateValue = (v: Value): bigint | null => {
  const word = taggedConstant(v);
  return word === null ? null : word >> 1n;
};

/** The value the instruction can be replaced by, or null when it must stay. */
export function foldInstruction(inst: Instruction): Value | null {
  switch (inst.kind) {
    case "ibinary": {
      const [lhs, rhs] = [i64Constant(inst.lhs), i64Constant(inst.rhs)];
      if (lhs === null || rhs === null) return null;
      const result = evalIntBinary(inst.op, lhs, rhs, inst.raise !== null);
      return result === null ? null : int(result);
    }
    case "tbinary": {
      const [lhs, rhs] = [immediateValue(inst.lhs), immediateValue(inst.rhs)];
      if (lhs === null || rhs === null) return null;
      const result = evalTaggedBinary(inst.op, lhs, rhs);
      return result === null ? null : immediate(result);
    }
    case "tcmp": {
      const [lhs, rhs] = [immediateValue(inst.lhs), immediateValue(inst.rhs)];
      return lhs === null || rhs === null ? null : bool(evalCompare(inst.op, lhs, rhs));
    }
    case "tbox": {
      const operand = i64Constant(inst.operand);
      return operand === null || !fitsImmediate(operand) ? null : immediate(operand);
    }
    case "tunbox": {
      // Boxing an i64 and unboxing it gives it back, whether the box was an immediate or not.
      if (inst.operand.kind === "tbox") return inst.operand.operand;
      const operand = immediateValue(inst.operand);
      return operand === null ? null : int(operand);
    }
    case "fbinary": {
      const [lhs, rhs] = [f64Constant(inst.lhs), f64Constant(inst.rhs)];
      if (lhs === null || rhs === null) return null;
      const result = evalFloatBinary(inst.op, lhs, rhs, inst.raise !== null);
      return result === null ? null : float(result);
    }
    case "ineg": {
      const operand = i64Constant(inst.operand);
      if (operand === null) return null;
      const result = evalIntNeg(operand, inst.raise !== null);
      return result === null ? null : int(result);
    }
    case "fneg": {
      const operand = f64Constant(inst.operand);
      return operand === null ? null : float(-operand);
    }
    case "not": {
      const operand = boolConstant(inst.operand);
      return operand === null ? null : bool(!operand);
    }
    case "icmp": {
      const [lhs, rhs] = [i64Constant(inst.lhs), i64Constant(inst.rhs)];
      if (lhs !== null && rhs !== null) return bool(evalCompare(inst.op, lhs, rhs));
      const [a, b] = [boolConstant(inst.lhs), boolConstant(inst.rhs)];
      if (a !== null && b !== null && (inst.op === "eq" || inst.op === "ne")) return bool(evalCompare(inst.op, a, b));
      return null;
    }
    case "fcmp": {
      const [lhs, rhs] = [f64Constant(inst.lhs), f64Constant(inst.rhs)];
      return lhs === null || rhs === null ? null : bool(evalCompare(inst.op, lhs, rhs));
    }
    case "convert":
      return foldConversion(inst);
    case "toint": {
      const operand = f64Constant(inst.operand);
      if (operand === null || inst.type !== types.i64) return null;
      const result = evalFloatToInt(operand);
      return result === null ? null : int(result);
    }
    case "select": {
      const condition = boolConstant(inst.condition);
      if (condition !== null) return condition ? inst.ifTrue : inst.ifFalse;
      return sameValue(inst.ifTrue, inst.ifFalse) ? inst.ifTrue : null;
    }
    case "phi": {
      // A phi that only ever passes on one value (besides itself, around a loop) is that value.
      let only: Value | null = null;
      for (const { value } of inst.incoming) {
        if (value === inst) continue;
        if (only === null) only = value;
        else if (!sameValue(only, value)) return null;
      }
      return only;
    }
    default:
      return null;
  }
}

/**
 * The conversions of i1, i64 and f64 constants among themselves, and of immediate tagged words; others
 * are left to LLVM.
 */
function foldConversion(inst: Extract<Instruction, { kind: "convert" }>): Value | null {
  const flag = boolConstant(inst.operand);
  const integer = i64Constant(inst.operand);
  const word = taggedConstant(inst.operand);
  if (inst.op === "bitcast" && inst.type === types.tagged && integer !== null && (integer & 1n) === 0n) {
    return { kind: "const", type: types.tagged, value: integer };
  }
  if (inst.op === "bitcast" && inst.type === types.i64 && word !== null) return int(word);
  if (inst.type === types.f64) {
    // Number(bigint) rounds to nearest, ties to even, as the hardware conversion does.
    if (inst.op === "sitofp" && integer !== null) return float(Number(integer));
    if (inst.op === "uitofp" && flag !== null) return float(flag ? 1 : 0);
  }
  if (inst.type === types.i64 && inst.op === "zext" && flag !== null) return int(flag ? 1n : 0n);
  return null;
}
