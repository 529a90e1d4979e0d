// Integer value ranges, to drop run-time checks that can never fire. LLVM cannot do this for us: it
// does not know that a checked operation raises instead of wrapping, so a loop-carried value built
// from masks and shifts (`state ^= (state << 13) & MASK`) looks unbounded to it. Here a checked
// operation's result is clamped to the int64 range (anything outside it raised instead), ranges flow
// through phis to a fixed point (widened after a few rounds so counters settle), and then every
// checked operation whose operands cannot make it fail loses its check.

import { reversePostorder } from "../ir/cfg.js";
import type { Instruction, IrFunction, Module, Param, Value } from "../ir/ir.js";

interface Range {
  readonly lo: bigint;
  readonly hi: bigint;
}

const MIN = -(1n << 63n);
const MAX = (1n << 63n) - 1n;
const FULL: Range = { lo: MIN, hi: MAX };
/** Rounds of growth a phi may make before its range jumps to the int64 limits. */
const WIDEN_AFTER = 4;

/** Removes the checks of integer operations that provably cannot fail; returns whether any went. */
export function removeImpossibleChecks(fn: IrFunction): boolean {
  return removeChecks(fn, computeRanges(fn, new Map()), new Map());
}

/**
 * The same for a whole program: a parameter's range is the union of the arguments of every call
 * (all calls are visible), so a function called with small constants keeps small ranges inside.
 */
export function removeImpossibleChecksInModule(m: Module): boolean {
  const params = new Map<Param, Range>();
  const roundsPerParam = new Map<Param, number>();
  const entry = m.entry;
  let perFunction = new Map<IrFunction, Map<Instruction, Range>>();
  for (let round = 0; round < 20; round++) {
    perFunction = new Map(m.functions.map((fn) => [fn, computeRanges(fn, params)]));
    let changed = false;
    for (const [fn, ranges] of perFunction) {
      for (const block of fn.blocks) {
        for (const inst of block.instructions) {
          if (inst.kind !== "call" || inst.callee === entry) continue;
          inst.args.forEach((arg, i) => {
            if (arg.type !== "i64") return;
            const param = inst.callee.params[i]!;
            const r = valueRange(arg, ranges, params);
            const previous = params.get(param);
            let next = previous === undefined ? r : { lo: min(previous.lo, r.lo), hi: max(previous.hi, r.hi) };
            if (previous !== undefined && previous.lo === next.lo && previous.hi === next.hi) return;
            const count = (roundsPerParam.get(param) ?? 0) + 1;
            roundsPerParam.set(param, count);
            if (previous !== undefined && count > WIDEN_AFTER) next = FULL;
            params.set(param, next);
            changed = true;
          });
        }
      }
    }
    if (!changed) {
      let removed = false;
      for (const [fn, ranges] of perFunction) if (removeChecks(fn, ranges, params)) removed = true;
      return removed;
    }
  }
  return false;
}

function removeChecks(
  fn: IrFunction,
  ranges: ReadonlyMap<Instruction, Range>,
  params: ReadonlyMap<Param, Range>,
): boolean {
  const rangeOf = (v: Value): Range => valueRange(v, ranges, params);
  let changed = false;
  for (const block of fn.blocks) {
    for (const inst of block.instructions) {
      if (inst.kind === "ibinary" && inst.raise !== null && cannotFail(inst.op, rangeOf(inst.lhs), rangeOf(inst.rhs))) {
        inst.raise = null;
        changed = true;
      } else if (inst.kind === "ineg" && inst.raise !== null && rangeOf(inst.operand).lo > MIN) {
        inst.raise = null;
        changed = true;
      }
    }
  }
  return changed;
}

function valueRange(v: Value, ranges: ReadonlyMap<Instruction, Range>, params: ReadonlyMap<Param, Range>): Range {
  if (v.kind === "const") {
    if (typeof v.value === "bigint") return { lo: v.value, hi: v.value };
    if (typeof v.value === "boolean") return { lo: v.value ? 1n : 0n, hi: v.value ? 1n : 0n };
    return FULL;
  }
  if (v.kind === "param") return params.get(v) ?? FULL;
  return ranges.get(v) ?? FULL;
}

/** Ranges of the i64 instructions of `fn`; a parameter missing from `params` may be anything. */
function computeRanges(fn: IrFunction, params: ReadonlyMap<Param, Range>): Map<Instruction, Range> {
  const ranges = new Map<Instruction, Range>();
  const growth = new Map<Instruction, number>();
  const order = reversePostorder(fn);
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const block of order) {
      for (const inst of block.instructions) {
        if (inst.type !== "i64") continue;
        let next = transfer(inst, ranges, params);
        if (next === null) continue;
        const previous = ranges.get(inst);
        if (previous !== undefined && previous.lo === next.lo && previous.hi === next.hi) continue;
        if (previous !== undefined && inst.kind === "phi") {
          const count = (growth.get(inst) ?? 0) + 1;
          growth.set(inst, count);
          if (count > WIDEN_AFTER) {
            next = {
              lo: next.lo < previous.lo ? MIN : previous.lo,
              hi: next.hi > previous.hi ? MAX : previous.hi,
            };
          }
        }
        ranges.set(inst, next);
        changed = true;
      }
    }
    if (!changed) return ranges;
  }
  // No fixed point in time: assume nothing.
  return new Map();
}

/** The range of an instruction from its operands' current ranges; null while an operand is unknown. */
function transfer(
  inst: Instruction,
  ranges: ReadonlyMap<Instruction, Range>,
  params: ReadonlyMap<Param, Range>,
): Range | null {
  const known = (v: Value): Range | null =>
    v.kind === "const" || v.kind === "param" ? valueRange(v, ranges, params) : (ranges.get(v) ?? null);
  switch (inst.kind) {
    case "phi": {
      let result: Range | null = null;
      for (const { value } of inst.incoming) {
        const r = known(value);
        if (r === null) continue;
        result = result === null ? r : { lo: min(result.lo, r.lo), hi: max(result.hi, r.hi) };
      }
      return result;
    }
    case "select": {
      const a = known(inst.ifTrue);
      const b = known(inst.ifFalse);
      if (a === null || b === null) return a ?? b;
      return { lo: min(a.lo, b.lo), hi: max(a.hi, b.hi) };
    }
    case "zext":
      return { lo: 0n, hi: 1n };
    case "ineg": {
      const a = known(inst.operand);
      return a === null ? null : clamp(-a.hi, -a.lo, inst.raise !== null);
    }
    case "ibinary": {
      const a = known(inst.lhs);
      const b = known(inst.rhs);
      if (a === null || b === null) return null;
      return binaryRange(inst.op, a, b, inst.raise !== null);
    }
    default:
      return FULL;
  }
}

function binaryRange(op: string, a: Range, b: Range, checked: boolean): Range {
  switch (op) {
    case "add":
      return clamp(a.lo + b.lo, a.hi + b.hi, checked);
    case "sub":
      return clamp(a.lo - b.hi, a.hi - b.lo, checked);
    case "mul": {
      const products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      return clamp(products.reduce(min), products.reduce(max), checked);
    }
    case "and":
      // Masking with a non-negative value bounds the result by it.
      if (a.lo >= 0n && b.lo >= 0n) return { lo: 0n, hi: min(a.hi, b.hi) };
      if (a.lo >= 0n) return { lo: 0n, hi: a.hi };
      if (b.lo >= 0n) return { lo: 0n, hi: b.hi };
      return FULL;
    case "or":
    case "xor":
      if (a.lo >= 0n && b.lo >= 0n) return { lo: 0n, hi: allOnesCovering(max(a.hi, b.hi)) };
      return FULL;
    case "ashr":
    case "shl": {
      if (b.lo < 0n || b.hi > 63n) return FULL;
      // Shifts are monotonic in each operand, so the corners bound the result.
      const shift = op === "ashr" ? (x: bigint, k: bigint) => x >> k : (x: bigint, k: bigint) => x << k;
      const corners = [shift(a.lo, b.lo), shift(a.lo, b.hi), shift(a.hi, b.lo), shift(a.hi, b.hi)];
      return clamp(corners.reduce(min), corners.reduce(max), checked);
    }
    case "floormod":
      // The floor remainder takes the divisor's sign and is smaller than it.
      if (b.lo > 0n) return { lo: 0n, hi: a.lo >= 0n ? min(a.hi, b.hi - 1n) : b.hi - 1n };
      return FULL;
    case "floordiv":
      if (a.lo >= 0n && b.lo > 0n) return { lo: 0n, hi: a.hi / b.lo };
      return FULL;
    default:
      return FULL;
  }
}

/** A checked result outside int64 raised instead, so the range stops at the limits; unchecked wraps. */
function clamp(lo: bigint, hi: bigint, checked: boolean): Range {
  if (lo >= MIN && hi <= MAX) return { lo, hi };
  return checked ? { lo: max(lo, MIN), hi: min(hi, MAX) } : FULL;
}

/** Can `op` with operands in these ranges never fail (overflow, zero divisor, bad shift)? */
function cannotFail(op: string, a: Range, b: Range): boolean {
  const fits = (lo: bigint, hi: bigint) => lo >= MIN && hi <= MAX;
  switch (op) {
    case "add":
      return fits(a.lo + b.lo, a.hi + b.hi);
    case "sub":
      return fits(a.lo - b.hi, a.hi - b.lo);
    case "mul": {
      const products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      return fits(products.reduce(min), products.reduce(max));
    }
    case "shl": {
      if (b.lo < 0n || b.hi > 63n) return false;
      const corners = [a.lo << b.lo, a.lo << b.hi, a.hi << b.lo, a.hi << b.hi];
      return fits(corners.reduce(min), corners.reduce(max));
    }
    case "floordiv":
    case "floormod":
      // Zero divisors and MIN // -1 are the only failures.
      return (b.lo > 0n || b.hi < 0n) && (a.lo > MIN || b.hi < -1n || b.lo > -1n);
    default:
      return false;
  }
}

function allOnesCovering(n: bigint): bigint {
  let mask = 0n;
  while (mask < n) mask = (mask << 1n) | 1n;
  return mask;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
