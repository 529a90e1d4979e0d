// Differential test of the passes: random structured programs (assignments, prints, nested ifs,
// bounded loops, operations that raise) are built with the IrBuilder the way a front end lowers
// code, then run by the reference interpreter before and after the pipeline. Each output must be
// valid IR, print the same lines and end the same way (the same value, or the same exception at the
// same place).

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addFunction,
  type CompareOp,
  constants,
  createModule,
  type External,
  type Instruction,
  IrBuilder,
  type IrFunction,
  type IrType,
  type Module,
  maxI64,
  minI64,
  optimizeModule,
  parseIrModule,
  printModule,
  type RaiseInfo,
  types,
  type Value,
  validateModule,
} from "../src/index.js";
import { interpret, type Outcome } from "./ir-interpreter.js";

/** mulberry32: a small deterministic generator, so a failing seed reproduces. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const intPool = [0n, 1n, -1n, 2n, 3n, 7n, -7n, 62n, 63n, 64n];
const extremeInts = [maxI64, minI64];
const floatPool = [0, -0, 1.5, -2.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY];
const compareOps: CompareOp[] = ["eq", "ne", "lt", "le", "gt", "ge"];

/** `print` of one value of each type the programs compute; the interpreter shows what they print. */
const printers = new Map<IrType, External>(
  [types.i64, types.f64, types.i1].map((type) => [
    type,
    {
      name: `print_${type.text}`,
      params: [type],
      result: types.void,
      canFail: false,
      memory: "any",
      noReturn: false,
      argumentOwnership: ["borrow"],
      resultOwnership: "owned",
      checksLibm: null,
    },
  ]),
);

function generate(seed: number): Module {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  let line = 0;
  const raise = (kind: string): RaiseInfo => ({ kind, message: "", loc: { file: "random", line: ++line, col: 0 } });

  const m = createModule("random");
  const fn = addFunction(
    m,
    "f",
    "f",
    [
      { name: "a", type: types.i64 },
      { name: "b", type: types.i64 },
      { name: "c", type: types.i1 },
      { name: "x", type: types.f64 },
    ],
    types.i64,
  );
  const b = new IrBuilder(fn, m);
  b.positionAt(b.createBlock("entry"));
  const [pa, pb, pc, px] = fn.params as [Value, Value, Value, Value];
  const env = new Map<string, Value>([
    ["i0", pa],
    ["i1", pb],
    ["i2", constants.int(pick(intPool))],
    ["f0", px],
    ["c0", pc],
  ]);
  const intVars = ["i0", "i1", "i2"];

  const intConstant = () => constants.int(chance(0.1) ? pick(extremeInts) : pick(intPool));
  const intExpr = (depth: number): Value => {
    const r = random();
    if (depth <= 0 || r < 0.3) return chance(0.5) ? env.get(pick(intVars))! : intConstant();
    if (r < 0.75) {
      const op = chance(0.7)
        ? pick(["add", "sub", "mul", "and", "or", "xor"] as const)
        : pick(["floordiv", "floormod", "shl", "ashr", "pow"] as const);
      // Operations whose wrapping form is undefined on some operands always raise instead.
      const mustRaise = !["add", "sub", "mul", "and", "or", "xor"].includes(op);
      return b.ibinary(
        op,
        intExpr(depth - 1),
        intExpr(depth - 1),
        mustRaise || chance(0.5) ? raise("ArithmeticError") : null,
      );
    }
    if (r < 0.8) return b.ineg(intExpr(depth - 1), chance(0.5) ? raise("OverflowError") : null);
    if (r < 0.85) return b.zext(boolExpr(depth - 1));
    if (r < 0.9) return b.toint(floatExpr(depth - 1), raise("ValueError"));
    return b.select(boolExpr(depth - 1), intExpr(depth - 1), intExpr(depth - 1));
  };
  const floatExpr = (depth: number): Value => {
    const r = random();
    if (depth <= 0 || r < 0.3) return chance(0.5) ? env.get("f0")! : constants.float(pick(floatPool));
    if (r < 0.45) return b.tofloat(chance(0.8) ? intExpr(depth - 1) : boolExpr(depth - 1));
    if (r < 0.5) return b.fneg(floatExpr(depth - 1));
    const op = pick(["fadd", "fsub", "fmul", "fdiv", "ffloordiv", "fmod"] as const);
    const raises = op !== "fadd" && op !== "fsub" && op !== "fmul" && (op !== "fdiv" || chance(0.5));
    return b.fbinary(op, floatExpr(depth - 1), floatExpr(depth - 1), raises ? raise("ZeroDivisionError") : null);
  };
  const boolExpr = (depth: number): Value => {
    const r = random();
    if (depth <= 0 || r < 0.25) return chance(0.5) ? env.get("c0")! : constants.bool(chance(0.5));
    if (r < 0.6) return b.icmp(pick(compareOps), intExpr(depth - 1), intExpr(depth - 1));
    if (r < 0.7) return b.icmp(pick(["eq", "ne"] as const), boolExpr(depth - 1), boolExpr(depth - 1));
    if (r < 0.85) return b.fcmp(pick(compareOps), floatExpr(depth - 1), floatExpr(depth - 1));
    return b.not(boolExpr(depth - 1));
  };
  const varType = (name: string): IrType =>
    name.startsWith("i") ? types.i64 : name.startsWith("f") ? types.f64 : types.i1;

  /** Joins environments flowing into `join` from its predecessors, with phis where they differ. */
  const joinEnvs = (flows: { block: Instruction["block"]; env: Map<string, Value> }[]): void => {
    for (const name of env.keys()) {
      const values = flows.map((f) => f.env.get(name)!);
      if (values.every((v) => v === values[0])) env.set(name, values[0]!);
      else
        env.set(
          name,
          b.phi(
            varType(name),
            flows.map((f, i) => ({ block: f.block, value: values[i]! })),
          ),
        );
    }
  };

  const statements = (depth: number, count: number): void => {
    for (let s = 0; s < count && !b.isTerminated; s++) {
      const r = random();
      if (r < 0.35) {
        env.set(pick(intVars), intExpr(2));
      } else if (r < 0.45) {
        env.set("f0", floatExpr(2));
      } else if (r < 0.5) {
        env.set("c0", boolExpr(2));
      } else if (r < 0.62) {
        const value = env.get(pick([...intVars, "f0", "c0"]))!;
        b.callExtern(printers.get(value.type)!, [value], null);
      } else if (r < 0.65 && depth < 3) {
        b.raise(raise("AssertionError"));
      } else if (r < 0.82 && depth > 0) {
        const thenBlock = b.createBlock("then");
        const elseBlock = b.createBlock("else");
        const join = b.createBlock("join");
        b.condbr(boolExpr(2), thenBlock, elseBlock);
        const before = new Map(env);
        const flows: { block: Instruction["block"]; env: Map<string, Value> }[] = [];
        for (const arm of [thenBlock, elseBlock]) {
          for (const [k, v] of before) env.set(k, v);
          b.positionAt(arm);
          statements(depth - 1, 1 + Math.floor(random() * 3));
          if (!b.isTerminated) {
            flows.push({ block: b.block, env: new Map(env) });
            b.br(join);
          }
        }
        b.positionAt(join);
        if (flows.length === 0) {
          b.raise(raise("AssertionError"));
          return;
        }
        joinEnvs(flows);
      } else if (depth > 0) {
        // for counter in range(bound): body
        const preheader = b.block;
        const header = b.createBlock("header");
        const body = b.createBlock("body");
        const exit = b.createBlock("exit");
        b.br(header);
        b.positionAt(header);
        const phis = new Map<string, Instruction>();
        for (const [name, value] of env) {
          const phi = b.phi(varType(name), [{ block: preheader, value }]) as Instruction;
          phis.set(name, phi);
          env.set(name, phi);
        }
        const counter = b.phi(types.i64, [{ block: preheader, value: constants.int(0n) }]);
        const bound = chance(0.7) ? constants.int(BigInt(Math.floor(random() * 4))) : env.get(pick(intVars))!;
        b.condbr(b.icmp("lt", counter, bound), body, exit);
        b.positionAt(body);
        statements(depth - 1, 1 + Math.floor(random() * 3));
        if (!b.isTerminated) {
          const next = b.ibinary("add", counter, constants.int(1n), null);
          for (const [name, phi] of phis) {
            if (phi.kind === "phi") phi.incoming.push({ block: b.block, value: env.get(name)! });
          }
          if (counter.kind === "phi") counter.incoming.push({ block: b.block, value: next });
          b.br(header);
        }
        // A body that always raises leaves the header's phis with only the preheader's values.
        b.positionAt(exit);
        for (const [name, phi] of phis) env.set(name, phi);
      }
    }
  };

  statements(3, 6);
  if (!b.isTerminated) b.ret(env.get(pick(intVars))!);
  return m;
}

const inputs: [bigint, bigint, boolean, number][] = [
  [0n, 0n, false, 0],
  [1n, -1n, true, 2.5],
  [3n, 7n, false, Number.NaN],
  [-5n, 2n, true, -1e300],
  [maxI64, minI64, true, 0.5],
  [2n, 64n, false, 1e19],
];

test("the pipeline keeps the behaviour of random programs and leaves valid IR", () => {
  let compared = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const m = generate(seed);
    assert.deepEqual(validateModule(m), [], `seed ${seed} generated invalid IR:\n${printModule(m)}`);
    const fn: IrFunction = m.functions[0]!;
    const before = inputs.map((args) => interpret(fn, args));
    const original = printModule(m);
    assert.equal(printModule(parseIrModule(original)), original, `seed ${seed}: the text does not read back`);
    try {
      optimizeModule(m, { validate: true });
    } catch (error) {
      assert.fail(`seed ${seed}: ${(error as Error).message}\n--- input:\n${original}`);
    }
    inputs.forEach((args, i) => {
      const expected: Outcome = before[i]!;
      if (expected.kind === "undefined" || expected.kind === "too long") return;
      compared++;
      assert.deepEqual(
        interpret(fn, args),
        expected,
        `seed ${seed}, arguments ${args.join(", ")}\n--- input:\n${original}\n--- output:\n${printModule(m)}`,
      );
    });
    const result = printModule(m);
    assert.equal(printModule(parseIrModule(result)), result, `seed ${seed}: the optimised text does not read back`);
  }
  assert.ok(compared > 1000, `only ${compared} runs were comparable`);
});
