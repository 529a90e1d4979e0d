// A callee's base case inlined at its call sites. When a function starts by testing its parameters
// and, on one side, returns at once something computed from them (`if n < 2: return n`), each call
// of it gets that test in front: `m < 2 ? m : f(m)`. Most calls of a recursive function are such
// leaves, so this saves most of its calls; C compilers get the same effect by inlining recursion.
//
// The base case must not be able to fail, so no frame is missed from a traceback; its instructions
// are pure, so running them in the caller changes nothing else. A callee that tail recursion turned
// into a loop is read as its first iteration: the header's phis take their values from the entry.

import { newInstruction } from "../ir/builder.js";
import { newBlock, predecessorMap, replacePhiPredecessor, successors } from "../ir/cfg.js";
import { cloneInstructions, copyInstruction } from "../ir/clone-function.js";
import { boolConstant } from "../ir/constant-values.js";
import type { Block, Instruction, IrFunction, Module, Value } from "../ir/ir.js";
import { sameValue } from "../ir/same-value.js";
import { instructionOperands, mapInstructionOperands, replaceAllUses } from "../ir/uses.js";
import { foldInstruction } from "./constant-folding.js";

/** At most this many instructions are copied to each call site (the test and the result). */
const MAX_COPIED = 8;

interface BaseCase {
  /** The instructions computing the test, from the callee's entry, in order. */
  readonly test: readonly Instruction[];
  /** Those computing the result, from the base case's block. */
  readonly compute: readonly Instruction[];
  readonly condition: Value;
  /** Whether the base case is taken when the condition is true. */
  readonly whenTrue: boolean;
  readonly result: Value;
  /** What the callee's own values are on entry: its parameters, or its loop header's phis. */
  readonly onEntry: ReadonlyMap<Value, Value>;
}

type Call = Extract<Instruction, { kind: "call" }>;

/** Puts each callee's base case in front of its calls; returns the functions that changed. A call
 * that already has it in front (from an earlier run), or whose arguments show the base case is not
 * taken, is left as it is. */
export function inlineBaseCases(m: Module): IrFunction[] {
  const baseCases = new Map<IrFunction, BaseCase>();
  for (const fn of m.functions) {
    const found = fn === m.entry ? null : baseCaseOf(fn);
    if (found !== null) baseCases.set(fn, found);
  }
  const changed: IrFunction[] = [];
  for (const caller of m.functions) {
    const predecessors = predecessorMap(caller);
    const calls = caller.blocks.flatMap((b) =>
      b.instructions.filter((inst): inst is Call => {
        const base = inst.kind === "call" ? baseCases.get(inst.callee) : undefined;
        if (base === undefined) return false;
        const atCall = valuesAtCall(inst as Call, base);
        return !ruledOut(atCall, base) && !isGuarded(inst as Call, base, atCall, predecessors);
      }),
    );
    for (const call of calls) guardCall(caller, call, baseCases.get(call.callee)!);
    if (calls.length > 0) changed.push(caller);
  }
  return changed;
}

/** What the callee's own values are at this call: its arguments for its parameters. */
function entryValues(call: Call, base: BaseCase): Map<Value, Value> {
  const values = new Map<Value, Value>();
  for (const [own, initial] of base.onEntry) {
    values.set(own, initial.kind === "param" ? call.args[initial.index]! : initial);
  }
  return values;
}

/** The callee's values as the call shows them: its arguments for its parameters, and the test's
 * instructions that the arguments make constant (or a plain operand), folded as the caller's copy of
 * the test is once guardCall has put it there. */
function valuesAtCall(call: Call, base: BaseCase): Map<Value, Value> {
  const values = entryValues(call, base);
  for (const inst of base.test) {
    const identity = inst.kind === "ibinary" && inst.raise !== null ? identityOperand(inst, base.onEntry) : null;
    if (identity !== null) {
      values.set(inst, values.get(identity) ?? identity);
      continue;
    }
    const copy = copyInstruction(inst, inst.block);
    mapInstructionOperands(copy, (v) => values.get(v) ?? v);
    const folded = foldInstruction(copy);
    if (folded !== null) values.set(inst, folded);
  }
  return values;
}

/** Whether the arguments make the base case's test come out "not taken": a guard would be folded
 * away again. */
function ruledOut(atCall: ReadonlyMap<Value, Value>, base: BaseCase): boolean {
  const condition = atCall.get(base.condition);
  return condition !== undefined && boolConstant(condition) === !base.whenTrue;
}

/** Whether the only way to the call's block is the side of a test, equal to the base case's at the
 * call, where the base case is not taken: what guardCall builds. */
function isGuarded(
  call: Call,
  base: BaseCase,
  atCall: ReadonlyMap<Value, Value>,
  predecessors: ReadonlyMap<Block, Block[]>,
): boolean {
  const from = predecessors.get(call.block) ?? [];
  const branch = from.length === 1 ? from[0]!.terminator : null;
  if (branch?.kind !== "condbr" || branch.ifTrue === branch.ifFalse) return false;
  if ((base.whenTrue ? branch.ifFalse : branch.ifTrue) !== call.block) return false;
  const test = new Set<Value>(base.test);
  const op = (v: Value) => ("op" in v ? v.op : null);
  // Whether `own`, in the caller, computes what `theirs`, in the callee's test, computes at the call.
  const computesSame = (own: Value, theirs: Value): boolean => {
    const given = atCall.get(theirs);
    if (given !== undefined) return sameValue(own, given);
    if (!test.has(theirs)) return sameValue(own, theirs);
    if (own.kind !== theirs.kind || own.type !== theirs.type || op(own) !== op(theirs)) return false;
    const theirOperands = instructionOperands(theirs as Instruction);
    return instructionOperands(own as Instruction).every((v, i) => computesSame(v, theirOperands[i]!));
  };
  return computesSame(branch.condition, base.condition);
}

function baseCaseOf(fn: IrFunction): BaseCase | null {
  const entry = fn.blocks[0];
  if (entry === undefined) return null;
  // The first block, or the loop header it jumps to with the parameters (tail recursion's shape).
  let start = entry;
  const onEntry = new Map<Value, Value>(fn.params.map((p) => [p, p]));
  if (entry.instructions.length === 0 && entry.terminator?.kind === "br") {
    start = entry.terminator.target;
    for (const inst of start.instructions) {
      if (inst.kind !== "phi") continue;
      const initial = inst.incoming.find((i) => i.block === entry)?.value;
      if (initial === undefined || (initial.kind !== "param" && initial.kind !== "const")) return null;
      onEntry.set(inst, initial);
    }
  }
  const terminator = start.terminator;
  if (terminator?.kind !== "condbr" || terminator.ifTrue === terminator.ifFalse) return null;
  for (const whenTrue of [true, false]) {
    const base = whenTrue ? terminator.ifTrue : terminator.ifFalse;
    if (base === start || base.terminator?.kind !== "ret" || base.terminator.value === null) continue;
    if (fn.blocks.some((b) => b !== start && successors(b).includes(base))) continue;
    const test = start.instructions.filter((i) => i.kind !== "phi" && i.kind !== "elided_frames");
    const compute = base.instructions;
    const all = [...test, ...compute];
    if (all.length > MAX_COPIED || !all.every((i) => isPureAndSafe(i, onEntry))) continue;
    return { test, compute, condition: terminator.condition, whenTrue, result: base.terminator.value, onEntry };
  }
  return null;
}

/**
 * Cannot fail and has no effect: wrapping arithmetic, comparisons, tagged operations whose fallback
 * cannot fail (it may allocate a big int, which is no effect), or a checked identity (`0 + x`).
 */
function isPureAndSafe(inst: Instruction, onEntry: ReadonlyMap<Value, Value>): boolean {
  switch (inst.kind) {
    case "icmp":
    case "fcmp":
    case "not":
    case "convert":
    case "select":
    case "fneg":
    case "tcmp":
      return true;
    case "tbinary":
    case "tbox":
      return !inst.fallback.canFail;
    case "ibinary":
      return inst.raise === null || identityOperand(inst, onEntry) !== null;
    default:
      return false;
  }
}

/** For `0 + x`, `x + 0`, `x - 0`, `1 * x`, `x * 1` (operands as on entry): x; else null. */
function identityOperand(inst: Extract<Instruction, { kind: "ibinary" }>, onEntry: ReadonlyMap<Value, Value>) {
  const lhs = onEntry.get(inst.lhs) ?? inst.lhs;
  const rhs = onEntry.get(inst.rhs) ?? inst.rhs;
  const is = (v: Value, k: bigint) => v.kind === "const" && v.value === k;
  if (inst.op === "add") return is(lhs, 0n) ? inst.rhs : is(rhs, 0n) ? inst.lhs : null;
  if (inst.op === "sub") return is(rhs, 0n) ? inst.lhs : null;
  if (inst.op === "mul") return is(lhs, 1n) ? inst.rhs : is(rhs, 1n) ? inst.lhs : null;
  return null;
}

/**
 * Splits the call's block at the call: the block ends with the base case's test, a new block
 * computes its result, another makes the call, and a join block takes the rest with a phi of the
 * two results.
 */
function guardCall(fn: IrFunction, call: Call, base: BaseCase): void {
  // Its block now: an earlier split of the same block has moved the rest of it on.
  const block = call.block;
  const at = block.instructions.indexOf(call);
  const rest = block.instructions.slice(at + 1);
  const terminator = block.terminator;
  block.instructions = block.instructions.slice(0, at);
  const fast = newBlock(fn, `${block.label}.base`);
  const slow = newBlock(fn, `${block.label}.call`);
  const join = newBlock(fn, `${block.label}.join`);
  fn.blocks.splice(fn.blocks.indexOf(block) + 1, 0, fast, slow, join);

  // The callee's values on entry are the call's arguments.
  const values = entryValues(call, base);
  const copy = (instructions: readonly Instruction[], target: Block) => {
    for (const inst of instructions) {
      const identity = inst.kind === "ibinary" && inst.raise !== null ? identityOperand(inst, base.onEntry) : null;
      if (identity !== null) values.set(inst, values.get(identity) ?? identity);
      else cloneInstructions(fn, [inst], target, values);
    }
  };
  copy(base.test, block);
  copy(base.compute, fast);
  const mapped = (v: Value) => values.get(v) ?? v;
  const condition = mapped(base.condition);
  block.terminator = base.whenTrue
    ? { kind: "condbr", condition, ifTrue: fast, ifFalse: slow }
    : { kind: "condbr", condition, ifTrue: slow, ifFalse: fast };
  fast.terminator = { kind: "br", target: join };
  slow.instructions.push(call);
  call.block = slow;
  slow.terminator = { kind: "br", target: join };

  // The rest of the block, its terminator included, now runs in the join block, where a phi of
  // the two results replaces the call's value.
  join.instructions = rest;
  for (const inst of rest) inst.block = join;
  join.terminator = terminator;
  const result = newInstruction(fn, join, { kind: "phi", type: call.type, incoming: [] });
  replaceAllUses(fn, call, result);
  result.incoming.push({ block: fast, value: mapped(base.result) }, { block: slow, value: call });
  join.instructions.unshift(result);
  for (const successor of successors(join)) replacePhiPredecessor(successor, block, join);
}
