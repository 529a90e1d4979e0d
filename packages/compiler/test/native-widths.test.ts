// Integers of every width and the conversions between types, end to end through the real toolchain:
// i8/i16/i32 arithmetic (wrapping, and checked where it raises), C's truncating division, floor
// division and shifts past the width as at i64, sext/zext/trunc, int-float conversions (fptosi
// saturating, NaN giving 0), f32 through fptrunc/fpext and f32 arithmetic, and exported functions
// (called from the entry, and as the entry). Integer results are printed with rt_write_i64 after
// widening to i64 (sign- and zero-extended both) and compared with what BigInt computes here;
// floats are printed by their bits (the test language library's test_write_f64) and compared with
// what JavaScript's doubles and Math.fround compute. Operands come from argv, read by the test
// language library, so that LLVM cannot fold them.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { addFunction, constants, createModule, IrBuilder } from "../src/ir/builder.js";
import type {
  ConvertOp,
  FloatBinaryOp,
  Instruction,
  IntBinaryOp,
  Module,
  RaiseInfo,
  SourceLoc,
  Value,
} from "../src/ir/ir.js";
import { type IntType, types } from "../src/ir/types.js";
import { validateModule } from "../src/ir/validator.js";
import { lookupRuntimeFunction } from "../src/runtime-functions.js";
import { buildProgram, runProgram, seededRandom, TEST_LANGUAGE_FUNCTIONS } from "./native-build.js";

const FILE = "widths.src";
const loc = (line: number, file = FILE): SourceLoc => ({ file, line, col: 0 });
const raiseInfo = (kind: string, message: string, line: number, file = FILE): RaiseInfo => ({
  kind,
  message,
  loc: loc(line, file),
});

function newProgram(file = FILE): { m: Module; b: IrBuilder } {
  const m = createModule(file);
  const main = addFunction(m, "entry", "entry", [], types.void);
  m.entry = main;
  const b = new IrBuilder(main, m);
  b.positionAt(b.createBlock("entry"));
  return { m, b };
}

/** A call of the core runtime's or the test language library's function `name`, declared in the module by the builder. */
function rt(b: IrBuilder, name: string, args: Value[], at: SourceLoc | null = null): Value {
  const f = lookupRuntimeFunction(name) ?? TEST_LANGUAGE_FUNCTIONS.get(name);
  if (f === undefined) throw new Error(`no runtime function ${name}`);
  return b.callExtern(f, args, at);
}

/**
 * Prints one value and a newline: an integer narrower than i64 as its sign- and zero-extended
 * values, an i64 as itself, a float by its bits (f32 widened first, exactly), a boolean as 0 or 1.
 */
function printValue(b: IrBuilder, v: Value): void {
  const type = v.type;
  if (type === types.i1) {
    rt(b, "rt_write_i64", [b.zext(v)]);
  } else if (type.kind === "int" && type.bits < 64) {
    rt(b, "rt_write_i64", [b.convert("sext", v, types.i64)]);
    rt(b, "rt_write_str", [constants.str(" ")]);
    rt(b, "rt_write_i64", [b.convert("zext", v, types.i64)]);
  } else if (type === types.i64) {
    rt(b, "rt_write_i64", [v]);
  } else if (type === types.f32) {
    rt(b, "test_write_f64", [b.convert("fpext", v, types.f64)]);
  } else if (type === types.f64) {
    rt(b, "test_write_f64", [v]);
  } else {
    throw new Error(`cannot print ${type.text}`);
  }
  rt(b, "rt_write_newline", []);
}

function argv(b: IrBuilder, index: Value): Value {
  return rt(b, "rt_argv_get", [index]);
}

/** for (i = 1; i + per <= len(argv); i += per) body(i): a loop whose counter is a phi. */
function argvLoop(b: IrBuilder, per: number, body: (i: Value) => void): void {
  const header = b.createBlock("loop");
  const bodyBlock = b.createBlock("body");
  const exit = b.createBlock("exit");
  const count = rt(b, "rt_argv_count", []);
  const before = b.block;
  b.br(header);
  b.positionAt(header);
  const i = b.phi(types.i64, [{ block: before, value: constants.int(1n) }]) as Extract<Instruction, { kind: "phi" }>;
  const last = b.ibinary("add", i, constants.int(BigInt(per - 1)), null);
  b.condbr(b.icmp("lt", last, count), bodyBlock, exit);
  b.positionAt(bodyBlock);
  body(i);
  i.incoming.push({ block: b.block, value: b.ibinary("add", i, constants.int(BigInt(per)), null) });
  b.br(header);
  b.positionAt(exit);
}

const at = (b: IrBuilder, i: Value, offset: number): Value =>
  argv(b, b.ibinary("add", i, constants.int(BigInt(offset)), null));
const toInt = (b: IrBuilder, s: Value): Value => rt(b, "test_str_to_i64", [s]);
const toFloat = (b: IrBuilder, s: Value): Value => rt(b, "test_str_to_f64", [s]);

/** The first line of the test language's report of an uncaught error: `uncaught KIND: MESSAGE`. */
function firstLine(text: string): string {
  return text.split("\n")[0]!;
}

// ---- the values BigInt computes

const min = (bits: number) => -(2n ** BigInt(bits - 1));
const max = (bits: number) => 2n ** BigInt(bits - 1) - 1n;
const signed = (bits: number, v: bigint) => BigInt.asIntN(bits, v);
const fits = (bits: number, v: bigint) => signed(bits, v) === v;
/** How printValue shows an integer of `bits` bits (i64: itself). */
const intLine = (bits: number, v: bigint) =>
  bits === 64 ? `${signed(64, v)}` : `${signed(bits, v)} ${BigInt.asUintN(bits, v)}`;
/** A float as test_write_f64 prints it: "nan", or its bits in 16 hexadecimal digits. */
function floatLine(x: number): string {
  if (Number.isNaN(x)) return "nan";
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}
/** A float as strtod reads it (JavaScript's Number() knows no "inf" or "nan"). */
function pyFloat(text: string): number {
  if (/^[+-]?inf$/.test(text)) return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return text === "nan" ? Number.NaN : Number(text);
}

/** fptosi: toward zero, saturating, NaN to 0. */
function saturate(bits: number, x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  const t = Math.trunc(x);
  if (t >= Number(max(bits))) return max(bits);
  if (t <= Number(min(bits))) return min(bits);
  return BigInt(t);
}

/** What a case prints (a float: its value), or the first line of the report of the error it stops with. */
type Outcome = { readonly line: string } | { readonly float: number } | { readonly raises: string };

interface Case {
  readonly name: string;
  /** How the two argv operands are read. */
  readonly operands: "int" | "float";
  emit(b: IrBuilder, x: Value, y: Value): Value;
  expected(a: string, c: string): Outcome;
}

const OVERFLOW = "uncaught IntegerOverflow: integer overflow";
const DIVISION = "uncaught DivisionByZero: division by zero";

const intTypes: IntType[] = [types.i8, types.i16, types.i32];

function casesFor(t: IntType): Case[] {
  const bits = t.bits;
  const narrow = (b: IrBuilder, v: Value) => (bits === 64 ? v : b.convert("trunc", v, t));
  const line = (v: bigint): Outcome => ({ line: intLine(bits, v) });
  const binary = (
    op: IntBinaryOp,
    compute: (x: bigint, y: bigint) => bigint,
    raise: RaiseInfo | null = null,
    raises = OVERFLOW,
  ): Case => ({
    name: `${op}${raise === null ? "" : ".checked"}.${t.text}`,
    operands: "int",
    emit: (b, x, y) => b.ibinary(op, narrow(b, x), narrow(b, y), raise),
    expected: (a, c) => {
      const [x, y] = [signed(bits, BigInt(a)), signed(bits, BigInt(c))];
      if (raise !== null && (op === "sdiv" || op === "srem") && y === 0n) return { raises };
      const exact = compute(x, y);
      return raise !== null && !fits(bits, exact) ? { raises } : line(exact);
    },
  });
  const overflow = raiseInfo("IntegerOverflow", "integer overflow", 2);
  const division = raiseInfo("DivisionByZero", "division by zero", 3);
  const count = (y: bigint) => y & BigInt(bits - 1);
  const narrowCases: Case[] =
    bits === 64
      ? []
      : [
          // Wrapping arithmetic.
          binary("add", (x, y) => x + y),
          binary("sub", (x, y) => x - y),
          binary("mul", (x, y) => x * y),
          binary("and", (x, y) => x & y),
          binary("or", (x, y) => x | y),
          binary("xor", (x, y) => x ^ y),
          {
            name: `shl.${t.text}`,
            operands: "int",
            emit: (b, x, y) =>
              b.ibinary(
                "shl",
                narrow(b, x),
                b.ibinary("and", narrow(b, y), constants.int(BigInt(bits - 1), t), null),
                null,
              ),
            expected: (a, c) => line(signed(bits, BigInt(a)) << count(signed(bits, BigInt(c)))),
          },
          {
            name: `ashr.${t.text}`,
            operands: "int",
            emit: (b, x, y) =>
              b.ibinary(
                "ashr",
                narrow(b, x),
                b.ibinary("and", narrow(b, y), constants.int(BigInt(bits - 1), t), null),
                null,
              ),
            expected: (a, c) => line(signed(bits, BigInt(a)) >> count(signed(bits, BigInt(c)))),
          },
          {
            name: `ineg.${t.text}`,
            operands: "int",
            emit: (b, x) => b.ineg(narrow(b, x), null),
            expected: (a) => line(-signed(bits, BigInt(a))),
          },
          {
            name: `not.${t.text}`,
            operands: "int",
            emit: (b, x) => b.not(narrow(b, x)),
            expected: (a) => line(~signed(bits, BigInt(a))),
          },
          // Checked arithmetic raises exactly when the result does not fit.
          binary("add", (x, y) => x + y, overflow),
          binary("sub", (x, y) => x - y, overflow),
          binary("mul", (x, y) => x * y, overflow),
          {
            name: `ineg.checked.${t.text}`,
            operands: "int",
            emit: (b, x) => b.ineg(narrow(b, x), overflow),
            expected: (a) => {
              const x = signed(bits, BigInt(a));
              return x === min(bits) ? { raises: OVERFLOW } : line(-x);
            },
          },
          // Integer conversions.
          ...intTypes
            .filter((to) => to.bits > bits)
            .flatMap((to): Case[] => [
              {
                name: `sext.${t.text}.${to.text}`,
                operands: "int",
                emit: (b, x) => b.convert("sext", narrow(b, x), to),
                expected: (a) => ({ line: intLine(to.bits, signed(bits, BigInt(a))) }),
              },
              {
                name: `zext.${t.text}.${to.text}`,
                operands: "int",
                emit: (b, x) => b.convert("zext", narrow(b, x), to),
                expected: (a) => ({ line: intLine(to.bits, BigInt.asUintN(bits, BigInt(a))) }),
              },
              {
                name: `trunc.${to.text}.${t.text}`,
                operands: "int",
                emit: (b, x) => b.convert("trunc", b.convert("trunc", x, to), t),
                expected: (a) => line(BigInt(a)),
              },
            ]),
          {
            name: `trunc.${t.text}.i1`,
            operands: "int",
            emit: (b, x) => b.convert("trunc", narrow(b, x), types.i1),
            expected: (a) => ({ line: String(BigInt(a) & 1n) }),
          },
          {
            name: `zext.i1.${t.text}`,
            operands: "int",
            emit: (b, x) => b.convert("zext", b.convert("trunc", x, types.i1), t),
            expected: (a) => line(BigInt(a) & 1n),
          },
          {
            name: `sext.i1.${t.text}`,
            operands: "int",
            emit: (b, x) => b.convert("sext", b.convert("trunc", x, types.i1), t),
            expected: (a) => line(-(BigInt(a) & 1n)),
          },
          // Integers to floats (exact in f64 at these widths; rounded to nearest in f32).
          ...(["sitofp", "uitofp"] as ConvertOp[]).flatMap((op): Case[] =>
            [types.f64, types.f32].map((to) => ({
              name: `${op}.${t.text}.${to.text}`,
              operands: "int",
              emit: (b, x) => b.convert(op, narrow(b, x), to),
              expected: (a) => {
                const v = Number(op === "sitofp" ? signed(bits, BigInt(a)) : BigInt.asUintN(bits, BigInt(a)));
                return { float: to === types.f32 ? Math.fround(v) : v };
              },
            })),
          ),
        ];
  const floats: Case[] =
    bits === 64
      ? []
      : [
          {
            name: `fptosi.f64.${t.text}`,
            operands: "float",
            emit: (b, x) => b.convert("fptosi", x, t),
            expected: (a) => line(saturate(bits, pyFloat(a))),
          },
          {
            name: `fptosi.f32.${t.text}`,
            operands: "float",
            emit: (b, x) => b.convert("fptosi", b.convert("fptrunc", x, types.f32), t),
            expected: (a) => line(saturate(bits, Math.fround(pyFloat(a)))),
          },
        ];
  // C's division, truncating toward zero: a zero divisor raises, and so does MIN / -1.
  const divisions: Case[] = [
    binary("sdiv", (x, y) => x / y, division, DIVISION),
    binary("srem", (x, y) => x % y, division, DIVISION),
  ];
  return [...narrowCases, ...floats, ...divisions];
}

const conversionCases: Case[] = [
  {
    name: "fptrunc.fpext",
    operands: "float",
    emit: (b, x) => b.convert("fpext", b.convert("fptrunc", x, types.f32), types.f64),
    expected: (a) => ({ float: Math.fround(pyFloat(a)) }),
  },
  {
    name: "fptosi.f64.i64",
    operands: "float",
    emit: (b, x) => b.convert("fptosi", x, types.i64),
    expected: (a) => ({ line: intLine(64, saturate(64, pyFloat(a))) }),
  },
  {
    name: "fcmp.f32",
    operands: "float",
    emit: (b, x, y) => b.fcmp("lt", b.convert("fptrunc", x, types.f32), b.convert("fptrunc", y, types.f32)),
    expected: (a, c) => ({ line: Math.fround(pyFloat(a)) < Math.fround(pyFloat(c)) ? "1" : "0" }),
  },
];

/**
 * Builds one program running case `op` on each argv triple (op, a, b) and checks every run against
 * its expected outcome: the runs that complete together in one process, each raising one alone.
 * Returns the expected outcomes, by run.
 */
async function checkCases(
  cases: readonly Case[],
  runs: readonly (readonly [number, string, string])[],
): Promise<Outcome[]> {
  const { m, b } = newProgram();
  argvLoop(b, 3, (i) => {
    const op = toInt(b, at(b, i, 0));
    const done = b.createBlock("done");
    cases.forEach((c, index) => {
      const then = b.createBlock(c.name);
      const next = b.createBlock(`not.${c.name}`);
      b.condbr(b.icmp("eq", op, constants.int(BigInt(index))), then, next);
      b.positionAt(then);
      const read = c.operands === "int" ? toInt : toFloat;
      printValue(b, c.emit(b, read(b, at(b, i, 1)), read(b, at(b, i, 2))));
      b.br(done);
      b.positionAt(next);
    });
    b.br(done);
    b.positionAt(done);
  });
  b.ret(null);
  assert.deepEqual(validateModule(m), []);
  const path = (await buildProgram(m)).path;

  const expected = runs.map(([o, a, c]) => cases[o]!.expected(a, c));
  /** The line run `k` prints, or null when it raises. */
  const lineOf = (k: number): string | null => {
    const e = expected[k]!;
    return "line" in e ? e.line : "float" in e ? floatLine(e.float) : null;
  };
  const passing = runs.flatMap((_, k) => (lineOf(k) !== null ? [k] : []));
  const together = runProgram(
    path,
    passing.flatMap((k) => runs[k]!.map(String)),
  );
  assert.equal(together.stderr, "");
  const lines = together.stdout.split("\n");
  const wrong: string[] = [];
  passing.forEach((k, n) => {
    const [o, a, c] = runs[k]!;
    if (lines[n] !== lineOf(k)) wrong.push(`${cases[o]!.name}(${a}, ${c}): expected ${lineOf(k)}, got ${lines[n]}`);
  });
  runs.forEach(([o, a, c], k) => {
    const outcome = expected[k]!;
    if (!("raises" in outcome)) return;
    const result = runProgram(path, [String(o), a, c]);
    if (result.status !== 1 || firstLine(result.stderr) !== outcome.raises) {
      const got = `${result.stdout}${result.stderr}`.trimEnd();
      wrong.push(`${cases[o]!.name}(${a}, ${c}): expected ${outcome.raises}, got status ${result.status}: ${got}`);
    }
  });
  assert.deepEqual(wrong, []);
  return expected;
}

const FLOATS = ["nan", "inf", "-inf", "0.0", "-0.0", "0.9", "-0.9", "2.5", "-2.5", "127.9", "128.0", "-128.9"];
FLOATS.push("-129.0", "255.5", "32767.7", "32768.0", "-32769.5", "2147483647.5", "2147483648.0", "-2147483648.9");
FLOATS.push("-2147483649.0", "1e10", "-1e10", "1e300", "-1e300", "5e-324", "16777217.0", "3.4e38", "3.5e38", "0.1");
FLOATS.push("9.2233720368547758e18", "-9.2233720368547758e18", "1e19", "-1e19", "1.0000001", "3.0", "7.0", "-1e-40");

/**
 * Runs of each case: floats against random floats; integers on C's examples of truncation, a zero
 * divisor, MIN and -1, and random picks (values of every width, outside the case's too).
 */
function runsOf(cases: readonly Case[], seed: number): [number, string, string][] {
  const random = seededRandom(seed);
  const interesting = (bits: number) => [min(bits), min(bits) + 1n, -1n, 0n, 1n, max(bits) - 1n, max(bits)];
  const pool = [...[8, 16, 32, 64].flatMap(interesting), -7n, 7n, 2n, -2n, 3n, 256n, 255n, 65537n, 2n ** 32n + 5n];
  const runs: [number, string, string][] = [];
  cases.forEach((c, index) => {
    if (c.operands === "float") {
      for (const x of FLOATS) runs.push([index, x, FLOATS[Math.floor(random() * FLOATS.length)]!]);
      return;
    }
    const bits = Number(/i(\d+)$/.exec(c.name)?.[1] ?? 64);
    const fixed: [bigint, bigint][] = [
      [-7n, 2n],
      [7n, -2n],
      [-7n, -2n],
      [7n, 2n],
      [5n, 0n],
      [min(bits), -1n],
      [max(bits), 1n],
    ];
    const randomInt = () =>
      random() < 0.6
        ? pool[Math.floor(random() * pool.length)]!
        : BigInt.asIntN(64, BigInt(Math.floor(random() * 2 ** 32)) * BigInt(Math.floor(random() * 2 ** 32)));
    for (let k = 0; k < 12; k++) fixed.push([randomInt(), randomInt()]);
    for (const [a, d] of fixed) runs.push([index, a.toString(), d.toString()]);
  });
  return runs;
}

describe("integers of every width and conversions", () => {
  it("compute what BigInt computes: wrapping and checked arithmetic, C's division, sext/zext/trunc, int-float conversions", async () => {
    const cases: Case[] = [...intTypes.flatMap(casesFor), ...casesFor(types.i64), ...conversionCases];
    const runs = runsOf(cases, 17);
    const expected = await checkCases(cases, runs);
    // Among the outcomes checked: C's rules for -7 and 2, a zero divisor, and MIN / -1.
    const outcome = (name: string, a: string, c: string) => {
      const o = cases.findIndex((x) => x.name === name);
      return expected[runs.findIndex((r) => r[0] === o && r[1] === a && r[2] === c)];
    };
    assert.deepEqual(outcome("sdiv.checked.i8", "-7", "2"), { line: "-3 253" });
    assert.deepEqual(outcome("srem.checked.i8", "-7", "2"), { line: "-1 255" });
    assert.deepEqual(outcome("sdiv.checked.i64", "-7", "2"), { line: "-3" });
    assert.deepEqual(outcome("srem.checked.i64", "-7", "2"), { line: "-1" });
    assert.deepEqual(outcome("sdiv.checked.i16", "5", "0"), { raises: DIVISION });
    assert.deepEqual(outcome("sdiv.checked.i32", String(min(32)), "-1"), { raises: DIVISION });
    assert.deepEqual(outcome("srem.checked.i32", String(min(32)), "-1"), { line: "0 0" });
  });

  it("floor division and modulo round toward negative infinity at every width, as at i64", async () => {
    const floor = (x: bigint, y: bigint) => {
      const q = x / y;
      return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
    };
    const cases = [...intTypes, types.i64].flatMap((t): Case[] => {
      const bits = t.bits;
      const narrow = (b: IrBuilder, v: Value) => (bits === 64 ? v : b.convert("trunc", v, t));
      const raise = raiseInfo("DivisionByZero", "division by zero", 3);
      return (["floordiv", "floormod"] as IntBinaryOp[]).map((op) => ({
        name: `${op}.${t.text}`,
        operands: "int",
        emit: (b, x, y) => b.ibinary(op, narrow(b, x), narrow(b, y), raise),
        expected: (a, c) => {
          const [x, y] = [signed(bits, BigInt(a)), signed(bits, BigInt(c))];
          if (y === 0n) return { raises: DIVISION };
          const r = op === "floordiv" ? floor(x, y) : x - y * floor(x, y);
          return fits(bits, r) ? { line: intLine(bits, r) } : { raises: DIVISION };
        },
      }));
    });
    const runs = runsOf(cases, 19);
    const expected = await checkCases(cases, runs);
    assert.ok(expected.some((e) => "raises" in e));
  });

  it("shift counts at or past the width shift everything out, as at i64", async () => {
    const cases = intTypes.flatMap((t): Case[] => {
      const bits = t.bits;
      const narrow = (b: IrBuilder, v: Value) => b.convert("trunc", v, t);
      const overflow = raiseInfo("IntegerOverflow", "integer overflow", 4);
      // Counts are the second operand modulo 64 plus the width: always at or past it.
      const count = (b: IrBuilder, y: Value) =>
        b.ibinary(
          "add",
          b.ibinary("and", narrow(b, y), constants.int(63n, t), null),
          constants.int(BigInt(bits), t),
          null,
        );
      return [
        {
          name: `shl.${t.text}`,
          operands: "int",
          emit: (b, x, y) => b.ibinary("shl", narrow(b, x), count(b, y), null),
          expected: () => ({ line: intLine(bits, 0n) }),
        },
        {
          name: `ashr.${t.text}`,
          operands: "int",
          emit: (b, x, y) => b.ibinary("ashr", narrow(b, x), count(b, y), null),
          expected: (a) => ({ line: intLine(bits, signed(bits, BigInt(a)) < 0n ? -1n : 0n) }),
        },
        {
          name: `shl.checked.${t.text}`,
          operands: "int",
          emit: (b, x, y) => b.ibinary("shl", narrow(b, x), count(b, y), overflow),
          expected: (a) => (signed(bits, BigInt(a)) === 0n ? { line: intLine(bits, 0n) } : { raises: OVERFLOW }),
        },
      ];
    });
    await checkCases(cases, runsOf(cases, 23));
  });

  it("computes f32 arithmetic in single precision", async () => {
    const single = (b: IrBuilder, v: Value) => b.convert("fptrunc", v, types.f32);
    const ops: [FloatBinaryOp, (x: number, y: number) => number][] = [
      ["fadd", (x, y) => x + y],
      ["fsub", (x, y) => x - y],
      ["fmul", (x, y) => x * y],
      ["fdiv", (x, y) => x / y],
    ];
    const cases: Case[] = ops.map(([op, compute]) => ({
      name: `${op}.f32`,
      operands: "float",
      emit: (b, x, y) => b.fbinary(op, single(b, x), single(b, y), null),
      // Exact in double, then rounded once: the correctly rounded single result.
      expected: (a, c) => ({ float: Math.fround(compute(Math.fround(pyFloat(a)), Math.fround(pyFloat(c)))) }),
    }));
    cases.push({
      name: "fneg.fadd.f32.constant",
      operands: "float",
      emit: (b, x) => b.fneg(b.fbinary("fadd", single(b, x), constants.float(0.25, types.f32), null)),
      expected: (a) => ({ float: -Math.fround(Math.fround(pyFloat(a)) + 0.25) }),
    });
    await checkCases(cases, runsOf(cases, 29));
  });
});

describe("exported functions", () => {
  it("are C symbols with C's calling convention, called from the entry and calling internal functions", async () => {
    const { m, b } = newProgram("exported.src");
    // scale(x, k) = twice(x) * k in i32, checked: an exported function calling an internal one.
    const twice = addFunction(m, "twice", "twice", [{ name: "x", type: types.i32 }], types.i32);
    const t = new IrBuilder(twice, m);
    t.positionAt(t.createBlock("entry"));
    t.ret(t.ibinary("add", twice.params[0]!, twice.params[0]!, null));
    const scale = addFunction(
      m,
      "scale",
      "scale",
      [
        { name: "x", type: types.i32 },
        { name: "k", type: types.i32 },
      ],
      types.i32,
    );
    scale.linkage = "exported";
    const s = new IrBuilder(scale, m);
    s.positionAt(s.createBlock("entry"));
    const doubled = s.call(twice, [scale.params[0]!], loc(2, "exported.src"));
    s.ret(
      s.ibinary("mul", doubled, scale.params[1]!, raiseInfo("IntegerOverflow", "integer overflow", 2, "exported.src")),
    );
    const x = b.convert("trunc", toInt(b, argv(b, constants.int(1n))), types.i32);
    const k = b.convert("trunc", toInt(b, argv(b, constants.int(2n))), types.i32);
    printValue(b, b.call(scale, [x, k], loc(5, "exported.src")));
    b.ret(null);
    assert.deepEqual(validateModule(m), []);

    const { path, llvmIr } = await buildProgram(m);
    // The symbol is the function's own name, defined with the C convention; internal ones are not.
    assert.match(llvmIr, /^define i32 @"?scale"?\(i32 %p0, i32 %p1\) nounwind \{$/m);
    assert.match(llvmIr, /^define internal fastcc i32 @"fn\.twice"\(i32 %p0\) nounwind alwaysinline \{$/m);
    assert.match(llvmIr, /= call i32 @"?scale"?\(i32 /);
    assert.doesNotMatch(llvmIr, /call fastcc i32 @"?scale"?\(/);
    const symbols = spawnSync("nm", [path], { encoding: "utf8" });
    assert.equal(symbols.status, 0, symbols.stderr);
    assert.match(symbols.stdout, /^[0-9a-f]+ T scale$/m);

    assert.deepEqual(runProgram(path, ["3", "7"]), { stdout: "42 42\n", stderr: "", status: 0 });
    assert.deepEqual(runProgram(path, ["-3", "4294967303"]), { stdout: "-42 4294967254\n", stderr: "", status: 0 });
    // 2 * 100000 * 30000 does not fit in i32: the error's frames go through the exported function.
    assert.deepEqual(runProgram(path, ["100000", "30000"]), {
      stdout: "",
      stderr: "uncaught IntegerOverflow: integer overflow\n  at scale (exported.src:2)\n  at entry (exported.src:5)\n",
      status: 1,
    });
  });

  it("may be the entry function itself", async () => {
    const { m, b } = newProgram("entry.src");
    m.entry!.linkage = "exported";
    printValue(b, constants.int(42n));
    b.ret(null);
    assert.deepEqual(validateModule(m), []);
    assert.deepEqual(runProgram((await buildProgram(m)).path), { stdout: "42\n", stderr: "", status: 0 });
  });
});
