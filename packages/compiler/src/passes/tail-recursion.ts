// Tail recursion becomes a loop. A function that ends in `return f(args)` calling itself, or in
// `return x + f(args)` / `return x * f(args)` (an accumulator), runs the call as another iteration of
// its body instead: the parameters become phis of a loop header, and an accumulator phi collects the
// pending additions or multiplications, applied at every other return. The call may also reach the
// return through a join, as base-case inlining leaves it (`m < 2 ? m : f(m)`, then `return x + that`):
// the call's path is then the iteration, the other path returns as before.
//
// Two things keep this exact:
// - Tracebacks. An error inside the loop must still show one frame per call the loop stands for, so a
//   counter of iterations feeds an `elided_frames` instruction, and the error path pushes that many
//   frames at the call's line. All transformed calls must therefore share one line.
// - Overflow. Accumulating changes the order of the checked operations: ((acc + a) + b) instead of
//   a + (b + c). When every term has the same sign (for products, when every factor is at least 1 in
//   magnitude) each partial result lies between zero and the exact total, so a partial result
//   overflows only when the total does, which the original would have reported too. Without that
//   proof from the caller's ranges, accumulators are left alone.

import { constants, newInstruction } from "../ir/builder.js";
import { newBlock } from "../ir/cfg.js";
import type { Block, Instruction, IntBinaryOp, IrFunction, RaiseInfo, Value } from "../ir/ir.js";
import { types } from "../ir/types.js";
import { replaceUses, useCounts } from "../ir/uses.js";
import type { ModuleRanges, Range } from "./range-analysis.js";

/** A value's possible range where a block runs, as the range analysis knows it; null if it is never computed. */
type RangeOf = ModuleRanges["rangeOf"];

type Call = Extract<Instruction, { kind: "call" }>;

interface TailSite {
  readonly block: Block;
  readonly call: Call;
  /**
   * The block, joining the call's path with others, whose phi takes the call's result to the return;
   * null when the call's own block returns.
   */
  readonly join: Block | null;
  /** For `return x op f(...)`: the operation, the other operand and the operation's check. */
  readonly accumulate: { readonly op: IntBinaryOp; readonly other: Value; readonly raise: RaiseInfo | null } | null;
}

/** Turns the function's self tail calls into a loop; returns whether it changed anything. */
export function eliminateTailRecursion(fn: IrFunction, rangeOf?: RangeOf): boolean {
  // Once per function; and the entry block must be free to become the loop header.
  if (fn.blocks.some((b) => b.instructions.some((i) => i.kind === "elided_frames"))) return false;
  if (fn.blocks[0]?.instructions.some((i) => i.kind === "phi")) return false;
  let sites = findTailSites(fn);
  if (sites.length === 0) return false;
  // One line for every elided frame: keep the sites at the first one's line.
  const line = sites[0]!.call.loc.line;
  sites = sites.filter((s) => s.call.loc.line === line);
  const op = sites.find((s) => s.accumulate !== null)?.accumulate?.op ?? null;
  if (op !== null && !accumulationIsExact(fn, sites, op, rangeOf)) {
    sites = sites.filter((s) => s.accumulate === null);
  }
  if (sites.length === 0) return false;
  rewriteAsLoop(fn, sites, sites.some((s) => s.accumulate !== null) ? op : null);
  return true;
}

function findTailSites(fn: IrFunction): TailSite[] {
  const uses = useCounts(fn);
  const sites: TailSite[] = [];
  for (const block of fn.blocks) {
    const terminator = block.terminator;
    if (terminator?.kind !== "ret" || terminator.value === null) continue;
    const result = terminator.value;
    const n = block.instructions.length;
    if (result !== block.instructions[n - 1] || uses.get(result) !== 1) continue;
    if (isSelfCall(result, fn)) {
      sites.push({ block, call: result, join: null, accumulate: null });
      continue;
    }
    const call = block.instructions[n - 2];
    if (result.kind !== "ibinary" || (result.op !== "add" && result.op !== "mul") || result.unwind !== null) continue;
    if (!isSelfCall(call, fn) || uses.get(call) !== 1) continue;
    const other = result.lhs === call ? result.rhs : result.rhs === call ? result.lhs : null;
    if (other === null || other === call) continue;
    sites.push({ block, call, join: null, accumulate: { op: result.op, other, raise: result.raise } });
  }
  sites.push(...findJoinedTailSites(fn, uses));
  return sites;
}

/**
 * Self calls ending their block, whose result a phi of the next block takes straight to its return
 * (`join: %r = phi [.., %call]; ret %r`) or through one accumulating operation
 * (`%s = add %x, %r; ret %s`), with nothing else in that block but phis.
 */
function findJoinedTailSites(fn: IrFunction, uses: ReadonlyMap<Value, number>): TailSite[] {
  const sites: TailSite[] = [];
  for (const block of fn.blocks) {
    const call = block.instructions[block.instructions.length - 1];
    const join = block.terminator?.kind === "br" ? block.terminator.target : null;
    if (join === null || join === block || !isSelfCall(call, fn) || uses.get(call) !== 1) continue;
    const phi = join.instructions.find(
      (inst): inst is Extract<Instruction, { kind: "phi" }> =>
        inst.kind === "phi" && inst.incoming.some((i) => i.block === block && i.value === call),
    );
    if (phi === undefined || uses.get(phi) !== 1 || join.terminator?.kind !== "ret") continue;
    const rest = join.instructions.filter((inst) => inst.kind !== "phi");
    const result = join.terminator.value;
    if (rest.length === 0 && result === phi) {
      sites.push({ block, call, join, accumulate: null });
      continue;
    }
    const op = rest[0];
    if (rest.length !== 1 || op !== result || op.kind !== "ibinary" || uses.get(op) !== 1) continue;
    if ((op.op !== "add" && op.op !== "mul") || op.unwind !== null) continue;
    const other = op.lhs === phi ? op.rhs : op.rhs === phi ? op.lhs : null;
    if (other === null || other === phi) continue;
    // The other operand as the call's path sees it: a phi of the join takes its value from the call's block.
    const seen =
      other.kind === "phi" && other.block === join ? other.incoming.find((i) => i.block === block)?.value : other;
    if (seen === undefined || seen === call) continue;
    sites.push({ block, call, join, accumulate: { op: op.op, other: seen, raise: op.raise } });
  }
  return sites;
}

function isSelfCall(inst: Instruction | undefined, fn: IrFunction): inst is Call {
  return inst?.kind === "call" && inst.callee === fn && inst.unwind === null;
}

/** See the header: every term the accumulator takes must have one sign (factors: magnitude ≥ 1). */
function accumulationIsExact(fn: IrFunction, sites: readonly TailSite[], op: IntBinaryOp, rangeOf?: RangeOf): boolean {
  if (rangeOf === undefined || sites.some((s) => s.accumulate !== null && s.accumulate.op !== op)) return false;
  const terms: { value: Value; at: Block }[] = [];
  for (const site of sites) if (site.accumulate !== null) terms.push({ value: site.accumulate.other, at: site.block });
  const siteBlocks = new Set(sites.map((s) => s.block));
  for (const block of fn.blocks) {
    const terminator = block.terminator;
    if (terminator?.kind === "ret" && terminator.value !== null && !siteBlocks.has(block)) {
      terms.push({ value: terminator.value, at: block });
    }
  }
  // A term the ranges show is never computed (its block cannot run) never joins the total.
  const known = terms.map((t) => rangeOf(t.value, t.at)).filter((r): r is Range => r !== null);
  if (op === "add") return known.every((r) => r.lo >= 0n) || known.every((r) => r.hi <= 0n);
  return known.every((r) => r.lo >= 1n || r.hi <= -1n);
}

function rewriteAsLoop(fn: IrFunction, sites: readonly TailSite[], op: IntBinaryOp | null): void {
  const header = fn.blocks[0]!;
  const entry = newBlock(fn, "tailrec.entry");
  entry.terminator = { kind: "br", target: header };
  fn.blocks.unshift(entry);

  const phiAtHeader = (type: Instruction["type"], initial: Value) =>
    newInstruction(fn, header, { kind: "phi", type, incoming: [{ block: entry, value: initial }] });

  // Read before the parameters become phis.
  const affine = steppedParameter(fn, sites);
  const paramPhis = fn.params.map((p) => phiAtHeader(p.type, p));
  // The phis are not in the header yet, so they keep the parameters as their values on entry.
  replaceUses(fn, new Map<Value, Value>(fn.params.map((p, i) => [p, paramPhis[i]!])));
  // The number of iterations so far: read off a parameter that every call steps by one constant
  // (`n - 2`) as |n0 - n| / 2, computed only on the way out with an error; else a counter.
  const depth = affine === null ? phiAtHeader(types.i64, constants.int(0n)) : null;
  const acc = op === null ? null : phiAtHeader(types.i64, constants.int(op === "add" ? 0n : 1n));
  const header0: Instruction[] = [...paramPhis, ...(depth === null ? [] : [depth]), ...(acc === null ? [] : [acc])];
  let count: Value;
  if (affine === null) count = depth!;
  else {
    const phi = paramPhis[affine.index]!;
    const param = fn.params[affine.index]!;
    const [from, to] = affine.step < 0n ? [param, phi] : [phi, param];
    const distance = newInstruction(fn, header, {
      kind: "ibinary",
      type: types.i64,
      op: "sub",
      lhs: from,
      rhs: to,
      raise: null,
      unwind: null,
    });
    header0.push(distance);
    count = distance;
    const magnitude = affine.step < 0n ? -affine.step : affine.step;
    if (magnitude !== 1n) {
      const steps = newInstruction(fn, header, {
        kind: "ibinary",
        type: types.i64,
        op: "udiv",
        lhs: distance,
        rhs: constants.int(magnitude),
        raise: null,
        unwind: null,
      });
      header0.push(steps);
      count = steps;
    }
  }
  const elided = newInstruction(fn, header, {
    kind: "elided_frames",
    type: types.void,
    count,
    loc: sites[0]!.call.loc,
  });
  header.instructions.unshift(...header0, elided);

  const siteBlocks = new Set(sites.map((s) => s.block));
  let accumulateRaise: RaiseInfo | null = null;
  for (const site of sites) {
    const { block, call } = site;
    block.instructions.splice(block.instructions.indexOf(call));
    // The call's path no longer goes through the join.
    for (const inst of site.join?.instructions ?? []) {
      if (inst.kind === "phi") inst.incoming = inst.incoming.filter((i) => i.block !== block);
    }
    const add = (fields: Omit<Extract<Instruction, { kind: "ibinary" }>, "id" | "block">) => {
      const inst = newInstruction(fn, block, fields);
      block.instructions.push(inst);
      return inst;
    };
    if (depth !== null) {
      const nextDepth = add({
        kind: "ibinary",
        type: types.i64,
        op: "add",
        lhs: depth,
        rhs: constants.int(1n),
        raise: null,
        unwind: null,
      });
      depth.incoming.push({ block, value: nextDepth });
    }
    paramPhis.forEach((phi, i) => {
      phi.incoming.push({ block, value: call.args[i]! });
    });
    if (acc !== null) {
      let nextAcc: Value = acc;
      if (site.accumulate !== null) {
        accumulateRaise ??= site.accumulate.raise;
        nextAcc = add({
          kind: "ibinary",
          type: types.i64,
          op: site.accumulate.op,
          lhs: acc,
          // Captured before the parameters became phis.
          rhs: site.accumulate.other.kind === "param" ? paramPhis[site.accumulate.other.index]! : site.accumulate.other,
          raise: site.accumulate.raise,
          unwind: null,
        });
      }
      acc.incoming.push({ block, value: nextAcc });
    }
    block.terminator = { kind: "br", target: header };
  }

  // Every other return applies what the loop has accumulated.
  if (acc === null || op === null) return;
  for (const block of fn.blocks) {
    const terminator = block.terminator;
    if (terminator?.kind !== "ret" || terminator.value === null || siteBlocks.has(block)) continue;
    const result = newInstruction(fn, block, {
      kind: "ibinary",
      type: types.i64,
      op,
      lhs: acc,
      rhs: terminator.value,
      raise: accumulateRaise,
      unwind: null,
    });
    block.instructions.push(result);
    terminator.value = result;
  }
}

/**
 * An i64 parameter that every site passes as itself plus one non-zero constant, with that constant.
 * Its distance from the value the function was called with counts the iterations exactly: the step
 * never wraps (it is checked, or proven not to overflow), and an unsigned division reads a distance
 * of up to 2**64 - 1.
 */
function steppedParameter(fn: IrFunction, sites: readonly TailSite[]): { index: number; step: bigint } | null {
  for (const param of fn.params) {
    if (param.type !== types.i64) continue;
    let step: bigint | null = null;
    for (const site of sites) {
      const arg = site.call.args[param.index]!;
      const s = arg.kind === "ibinary" ? constantStep(arg, param) : null;
      if (s === null || s === 0n || (step !== null && s !== step)) {
        step = null;
        break;
      }
      step = s;
    }
    if (step !== null) return { index: param.index, step };
  }
  return null;
}

function constantStep(arg: Extract<Instruction, { kind: "ibinary" }>, param: Value): bigint | null {
  const k = (v: Value) => (v.kind === "const" && typeof v.value === "bigint" ? v.value : null);
  if (arg.op === "add" && arg.lhs === param) return k(arg.rhs);
  if (arg.op === "add" && arg.rhs === param) return k(arg.lhs);
  if (arg.op === "sub" && arg.lhs === param) {
    const c = k(arg.rhs);
    return c === null ? null : -c;
  }
  return null;
}
