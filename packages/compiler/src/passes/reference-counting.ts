// Reference counts for every value that holds references (a `ref`, a function value's
// environment, a struct or variant with one), inserted as `retain`/`release` instructions once the
// other passes are done, so that none of them has to reason about them. The convention:
// - An instruction that produces such a value owns a reference to it: functions of the module and
//   externals return a new reference (or an immortal object) unless an external's declaration says
//   its result is borrowed; a phi owns what flows into it. A value that aliases one held elsewhere
//   (a global or a field read, a struct member or variant payload taken out, a select's pick, a
//   borrowed result) is retained at once, since what holds it may let it go.
// - Parameters and constants are borrowed: the caller keeps its reference alive across the call,
//   and constants are immortal.
// - Uses borrow, except those that consume a reference: `ret`, a phi's incoming value (the phi owns
//   it), `store_global`, `set_field` and `elem_set` (the old value is released), the parts of `struct_make` and
//   `variant_make`, a function value's environment, and the arguments an external's declaration
//   says it consumes. A consuming use gets a reference of its own just before it; a store that is
//   an owned value's last use takes over the value's own reference instead.
// - Every owned value is released where it dies: after its last use in a block, at the start of a
//   successor it does not reach (splitting the edge when that successor has other predecessors), or
//   right after its definition when nothing uses it.
// A retain and a release of the same value at the same point cancel, so moving a value into a phi or
// returning it costs nothing.
// - Errors release too. A failure into a handler releases, on that edge, what the handler does not
//   need (the failing instruction's own value excepted: it has none there). A failure that would
//   propagate to the caller while owned values are held first gets a clean-up handler of its own
//   (addCleanups), so the same rule frees them before the error goes on.

import { type InstructionFields, newInstruction } from "../ir/builder.js";
import { functionsThatCanRaise } from "../ir/can-raise.js";
import { newBlock, phiCount, predecessorMap, replacePhiPredecessor, splitEdge, successors } from "../ir/cfg.js";
import { describeInstruction, unwindOf } from "../ir/instructions.js";
import type { Block, Instruction, IrFunction, Module, Value } from "../ir/ir.js";
import { runtimeLayouts } from "../ir/layouts.js";
import { holdsReferences, refType, types } from "../ir/types.js";
import { instructionOperands as operandsOf, terminatorOperands } from "../ir/uses.js";

/**
 * What an instruction uses, for liveness: its operands, and for an operand that points into an
 * object (a `ptr` read from one of its fields, such as a container's data, or one a runtime function
 * returned when given objects, such as the address of a map's value) those objects too, which must
 * stay alive while the pointer is used; likewise the tagged word an i64 was read from (a bitcast
 * borrows the reference it may hold).
 */
function instructionOperands(inst: Instruction): Value[] {
  const operands = operandsOf(inst);
  const holders: Value[] = [];
  for (const v of operands) {
    if (v.kind === "convert" && v.op === "bitcast" && v.operand.type === types.tagged) holders.push(v.operand);
    let at: Value = v;
    while (at.type === types.ptr && at.kind === "get_field") {
      holders.push(at.object);
      at = at.object;
    }
    if (at.type === types.ptr && at.kind === "call_extern")
      holders.push(...at.args.filter((a) => a.type.kind === "ref"));
  }
  return holders.length === 0 ? operands : [...operands, ...holders];
}

/** Instructions whose result aliases a reference something else holds: they take their own at once. */
const takesOwnReference = new Set<Instruction["kind"]>([
  "load_global",
  "select",
  "get_field",
  "elem_get",
  "struct_extract",
  "variant_payload",
]);

/** The operands an instruction consumes (takes over a reference to), besides the stores handled apart. */
function consumedOperands(inst: Instruction): Value[] {
  switch (inst.kind) {
    case "struct_make":
    case "alloc":
      return inst.fields;
    case "variant_make":
      return inst.payload === null ? [] : [inst.payload];
    case "func_ref":
      return inst.env === null ? [] : [inst.env];
    case "call_extern":
      return inst.args.filter((_, i) => inst.callee.argumentOwnership[i] === "consume");
    default:
      return [];
  }
}

export function insertReferenceCounting(m: Module): boolean {
  const raising = functionsThatCanRaise(m);
  const canFail = (inst: Instruction) =>
    inst.kind === "call" ? raising.has(inst.callee) : describeInstruction(inst).canFail(inst);
  let changed = false;
  for (const fn of m.functions) if (insertReferenceCountingIn(fn, canFail)) changed = true;
  return changed;
}

/**
 * The tagged values that are always immediates, whose counting would do nothing: the parameters and
 * results of instructions proved or made to give immediates (`immediate`, `speculative`), and the phis that
 * only ever receive such values (the largest such set: a loop's phi may receive itself).
 */
function knownImmediates(fn: IrFunction): Set<Value> {
  const known = new Set<Value>(fn.params.filter((p) => p.immediate === true));
  const phis: Extract<Instruction, { kind: "phi" }>[] = [];
  for (const block of fn.blocks) {
    for (const inst of block.instructions) {
      if ((inst.kind === "tbinary" || inst.kind === "tbox") && (inst.immediate === true || inst.speculative === true))
        known.add(inst);
      if (inst.kind === "phi" && inst.type === types.tagged) phis.push(inst);
    }
  }
  const immediateConstant = (v: Value) =>
    v.kind === "const" && v.type === types.tagged && typeof v.value === "bigint" && (v.value & 1n) === 0n;
  for (const phi of phis) known.add(phi);
  for (let changed = true; changed; ) {
    changed = false;
    for (const phi of phis) {
      if (!known.has(phi)) continue;
      if (phi.incoming.every(({ value }) => known.has(value) || immediateConstant(value))) continue;
      known.delete(phi);
      changed = true;
    }
  }
  return known;
}

function insertReferenceCountingIn(fn: IrFunction, canFail: (inst: Instruction) => boolean): boolean {
  const immediates = knownImmediates(fn);
  const mayHoldReference = (v: Value) => holdsReferences(v.type) && !immediates.has(v);
  // A null constant (what zeroes a slot, `constants.none`) holds no reference to count.
  const counted = (v: Value) => mayHoldReference(v) && !(v.kind === "const" && v.value === null);
  const owned = (v: Value): v is Instruction => counted(v) && v.kind !== "param" && v.kind !== "const";
  let changed = false;

  // Values that alias a reference held elsewhere take their own at once; so does a call of an
  // external returning a borrowed reference. Consumed operands get a reference of their own just
  // before the instruction that takes them over.
  for (const block of fn.blocks) {
    for (let i = 0; i < block.instructions.length; i++) {
      const inst = block.instructions[i]!;
      const borrowedResult = inst.kind === "call_extern" && inst.callee.resultOwnership === "borrowed";
      if (counted(inst) && (takesOwnReference.has(inst.kind) || borrowedResult)) {
        block.instructions.splice(i + 1, 0, refcount(fn, block, "retain", inst));
        i++;
        changed = true;
      }
      const consumed = consumedOperands(inst).filter(counted);
      if (consumed.length > 0) {
        block.instructions.splice(i, 0, ...consumed.map((v) => refcount(fn, block, "retain", v)));
        i += consumed.length;
        changed = true;
      }
    }
  }

  if (addCleanups(fn, owned, canFail)) changed = true;

  const { liveIn, liveOut } = liveness(fn, owned);
  const preds = predecessorMap(fn);
  const edgeWork: { from: Block; to: Block; v: Value; delta: number }[] = [];

  for (const block of [...fn.blocks]) {
    const plans = new Map<number, Map<Value, number>>();
    const plan = (after: number, v: Value, delta: number) => {
      if (delta === 0) return;
      const at = plans.get(after) ?? new Map<Value, number>();
      at.set(v, (at.get(v) ?? 0) + delta);
      plans.set(after, at);
    };
    const end = block.instructions.length - 1;
    const phiEnd = phiCount(block) - 1;

    // The end of the block: each edge needs one reference per phi the value flows into, plus one
    // if the value lives on in the successor; a return needs one. What is held is one reference
    // for an owned value, none for a borrowed one; the difference is made up on the edge, or
    // before the terminator when every edge needs the same.
    const t = block.terminator;
    const last = block.instructions[end];
    const handler = last === undefined ? null : unwindOf(last);
    const targets = successors(block).filter((s) => s !== handler);
    const atEnd = new Set<Value>(liveOut.get(block)!);
    const consumed = consumedByTerminator(t);
    if (consumed !== null && counted(consumed)) atEnd.add(consumed);
    for (const s of targets) for (const v of phiOperandsFrom(s, block)) if (counted(v)) atEnd.add(v);
    if (handler !== null) for (const v of phiOperandsFrom(handler, block)) if (counted(v)) atEnd.add(v);
    const needs = (s: Block, v: Value) =>
      (owned(v) && liveIn.get(s)!.has(v) ? 1 : 0) + phiOperandsFrom(s, block).filter((x) => x === v).length;
    for (const v of atEnd) {
      const held = owned(v) ? 1 : 0;
      if (handler !== null && v !== last) {
        // The edge a failure of the last instruction takes, which the code after it never sees.
        edgeWork.push({ from: block, to: handler, v, delta: needs(handler, v) - held });
      }
      if (t?.kind === "ret" || t?.kind === "throw" || t?.kind === "resume") {
        // Everything left happens before the terminator: a raise's handler is its only successor.
        const beyond = t.kind === "ret" || t.unwind === null ? 0 : needs(t.unwind, v);
        plan(end, v, (consumed === v ? 1 : 0) + beyond - held);
        continue;
      }
      const deltas = targets.map((s) => needs(s, v) - held);
      if (deltas.every((d) => d === deltas[0])) plan(end, v, deltas[0] ?? -held);
      else for (const [k, s] of targets.entries()) edgeWork.push({ from: block, to: s, v, delta: deltas[k]! });
    }
    // What the last instruction uses for the last time is still held if it fails: released on that edge.
    if (handler !== null && last !== undefined) {
      for (const v of new Set(instructionOperands(last))) {
        if (owned(v) && !atEnd.has(v)) edgeWork.push({ from: block, to: handler, v, delta: -1 });
      }
    }
    const live = new Set<Value>([...atEnd].filter(owned));
    // Backwards: a use not live below it is the value's last; a definition not live below it dies at once.
    for (let i = end; i >= 0; i--) {
      const inst = block.instructions[i]!;
      if (owned(inst) && !live.has(inst)) plan(inst.kind === "phi" ? phiEnd : i, inst, -1);
      live.delete(inst);
      if (inst.kind === "phi") continue;
      // A value read out of this one takes its reference just after it: release this one after that.
      let lastUse = i;
      while (isRetainOf(block.instructions[lastUse + 1], inst)) lastUse++;
      for (const v of instructionOperands(inst)) {
        if (owned(v) && !live.has(v)) {
          plan(lastUse, v, -1);
          live.add(v);
        }
      }
    }
    // Apply the plans from the bottom up so that positions stay valid; net counts cancel.
    // After an instruction with a handler, only the normal edge goes on: what comes after it goes there.
    const normal = handler !== null && t?.kind === "br" ? t.target : null;
    for (const [v, delta] of normal === null ? [] : (plans.get(end) ?? new Map<Value, number>())) {
      edgeWork.push({ from: block, to: normal!, v, delta });
    }
    if (normal !== null) plans.delete(end);
    for (const after of [...plans.keys()].sort((a, b) => b - a)) {
      const adjustments: Instruction[] = [];
      for (const [v, delta] of plans.get(after)!) adjustments.push(...adjust(fn, block, v, delta));
      if (adjustments.length === 0) continue;
      block.instructions.splice(after + 1, 0, ...adjustments);
      changed = true;
    }
  }
  // Edge work last, so that no block's analysis saw it: into a successor reached from this block
  // alone (after its phis), else into a new block on the edge.
  const splits = new Map<string, Block>();
  for (const { from, to, v, delta } of edgeWork) {
    if (delta === 0) continue;
    let target = to;
    if (preds.get(to)!.length > 1) {
      const key = `${from.label}\0${to.label}`;
      target = splits.get(key) ?? splitEdge(fn, from, to);
      splits.set(key, target);
    }
    // After what the last instruction of `from` read out of a value takes its reference, as in a block.
    const lastOfFrom = from.instructions[from.instructions.length - 1];
    let at = phiCount(target);
    while (lastOfFrom !== undefined && isRetainOf(target.instructions[at], lastOfFrom)) at++;
    target.instructions.splice(at, 0, ...adjust(fn, target, v, delta));
    changed = true;
  }
  // Last, so that the analysis above never sees the loads it adds: a store takes a reference to the
  // new value and drops the old one. Where the store is the last use of an owned value (released
  // right after it), it takes that reference over instead: `xs[i] = ys[i]` costs no count at all on
  // immediates and one on objects (fannkuch-redux: 0.33 s -> 0.30 s, C 0.20 s).
  for (const block of fn.blocks) {
    for (let i = 0; i < block.instructions.length; i++) {
      const inst = block.instructions[i]!;
      // The slot's old value is released even when the new one (a null) needs no count.
      if (!isStore(inst) || !mayHoldReference(inst.value)) continue;
      const next = block.instructions[i + 1];
      const handedOver = next?.kind === "release" && next.value === inst.value;
      if (handedOver) block.instructions.splice(i + 1, 1);
      const take = handedOver || !counted(inst.value) ? [] : [refcount(fn, block, "retain", inst.value)];
      if (inst.kind === "elem_set" && inst.fresh) {
        block.instructions.splice(i, 0, ...take);
        i += take.length;
        changed = true;
        continue;
      }
      const old = newInstruction(fn, block, oldValueRead(inst));
      block.instructions.splice(i, 0, ...take, old);
      i += take.length + 1;
      block.instructions.splice(i + 1, 0, refcount(fn, block, "release", old));
      i++;
      changed = true;
    }
  }
  return changed;
}

type Store = Extract<Instruction, { kind: "store_global" | "set_field" | "elem_set" }>;

function isStore(inst: Instruction): inst is Store {
  return inst.kind === "store_global" || inst.kind === "set_field" || inst.kind === "elem_set";
}

/** The read of what a store overwrites. */
function oldValueRead(inst: Store): InstructionFields {
  const type = inst.value.type;
  switch (inst.kind) {
    case "store_global":
      return { kind: "load_global", type, global: inst.global };
    case "set_field":
      return { kind: "get_field", type, object: inst.object, field: inst.field };
    case "elem_set":
      return { kind: "elem_get", type, base: inst.base, index: inst.index };
  }
}

/**
 * Which owned values are live at the start and end of each block. A phi's operand is used at the
 * end of the predecessor it comes from, so it is live out of that block, not into the phi's.
 */
function liveness(fn: IrFunction, owned: (v: Value) => v is Instruction) {
  const liveIn = new Map<Block, Set<Value>>(fn.blocks.map((b) => [b, new Set()]));
  const liveOut = new Map<Block, Set<Value>>(fn.blocks.map((b) => [b, new Set()]));
  for (let changed = true; changed; ) {
    changed = false;
    for (let b = fn.blocks.length - 1; b >= 0; b--) {
      const block = fn.blocks[b]!;
      const out = new Set<Value>();
      for (const s of successors(block)) {
        for (const v of liveIn.get(s)!) out.add(v);
        for (const v of phiOperandsFrom(s, block)) if (owned(v)) out.add(v);
      }
      const live = new Set(out);
      for (const v of terminatorOperands(block.terminator)) if (owned(v)) live.add(v);
      for (let i = block.instructions.length - 1; i >= 0; i--) {
        const inst = block.instructions[i]!;
        live.delete(inst);
        if (inst.kind === "phi") continue;
        for (const v of instructionOperands(inst)) if (owned(v)) live.add(v);
      }
      if (!sameSet(out, liveOut.get(block)!) || !sameSet(live, liveIn.get(block)!)) {
        liveOut.set(block, out);
        liveIn.set(block, live);
        changed = true;
      }
    }
  }
  return { liveIn, liveOut };
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}

/** The value a terminator consumes: what `ret` returns, the exception `throw` and `resume` raise. */
function consumedByTerminator(t: Block["terminator"]): Value | null {
  if (t?.kind === "ret") return t.value;
  if (t?.kind === "throw" || t?.kind === "resume") return t.exception;
  return null;
}

/**
 * Gives every instruction that can fail and would propagate to the caller while owned values are
 * held a clean-up handler of its own: the block is split after it, and the handler (a landing, then
 * `resume`) is where the main pass puts the releases, as on any other edge.
 */
function addCleanups(
  fn: IrFunction,
  owned: (v: Value) => v is Instruction,
  canFail: (inst: Instruction) => boolean,
): boolean {
  const { liveOut } = liveness(fn, owned);
  const points: { block: Block; index: number }[] = [];
  for (const block of fn.blocks) {
    const live = new Set<Value>(liveOut.get(block)!);
    for (const v of terminatorOperands(block.terminator)) if (owned(v)) live.add(v);
    for (let i = block.instructions.length - 1; i >= 0; i--) {
      const inst = block.instructions[i]!;
      live.delete(inst);
      if (inst.kind === "phi") continue;
      const uses = instructionOperands(inst).filter(owned);
      const heldThere = live.size > 0 || uses.length > 0;
      if (heldThere && unwindOf(inst) === null && canFail(inst) && "unwind" in inst) points.push({ block, index: i });
      for (const v of uses) live.add(v);
    }
  }
  if (points.length === 0) return false;
  // Found from the bottom of each block up, so splitting at one leaves the earlier ones' indices valid.
  for (const { block, index } of points) {
    const inst = block.instructions[index]!;
    const rest = newBlock(fn, `${block.label}.after`);
    rest.instructions = block.instructions.splice(index + 1);
    for (const moved of rest.instructions) moved.block = rest;
    rest.terminator = block.terminator;
    block.terminator = { kind: "br", target: rest };
    for (const successor of successors(rest)) replacePhiPredecessor(successor, block, rest);
    fn.blocks.splice(fn.blocks.indexOf(block) + 1, 0, rest);
    const cleanup = newBlock(fn, `${block.label}.cleanup`);
    const exception = newInstruction(fn, cleanup, { kind: "landing", type: refType(runtimeLayouts.exception) });
    cleanup.instructions.push(exception);
    cleanup.terminator = { kind: "resume", exception, unwind: null };
    fn.blocks.push(cleanup);
    (inst as { unwind: Block | null }).unwind = cleanup;
  }
  return true;
}

function isRetainOf(inst: Instruction | undefined, value: Value): boolean {
  return inst?.kind === "retain" && inst.value === value;
}

function adjust(fn: IrFunction, block: Block, v: Value, delta: number): Instruction[] {
  const kind = delta > 0 ? "retain" : "release";
  return Array.from({ length: Math.abs(delta) }, () => refcount(fn, block, kind, v));
}

function phiOperandsFrom(successor: Block, block: Block): Value[] {
  const operands: Value[] = [];
  for (const inst of successor.instructions) {
    if (inst.kind !== "phi") continue;
    for (const incoming of inst.incoming) if (incoming.block === block) operands.push(incoming.value);
  }
  return operands;
}

function refcount(fn: IrFunction, block: Block, kind: "retain" | "release", value: Value): Instruction {
  return newInstruction(fn, block, { kind, type: types.void, value });
}
