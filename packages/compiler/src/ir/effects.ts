// Which instructions a pass may delete when their value is unused. An operation with a RaiseInfo is
// kept when it can fail, because the failure is the program's behaviour; one that provably cannot
// (a division by a non-zero constant) is as pure as its wrapping form.

import { evalFloatBinary, evalFloatToInt, evalIntBinary, evalIntNeg } from "./constant-eval.js";
import { describeInstruction } from "./instructions.js";
import type { Instruction } from "./ir.js";
import { types } from "./types.js";

/**
 * True when deleting the instruction, its value unused, could change what the program does: its
 * descriptor's answer, refined for the checked arithmetic of i64 on constants, which the constant
 * evaluator can prove cannot fail.
 */
export function hasSideEffects(inst: Instruction): boolean {
  if (!describeInstruction(inst).hasSideEffects(inst)) return false;
  if (inst.type !== types.i64 && inst.type !== types.f64) return true;
  switch (inst.kind) {
    case "toint":
      return (
        inst.operand.kind !== "const" ||
        typeof inst.operand.value !== "number" ||
        evalFloatToInt(inst.operand.value) === null
      );
    case "ibinary":
      return inst.raise !== null && intBinaryCanFail(inst);
    case "fbinary":
      return inst.raise !== null && floatBinaryCanFail(inst);
    case "ineg":
      return (
        inst.raise !== null &&
        (inst.operand.kind !== "const" ||
          typeof inst.operand.value !== "bigint" ||
          evalIntNeg(inst.operand.value, true) === null)
      );
    default:
      return true;
  }
}

function intBinaryCanFail(inst: Extract<Instruction, { kind: "ibinary" }>): boolean {
  const { lhs, rhs } = inst;
  const rhsValue = rhs.kind === "const" && typeof rhs.value === "bigint" ? rhs.value : null;
  if (lhs.kind === "const" && typeof lhs.value === "bigint" && rhsValue !== null) {
    return evalIntBinary(inst.op, lhs.value, rhsValue, true) === null;
  }
  switch (inst.op) {
    case "and":
    case "or":
    case "xor":
      return false;
    case "floordiv": // Only x // -1 can overflow.
      return rhsValue === null || rhsValue === 0n || rhsValue === -1n;
    case "floormod":
      return rhsValue === null || rhsValue === 0n;
    case "udiv":
    case "urem":
      return false;
    case "sdiv":
    case "srem":
      return rhsValue === null || rhsValue === 0n || rhsValue === -1n;
    case "ashr":
      return rhsValue === null || rhsValue < 0n || rhsValue > 63n;
    default:
      return true;
  }
}

function floatBinaryCanFail(inst: Extract<Instruction, { kind: "fbinary" }>): boolean {
  const { lhs, rhs } = inst;
  const rhsValue = rhs.kind === "const" && typeof rhs.value === "number" ? rhs.value : null;
  if (lhs.kind === "const" && typeof lhs.value === "number" && rhsValue !== null) {
    return evalFloatBinary(inst.op, lhs.value, rhsValue, true) === null;
  }
  switch (inst.op) {
    case "fdiv":
    case "ffloordiv":
    case "fmod": // Only a zero divisor raises; NaN divides quietly.
      return rhsValue === null || rhsValue === 0;
    default:
      return true;
  }
}
