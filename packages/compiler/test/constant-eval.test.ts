// The folding arithmetic against CPython 3.11 as the referee: Python's int and float operators
// define what `floordiv`, `floormod`, `fmod`, `ffloordiv` and friends compute, and whether they
// raise. For every pair of operands in a grid, a folded result must be Python's (wrapped to i64
// where the instruction wraps), and an operation Python refuses must not fold.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import {
  type CompareOp,
  evalCompare,
  evalFloatBinary,
  evalFloatToInt,
  evalIntBinary,
  evalIntNeg,
  type FloatBinaryOp,
  type IntBinaryOp,
  maxI64,
  minI64,
} from "../src/index.js";

const PYTHON = process.env.PYCOMPILE_PYTHON || "python3";

const REFEREE = `
import json, operator, sys
ops = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul, "floordiv": operator.floordiv,
    "floormod": operator.mod, "and": operator.and_, "or": operator.or_, "xor": operator.xor,
    "shl": operator.lshift, "ashr": operator.rshift, "pow": operator.pow,
    "fadd": operator.add, "fsub": operator.sub, "fmul": operator.mul, "fdiv": operator.truediv,
    "ffloordiv": operator.floordiv, "fmod": operator.mod, "fpow": operator.pow,
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge,
}
out = []
for kind, op, a, b in json.load(sys.stdin):
    try:
        if kind == "int":
            a, b = int(a), int(b)
            if b > 1000 and (op == "shl" and a != 0 or op == "pow" and abs(a) > 1):
                out.append("huge")
                continue
            r = ops[op](a, b)
            out.append(str(r) if type(r) is int else None)
        elif kind == "float":
            r = ops[op](float(a), float(b))
            out.append(repr(r) if type(r) is float else None)
        elif kind == "icmp":
            out.append(ops[op](int(a), int(b)))
        elif kind == "fcmp":
            out.append(ops[op](float(a), float(b)))
        elif kind == "toint":
            out.append(str(int(float(a))))
        elif kind == "tofloat":
            out.append(repr(float(int(a))))
    except (ZeroDivisionError, ValueError, OverflowError):
        out.append(None)
json.dump(out, sys.stdout)
`;

type Case = [kind: string, op: string, a: string, b: string];

function askPython(cases: Case[]): (string | boolean | null)[] {
  const result = spawnSync(PYTHON, ["-c", REFEREE], { input: JSON.stringify(cases), encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

const ints = [
  minI64,
  minI64 + 1n,
  -(2n ** 32n),
  -100n,
  -7n,
  -2n,
  -1n,
  0n,
  1n,
  2n,
  3n,
  7n,
  63n,
  64n,
  2n ** 32n,
  2n ** 62n,
  maxI64,
];
const floats = [0, -0, 1, -1, 2.5, -2.5, 7, -7, 0.1, 3, 1e308, -1e308, 5e-324, 2 ** 53, Infinity, -Infinity, NaN];
const intOps: IntBinaryOp[] = ["add", "sub", "mul", "floordiv", "floormod", "and", "or", "xor", "shl", "ashr", "pow"];
const floatOps: FloatBinaryOp[] = ["fadd", "fsub", "fmul", "fdiv", "ffloordiv", "fmod", "fpow"];
const compareOps: CompareOp[] = ["eq", "ne", "lt", "le", "gt", "ge"];

function pyFloat(text: string): number {
  return text === "inf" ? Infinity : text === "-inf" ? -Infinity : text === "nan" ? NaN : Number(text);
}

function sameFloat(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

const fits = (x: bigint) => x >= minI64 && x <= maxI64;

test("integer operations fold exactly as Python computes them, and never where Python raises or i64 overflows", () => {
  const cases: Case[] = [];
  for (const op of intOps) for (const a of ints) for (const b of ints) cases.push(["int", op, `${a}`, `${b}`]);
  const answers = askPython(cases);
  let folded = 0;
  cases.forEach(([, opName, aText, bText], i) => {
    const op = opName as IntBinaryOp;
    const [a, b] = [BigInt(aText), BigInt(bText)];
    const answer = answers[i];
    const exact = typeof answer === "string" && answer !== "huge" ? BigInt(answer) : null;
    const shift = op === "shl" || op === "ashr";
    const countOk = !shift || (b >= 0n && b <= 63n);
    const raising = exact !== null && fits(exact) && countOk ? exact : null;
    let wrapping = exact !== null && countOk ? BigInt.asIntN(64, exact) : null;
    if (op === "pow" && exact !== null && !fits(exact)) wrapping = null;
    const where = `${a} ${op} ${b} (Python: ${answer})`;
    assert.equal(evalIntBinary(op, a, b, true), raising, `${where}, raising form`);
    assert.equal(evalIntBinary(op, a, b, false), wrapping, `${where}, wrapping form`);
    if (raising !== null) folded++;
  });
  assert.ok(folded > cases.length / 2);
  assert.equal(evalIntBinary("floordiv", -7n, 2n, true), -4n);
  assert.equal(evalIntBinary("floormod", -7n, 2n, true), 1n);
  assert.equal(evalIntBinary("floormod", 7n, -2n, true), -1n);
});

test("integer negation raises only for the minimum, and wraps to it", () => {
  for (const a of ints) assert.equal(evalIntNeg(a, true), a === minI64 ? null : -a);
  assert.equal(evalIntNeg(minI64, false), minI64);
});

test("float operations fold exactly as Python computes them, and never where Python raises", () => {
  const cases: Case[] = [];
  for (const op of floatOps) for (const a of floats) for (const b of floats) cases.push(["float", op, `${a}`, `${b}`]);
  const answers = askPython(cases);
  let powFolded = 0;
  cases.forEach(([, opName, aText, bText], i) => {
    const op = opName as FloatBinaryOp;
    const [a, b] = [Number(aText), Number(bText)];
    const answer = answers[i];
    const ours = evalFloatBinary(op, a, b, true);
    const where = `${aText} ${op} ${bText}: Python ${answer}, folded ${ours}`;
    if (answer === null) {
      assert.equal(ours, null, where);
    } else if (op === "fpow") {
      // Folded only when exact; then it must be Python's answer.
      if (ours !== null) {
        powFolded++;
        assert.ok(sameFloat(ours, pyFloat(answer as string)), where);
      }
    } else {
      assert.ok(ours !== null && sameFloat(ours, pyFloat(answer as string)), where);
    }
  });
  assert.ok(powFolded > 20);
  // Without a RaiseInfo, division by zero is IEEE's; floor division and modulo by zero never fold.
  assert.equal(evalFloatBinary("fdiv", 1, -0, false), -Infinity);
  assert.equal(evalFloatBinary("fmod", 1, 0, false), null);
  assert.equal(evalFloatBinary("fmod", -7, 2, true), 1);
  assert.equal(evalFloatBinary("fmod", 7, -2, true), -1);
  assert.equal(evalFloatBinary("ffloordiv", -7, 2, true), -4);
});

test("comparisons and conversions agree with Python", () => {
  const cases: Case[] = [];
  for (const op of compareOps) {
    for (const a of ints) for (const b of ints) cases.push(["icmp", op, `${a}`, `${b}`]);
    for (const a of floats) for (const b of floats) cases.push(["fcmp", op, `${a}`, `${b}`]);
  }
  const conversions = [...floats, 9.223372036854776e18, -9.223372036854776e18, 1e19, -2.75, 0.5].map(
    (x): Case => ["toint", "", `${x}`, ""],
  );
  const widenings = [...ints, 2n ** 53n + 1n, 2n ** 53n + 3n, -(2n ** 60n) - 1n].map(
    (x): Case => ["tofloat", "", `${x}`, ""],
  );
  const answers = askPython([...cases, ...conversions, ...widenings]);
  cases.forEach(([kind, op, a, b], i) => {
    const ours =
      kind === "icmp"
        ? evalCompare(op as CompareOp, BigInt(a), BigInt(b))
        : evalCompare(op as CompareOp, Number(a), Number(b));
    assert.equal(ours, answers[i], `${a} ${op} ${b}`);
  });
  conversions.forEach(([, , x], i) => {
    const answer = answers[cases.length + i];
    const exact = typeof answer === "string" ? BigInt(answer) : null;
    assert.equal(evalFloatToInt(Number(x)), exact !== null && fits(exact) ? exact : null, `int(${x})`);
  });
  widenings.forEach(([, , x], i) => {
    const answer = answers[cases.length + conversions.length + i] as string;
    assert.ok(sameFloat(Number(BigInt(x)), pyFloat(answer)), `float(${x})`);
  });
});
