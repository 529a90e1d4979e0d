// A reference interpreter of the IR for differential tests of the passes: a program must print the
// same things and end the same way before and after optimisation. It evaluates with the same
// constant-eval functions the folder uses; what those leave undefined (a wrapping division by zero,
// an inexact fpow) stops the run as "undefined", and such programs are not compared.

import {
  type Block,
  evalCompare,
  evalFloatBinary,
  evalFloatToInt,
  evalIntBinary,
  evalIntNeg,
  type IrFunction,
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

function show(value: Runtime): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0.0" : String(value);
  return String(value);
}

/** Runs `fn` on the arguments; `runtime void @print(...)` appends its arguments to `printed`. */
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
          case "tofloat": {
            const v = get(inst.operand);
            result = typeof v === "boolean" ? (v ? 1 : 0) : Number(v as bigint);
            break;
          }
          case "toint": {
            const r = evalFloatToInt(get(inst.operand) as number);
            if (r === null) fail(inst.raise.kind, inst.raise.loc.line, inst.raise.loc.col);
            result = r;
            break;
          }
          case "zext":
            result = get(inst.operand) ? 1n : 0n;
            break;
          case "select":
            result = get(inst.condition) ? get(inst.ifTrue) : get(inst.ifFalse);
            break;
          case "call":
            result = run(inst.callee, inst.args.map(get));
            break;
          case "elided_frames":
            result = null;
            break;
          case "runtime":
            if (inst.name !== "print") throw new Error(`the interpreter knows no runtime function ${inst.name}`);
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
