// Replaces instructions whose operands are constants by their results, computed with the runtime's
// semantics (ir/constant-eval.ts): an operation that would raise stays, to raise at run time. Also
// collapses a select on a constant condition and a phi whose incoming values are all one value.
//
// Blocks are visited in reverse postorder, so a value is usually folded before its uses are seen,
// and the whole function is rewritten once per sweep; sweeps repeat until nothing folds, which
// settles loop phis whose back-edge value folded after the header was visited.

import { reversePostorder } from "../ir/cfg.js";
import { evalCompare, evalFloatBinary, evalFloatToInt, evalIntBinary, evalIntNeg } from "../ir/constant-eval.js";
import type { Constant, Instruction, IrFunction, Value } from "../ir/ir.js";
import { sameValue } from "../ir/same-value.js";
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
        return false;
      });
    }
    if (replacements.size === 0) return changed;
    replaceUses(fn, replacements);
    changed = true;
  }
}

const int = (value: bigint): Constant => ({ kind: "const", type: "i64", value });
const float = (value: number): Constant => ({ kind: "const", type: "f64", value });
const bool = (value: boolean): Constant => ({ kind: "const", type: "i1", value });

/** The value the instruction can be replaced by, or null when it must stay. */
export function foldInstruction(inst: Instruction): Value | null {
  switch (inst.kind) {
    case "ibinary": {
      const { lhs, rhs } = inst;
      if (lhs.kind !== "const" || lhs.type !== "i64" || rhs.kind !== "const" || rhs.type !== "i64") return null;
      const result = evalIntBinary(inst.op, lhs.value, rhs.value, inst.raise !== null);
      return result === null ? null : int(result);
    }
    case "fbinary": {
      const { lhs, rhs } = inst;
      if (lhs.kind !== "const" || lhs.type !== "f64" || rhs.kind !== "const" || rhs.type !== "f64") return null;
      const result = evalFloatBinary(inst.op, lhs.value, rhs.value, inst.raise !== null);
      return result === null ? null : float(result);
    }
    case "ineg": {
      const { operand } = inst;
      if (operand.kind !== "const" || operand.type !== "i64") return null;
      const result = evalIntNeg(operand.value, inst.raise !== null);
      return result === null ? null : int(result);
    }
    case "fneg":
      return inst.operand.kind === "const" && inst.operand.type === "f64" ? float(-inst.operand.value) : null;
    case "not":
      return inst.operand.kind === "const" && inst.operand.type === "i1" ? bool(!inst.operand.value) : null;
    case "icmp": {
      const { lhs, rhs } = inst;
      if (lhs.kind !== "const" || rhs.kind !== "const") return null;
      if (lhs.type === "i64" && rhs.type === "i64") return bool(evalCompare(inst.op, lhs.value, rhs.value));
      if (lhs.type === "i1" && rhs.type === "i1" && (inst.op === "eq" || inst.op === "ne")) {
        return bool(evalCompare(inst.op, lhs.value, rhs.value));
      }
      return null;
    }
    case "fcmp": {
      const { lhs, rhs } = inst;
      if (lhs.kind !== "const" || lhs.type !== "f64" || rhs.kind !== "const" || rhs.type !== "f64") return null;
      return bool(evalCompare(inst.op, lhs.value, rhs.value));
    }
    case "tofloat": {
      const { operand } = inst;
      if (operand.kind !== "const") return null;
      // Number(bigint) rounds to nearest, ties to even, as the hardware conversion does.
      if (operand.type === "i64") return float(Number(operand.value));
      return operand.type === "i1" ? float(operand.value ? 1 : 0) : null;
    }
    case "toint": {
      const { operand } = inst;
      if (operand.kind !== "const" || operand.type !== "f64") return null;
      const result = evalFloatToInt(operand.value);
      return result === null ? null : int(result);
    }
    case "zext":
      return inst.operand.kind === "const" && inst.operand.type === "i1" ? int(inst.operand.value ? 1n : 0n) : null;
    case "select": {
      const { condition } = inst;
      if (condition.kind === "const" && condition.type === "i1") return condition.value ? inst.ifTrue : inst.ifFalse;
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
