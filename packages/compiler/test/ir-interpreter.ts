// A reference interpreter of the IR for differential tests of the passes: a program must print the
// same things and end the same way before and after optimisation. It evaluates with the same
// constant-eval functions the folder uses; what those leave undefined (a wrapping division by zero,
// an inexact fpow) stops the run as "undefined", and such programs are not compared.

import {
  type Block,
  type ConvertOp,
  evalCompare,
  evalFloatBinary,
  evalFloatToInt,
  evalIntBinary,
  evalIntNeg,
  type IrFunction,
  type IrType,
  type Value,
} from "../src/index.js";

type Runtime = bigint | number | boolean | string | null;

export type Outcome =
  | { readonly kind: "return"; readonly value: string; readonly printed: string[] }
  | { readonly kind: "raise"; readonly raised: string; readonly printed: string[] }
  | { readonly kind: "undefined" | "too long"; readonly printed: string[] };

class Stop extends Error {
  constructor(readonly outcome: "raise" | "undefined" | "too long") {
    super(outcome);
  }
}

/** The bits of an integer type (i1 is a boolean at run time), or of a float type. */
function widthOf(type: IrType): number {
  if (type.kind !== "int" && type.kind !== "float") throw new Error(`no width for ${type.text}`);
  return type.bits;
}

/** An integer value (a boolean for i1) as a bigint of its signed reading. */
function signedOf(value: Runtime, type: IrType): bigint {
  return type.kind === "int" && type.bits === 1 ? (value ? -1n : 0n) : (value as bigint);
}

/** An integer result of `bits` bits from any bigint, as the interpreter holds it (a boolean for i1). */
function wrapTo(bits: number, value: bigint): Runtime {
  return bits === 1 ? (value & 1n) === 1n : BigInt.asIntN(bits, value);
}

/** The conversions, as instructions.ts defines them (fptosi saturates, NaN gives 0). */
function convert(op: ConvertOp, value: Runtime, from: IrType, to: IrType): Runtime {
  // A tagged word and an i64 are the same bits.
  if (from.kind === "tagged" || to.kind === "tagged") return value;
  const toBits = widthOf(to);
  const rounded = (x: number) => (toBits === 32 ? Math.fround(x) : x);
  switch (op) {
    case "sext":
      return wrapTo(toBits, signedOf(value, from));
    case "zext":
    case "trunc":
      return wrapTo(toBits, BigInt.asUintN(widthOf(from), signedOf(value, from)));
    case "sitofp":
      return rounded(Number(signedOf(value, from)));
    case "uitofp":
      return rounded(Number(BigInt.asUintN(widthOf(from), signedOf(value, from))));
    case "fpext":
      return value;
    case "fptrunc":
      return Math.fround(value as number);
    case "fptosi": {
      const x = value as number;
      if (Number.isNaN(x)) return wrapTo(toBits, 0n);
      const max = 2n ** BigInt(toBits - 1) - 1n;
      const min = -(2n ** BigInt(toBits - 1));
      if (x === Number.POSITIVE_INFINITY) return wrapTo(toBits, max);
      if (x === Number.NEGATIVE_INFINITY) return wrapTo(toBits, min);
      const t = BigInt(Math.trunc(x));
      return wrapTo(toBits, t > max ? max : t < min ? min : t);
    }
    case "bitcast": {
      const view = new DataView(new ArrayBuffer(8));
      if (typeof value === "number") {
        if (toBits === 32) view.setFloat32(0, value);
        else view.setFloat64(0, value);
        return toBits === 32 ? BigInt(view.getInt32(0)) : view.getBigInt64(0);
      }
      const bits = signedOf(value, from);
      if (toBits === 32) view.setInt32(0, Number(bits));
      else view.setBigInt64(0, bits);
      return toBits === 32 ? view.getFloat32(0) : view.getFloat64(0);
    }
    case "ptrtoint":
    case "inttoptr":
      throw new Error(`the interpreter has no memory to ${op}`);
  }
}

function show(value: Runtime): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0.0" : String(value);
  return String(value);
}

/**
 * Runs `fn` on the arguments; a call of an external `@print` (or `@print_<type>`) appends its
 * arguments to `printed`.
 */
export function interpret(fn: IrFunction, args: readonly Runtime[], maxSteps = 10_000): Outcome {
  const printed: string[] = [];
  let raised = "";
  let steps = 0;
  const run = (callee: IrFunction, actuals: readonly Runtime[]): Runtime => {
    const values = new Map<Value, Runtime>(callee.params.map((p, i) => [p, actuals[i] ?? null]));
    const get = (v: Value): Runtime => (v.kind === "const" ? v.value : (values.get(v) as Runtime));
    const fail = (kind: string, line: number, col: number): never => {
      raised = `${kind} @${line}:${col}`;
      throw new Stop("raise");
    };
    let previous: Block | null = null;
    let block = callee.blocks[0]!;
    for (;;) {
      // Phis read their incoming values all at once, on the edge just taken.
      const phiValues = block.instructions
        .filter((inst) => inst.kind === "phi")
        .map((phi) => [phi, get(phi.incoming.find((i) => i.block === previous)!.value)] as const);
      for (const [phi, value] of phiValues) values.set(phi, value);
      for (const inst of block.instructions) {
        if (++steps > maxSteps) throw new Stop("too long");
        let result: Runtime;
        switch (inst.kind) {
          case "phi":
            continue;
          case "ibinary": {
            const r = evalIntBinary(inst.op, get(inst.lhs) as bigint, get(inst.rhs) as bigint, inst.raise !== null);
            if (r === null && inst.raise !== null) fail(inst.raise.kind, inst.raise.loc.line, inst.raise.loc.col);
            if (r === null) throw new Stop("undefined");
            result = r;
            break;
          }
          case "fbinary": {
            const r = evalFloatBinary(inst.op, get(inst.lhs) as number, get(inst.rhs) as number, inst.raise !== null);
            const divisor = get(inst.rhs) as number;
            if (r === null && inst.raise !== null && divisor === 0) {
              fail(inst.raise.kind, inst.raise.loc.line, inst.raise.loc.col);
            }
            if (r === null) throw new Stop("undefined");
            result = r;
            break;
          }
          case "ineg": {
            const r = evalIntNeg(get(inst.operand) as bigint, inst.raise !== null);
            if (r === null && inst.raise !== null) fail(inst.raise.kind, inst.raise.loc.line, inst.raise.loc.col);
            result = r;
            break;
          }
          case "fneg":
            result = -(get(inst.operand) as number);
            break;
          case "not":
            result = !get(inst.operand);
            break;
          case "icmp":
          case "fcmp":
            result = evalCompare(inst.op, get(inst.lhs) as number, get(inst.rhs) as number);
            break;
          case "convert":
            result = convert(inst.op, get(inst.operand), inst.operand.type, inst.type);
            break;
          case "toint": {
            const r = evalFloatToInt(get(inst.operand) as number);
            if (r === null) fail(inst.raise.kind, inst.raise.loc.line, inst.raise.loc.col);
            result = r;
            break;
          }
          case "select":
            result = get(inst.condition) ? get(inst.ifTrue) : get(inst.ifFalse);
            break;
          case "call":
            result = run(inst.callee, inst.args.map(get));
            break;
          case "elided_frames":
            result = null;
            break;
          case "call_extern":
            if (!/^print(_\w+)?$/.test(inst.callee.name)) {
              throw new Error(`the interpreter knows no external function @${inst.callee.name}`);
            }
            printed.push(inst.args.map((a) => show(get(a))).join(" "));
            result = null;
            break;
          default:
            throw new Error(`the interpreter does not run ${inst.kind}`);
        }
        values.set(inst, result);
      }
      const terminator = block.terminator!;
      previous = block;
      switch (terminator.kind) {
        case "br":
          block = terminator.target;
          break;
        case "condbr":
          block = get(terminator.condition) ? terminator.ifTrue : terminator.ifFalse;
          break;
        case "ret":
          return terminator.value === null ? null : get(terminator.value);
        case "raise":
          return fail(terminator.info.kind, terminator.info.loc.line, terminator.info.loc.col);
        default:
          throw new Stop("undefined");
      }
    }
  };
  try {
    return { kind: "return", value: show(run(fn, args)), printed };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return error.outcome === "raise" ? { kind: "raise", raised, printed } : { kind: error.outcome, printed };
  }
}
