// IR programs built with the shared back end and linked with Python's runtime library, run and
// compared with what CPython does for the equivalent Python program: tracebacks in CPython's layout,
// the IR's integer and float operations against Python's arithmetic, float repr, the format-spec
// mini-language, int() and float() of text, and str's repr. (The compiler's own native tests link a
// neutral test language instead; these need Python's library.)

import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  addFunction,
  constants,
  type FloatBinaryOp,
  type Instruction,
  type IntBinaryOp,
  IrBuilder,
  type RaiseInfo,
  types,
  type Value,
} from "@toolchain/compiler";
import { INT64_MAX, INT64_MIN, programKit } from "@toolchain/compiler/testing";
import { INT_FALLBACKS } from "../src/lowering/ints.js";
import { lookupPythonRuntimeFunction } from "../src/runtime-library.js";
import { buildProgram, python, pythonOutput, runProgram, runPythonFile, testWorkDir } from "./native-build.js";
import { seededRandom } from "./seeded-random.js";

const { newProgram, loc, raiseInfo, rt, finish } = programKit({
  entryName: "<module>",
  defaultFile: "test.py",
  lookup: lookupPythonRuntimeFunction,
});

/** print(v) for one value, as Python prints it. */
function print(b: IrBuilder, ...values: Value[]): void {
  values.forEach((v, i) => {
    if (i > 0) rt(b, "rt_write_str", [constants.str(" ")], null);
    const writers: Record<string, string> = {
      i64: "rt_write_i64",
      tagged: "py_write_int",
      f64: "py_write_f64_repr",
      "ref str": "rt_write_str",
      i1: "py_write_bool",
    };
    rt(b, writers[v.type.text]!, [v], v.type === types.tagged ? loc(1) : null);
  });
  rt(b, "rt_write_newline", [], null);
}

function argv(b: IrBuilder, index: Value): Value {
  return rt(b, "py_argv_get", [index], loc(1));
}

/** for (i = first; i + per <= len(argv); i += per) body(i): a loop whose counter is a phi. */
function argvLoop(b: IrBuilder, first: number, per: number, body: (i: Value) => void): void {
  const header = b.createBlock("loop");
  const bodyBlock = b.createBlock("body");
  const exit = b.createBlock("exit");
  const count = rt(b, "rt_argv_count", [], null);
  const before = b.block;
  b.br(header);
  b.positionAt(header);
  const i = b.phi(types.i64, [{ block: before, value: constants.int(BigInt(first)) }]) as Extract<
    Instruction,
    { kind: "phi" }
  >;
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
/** int(s) as an i64 (OverflowError beyond 64 bits). */
const toInt = (b: IrBuilder, s: Value): Value => rt(b, "py_int_to_i64", [toTagged(b, s)], loc(1));
/** int(s): a tagged int. */
const toTagged = (b: IrBuilder, s: Value): Value => rt(b, "py_int_from_str", [s], loc(1));
const toFloat = (b: IrBuilder, s: Value): Value => rt(b, "py_str_to_f64", [s], loc(1));

/** The last line of a traceback: the exception. */
function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1]!;
}

/** CPython 3.11's traceback without the caret lines (`~~^^~~`), which we do not print. */
function withoutCarets(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => !/^\s+[~^]+\s*$/.test(line))
    .join("\n");
}

describe("tracebacks", () => {
  it("lists the frames as CPython does, with source lines, after flushing stdout; exit status 1", async () => {
    const source = [
      "def divide(a, b):",
      "    return a // b",
      "",
      "def outer(n):",
      "    return divide(n, n - 3)",
      "",
      'print("start")',
      "print(outer(5))",
      "print(outer(3))",
      'print("never")',
    ];
    const file = join(testWorkDir(), "frames.py");
    writeFileSync(file, `${source.join("\n")}\n`);
    const { m, b } = newProgram(file);
    const divide = addFunction(
      m,
      "divide",
      "divide",
      [
        { name: "a", type: types.i64 },
        { name: "b", type: types.i64 },
      ],
      types.i64,
    );
    const d = new IrBuilder(divide, m);
    d.positionAt(d.createBlock("entry"));
    d.ret(
      d.ibinary(
        "floordiv",
        divide.params[0]!,
        divide.params[1]!,
        raiseInfo("ZeroDivisionError", "integer division or modulo by zero", 2),
      ),
    );
    const outer = addFunction(m, "outer", "outer", [{ name: "n", type: types.i64 }], types.i64);
    const o = new IrBuilder(outer, m);
    o.positionAt(o.createBlock("entry"));
    const n = outer.params[0]!;
    o.ret(o.call(divide, [n, o.ibinary("sub", n, constants.int(3n), null)], loc(5, 11)));
    print(b, constants.str("start"));
    print(b, b.call(outer, [constants.int(5n)], loc(8, 6)));
    print(b, b.call(outer, [constants.int(3n)], loc(9, 6)));
    print(b, constants.str("never"));
    finish(b);

    const ours = runProgram(await buildProgram(m, { sourceLines: new Map([[file, source]]) }));
    const cpython = runPythonFile(file);
    assert.equal(cpython.status, 1);
    assert.equal(ours.status, 1);
    assert.equal(ours.stdout, cpython.stdout);
    assert.equal(ours.stderr, withoutCarets(cpython.stderr));
  });

  it("names each frame's own file, as CPython does for a function imported from another module", async () => {
    const dir = join(testWorkDir(), "two-files");
    mkdirSync(dir, { recursive: true });
    const mainSource = [
      "from lib import divide",
      "",
      "def outer(n):",
      "    return divide(n, n - 3)",
      "",
      'print("start")',
      "print(outer(5))",
      "print(outer(3))",
    ];
    const libSource = ["def divide(a, b):", "    return a // b"];
    const mainFile = join(dir, "main.py");
    const libFile = join(dir, "lib.py");
    writeFileSync(mainFile, `${mainSource.join("\n")}\n`);
    writeFileSync(libFile, `${libSource.join("\n")}\n`);
    const { m, b } = newProgram(mainFile);
    const params = [
      { name: "a", type: types.i64 },
      { name: "b", type: types.i64 },
    ];
    const divide = addFunction(m, "divide", "divide", params, types.i64, { sourceFile: libFile });
    const d = new IrBuilder(divide, m);
    d.positionAt(d.createBlock("entry"));
    // lib.py's line 2: a location naming its own file.
    const raise: RaiseInfo = {
      kind: "ZeroDivisionError",
      message: "integer division or modulo by zero",
      loc: { file: libFile, line: 2, col: 11 },
    };
    d.ret(d.ibinary("floordiv", divide.params[0]!, divide.params[1]!, raise));
    const outer = addFunction(m, "outer", "outer", [{ name: "n", type: types.i64 }], types.i64);
    const o = new IrBuilder(outer, m);
    o.positionAt(o.createBlock("entry"));
    const n = outer.params[0]!;
    o.ret(o.call(divide, [n, o.ibinary("sub", n, constants.int(3n), null)], loc(4, 11)));
    print(b, constants.str("start"));
    print(b, b.call(outer, [constants.int(5n)], loc(7, 6)));
    print(b, b.call(outer, [constants.int(3n)], loc(8, 6)));
    finish(b);

    const sourceLines = new Map([
      [mainFile, mainSource],
      [libFile, libSource],
    ]);
    const ours = runProgram(await buildProgram(m, { sourceLines }));
    const cpython = runPythonFile(mainFile);
    assert.equal(cpython.status, 1);
    assert.match(cpython.stderr, /lib\.py", line 2, in divide/);
    assert.equal(ours.status, 1);
    assert.equal(ours.stdout, cpython.stdout);
    assert.equal(ours.stderr, withoutCarets(cpython.stderr));
  });

  it("folds a recursion's repeated entries into '[Previous line repeated N more times]'", async () => {
    const source = [
      "def countdown(n):",
      "    if n == 0:",
      "        return 1 // n",
      "    return countdown(n - 1)",
      "",
      "print(countdown(50))",
    ];
    const file = join(testWorkDir(), "recursion.py");
    writeFileSync(file, `${source.join("\n")}\n`);
    const { m, b } = newProgram(file);
    const countdown = addFunction(m, "countdown", "countdown", [{ name: "n", type: types.i64 }], types.i64);
    const c = new IrBuilder(countdown, m);
    const entry = c.createBlock("entry");
    const zero = c.createBlock("zero");
    const more = c.createBlock("more");
    c.positionAt(entry);
    const n = countdown.params[0]!;
    c.condbr(c.icmp("eq", n, constants.int(0n)), zero, more);
    c.positionAt(zero);
    c.ret(
      c.ibinary(
        "floordiv",
        constants.int(1n),
        n,
        raiseInfo("ZeroDivisionError", "integer division or modulo by zero", 3),
      ),
    );
    c.positionAt(more);
    c.ret(c.call(countdown, [c.ibinary("sub", n, constants.int(1n), null)], loc(4, 11)));
    print(b, b.call(countdown, [constants.int(50n)], loc(6, 6)));
    finish(b);

    const ours = runProgram(await buildProgram(m, { sourceLines: new Map([[file, source]]) }));
    assert.equal(ours.stderr, withoutCarets(runPythonFile(file).stderr));
    assert.match(ours.stderr, /\[Previous line repeated 47 more times\]/);
    assert.equal(ours.status, 1);
  });

  it("shows just the kind when the message is empty, and no source lines without a line table", async () => {
    const { m, b } = newProgram("bare.py");
    print(b, constants.str("before"));
    b.raise(raiseInfo("AssertionError", "", 3));
    const result = runProgram(await buildProgram(m));
    assert.equal(result.stdout, "before\n");
    assert.equal(
      result.stderr,
      'Traceback (most recent call last):\n  File "bare.py", line 3, in <module>\nAssertionError\n',
    );
    assert.equal(result.status, 1);
  });

  it("raises run-time messages from the front end (rt_raise_message) and from runtime functions", async () => {
    const { m, b } = newProgram("dynamic.py");
    const message = rt(b, "rt_str_concat", [constants.str("bad value: "), argv(b, constants.int(1n))], null);
    rt(b, "rt_raise_message", [constants.str("ValueError"), message], loc(7));
    b.terminate({ kind: "unreachable" });
    const result = runProgram(await buildProgram(m), ["x"]);
    assert.equal(lastLine(result.stderr), "ValueError: bad value: x");
    assert.match(result.stderr, /line 7, in <module>/);
    const missing = runProgram(await buildProgram(m), []);
    assert.equal(lastLine(missing.stderr), "IndexError: list index out of range");
    assert.match(missing.stderr, /line 1, in <module>/);
  });
});

describe("integer arithmetic", () => {
  it("floor division, modulo and shifts follow Python's sign rules (operands from argv, a loop with a phi)", async () => {
    const { m, b } = newProgram();
    argvLoop(b, 1, 2, (i) => {
      const x = toInt(b, at(b, i, 0));
      const y = toInt(b, at(b, i, 1));
      const zero = raiseInfo("ZeroDivisionError", "integer division or modulo by zero", 2);
      const shift = b.ibinary("and", y, constants.int(63n), null);
      print(
        b,
        b.ibinary("floordiv", x, y, zero),
        b.ibinary("floormod", x, y, zero),
        b.ibinary("ashr", x, shift, null),
        b.ibinary("floordiv", x, y, null),
        b.ibinary("floormod", x, y, null),
      );
    });
    finish(b);
    const random = seededRandom(7);
    const pairs: [bigint, bigint][] = [
      [7n, 2n],
      [-7n, 2n],
      [7n, -2n],
      [-7n, -2n],
      [0n, -5n],
      [6n, 3n],
      [-6n, 3n],
      [INT64_MIN, 1n],
      [INT64_MIN, -2n],
      [INT64_MIN, INT64_MAX],
      [INT64_MAX, INT64_MIN],
      [INT64_MAX, -1n],
      [INT64_MIN + 1n, -1n],
      [1n, INT64_MIN],
      [-1n, INT64_MIN],
    ];
    for (let k = 0; k < 200; k++) {
      const big = () => BigInt(Math.floor((random() - 0.5) * 2 ** 53)) * BigInt(Math.floor(random() * 1024) + 1);
      const small = () => BigInt(Math.floor((random() - 0.5) * 200));
      const a = random() < 0.5 ? big() : small();
      let d = random() < 0.5 ? big() : small();
      if (d === 0n) d = 3n;
      pairs.push([a, d]);
    }
    const args = pairs.flatMap(([a, d]) => [a.toString(), d.toString()]);
    const reference = python(
      "import sys\nargs = sys.stdin.read().split()\nfor i in range(0, len(args), 2):\n  x, y = int(args[i]), int(args[i+1])\n  print(x // y, x % y, x >> (y & 63), x // y, x % y)",
      args.join(" "),
    );
    const ours = runProgram(await buildProgram(m), args);
    assert.equal(ours.stderr, "");
    assert.equal(ours.stdout, reference.stdout);
  });

  it("checked operations raise exactly when CPython's result does not fit in 64 bits or CPython raises", async () => {
    const overflow = raiseInfo("OverflowError", "integer overflow", 4);
    const ops: { name: string; emit: (b: IrBuilder, x: Value, y: Value) => Value; python: string }[] = [
      ...(["add", "sub", "mul", "floordiv", "floormod", "shl", "ashr", "pow"] as IntBinaryOp[]).map((op) => ({
        name: op,
        emit: (b: IrBuilder, x: Value, y: Value) => b.ibinary(op, x, y, overflow),
        python: {
          add: "x + y",
          sub: "x - y",
          mul: "x * y",
          floordiv: "x // y",
          floormod: "x % y",
          shl: "x << y",
          ashr: "x >> y",
          pow: "x ** y",
        }[op as string]!,
      })),
      { name: "neg", emit: (b, x) => b.ineg(x, overflow), python: "-x" },
      ...[0n, 1n, 2n, 3n, 7n, 62n, 64n].map((e) => ({
        name: `pow${e}`,
        emit: (b: IrBuilder, x: Value) => b.ibinary("pow", x, constants.int(e), overflow),
        python: `x ** ${e}`,
      })),
    ];
    const { m, b } = newProgram();
    const op = toInt(b, argv(b, constants.int(1n)));
    const x = toInt(b, argv(b, constants.int(2n)));
    const y = toInt(b, argv(b, constants.int(3n)));
    ops.forEach((o, index) => {
      const then = b.createBlock(`op.${o.name}`);
      const next = b.createBlock(`not.${o.name}`);
      b.condbr(b.icmp("eq", op, constants.int(BigInt(index))), then, next);
      b.positionAt(then);
      print(b, o.emit(b, x, y));
      b.ret(null);
      b.positionAt(next);
    });
    finish(b);
    const path = await buildProgram(m);

    const random = seededRandom(11);
    const interesting = [0n, 1n, -1n, 2n, -2n, 3n, 62n, 63n, 64n, 65n, 3037000499n, 3037000500n, -3037000500n];
    interesting.push(INT64_MAX, INT64_MIN, INT64_MAX - 1n, INT64_MIN + 1n, 2n ** 31n, -(2n ** 32n));
    const cases: [number, bigint, bigint][] = [];
    ops.forEach((o, index) => {
      for (let k = 0; k < 14; k++) {
        const pick = () => interesting[Math.floor(random() * interesting.length)]!;
        let a = pick();
        let c = pick();
        if (o.name === "pow" && c < 0n) c = -c;
        if (o.name === "pow" && c > 70n) c = c % 70n;
        if ((o.name === "shl" || o.name === "ashr") && random() < 0.5) c = BigInt(Math.floor(random() * 70) - 3);
        if (o.name === "floordiv" && k === 0) [a, c] = [INT64_MIN, -1n];
        cases.push([index, a, c]);
      }
    });
    const reference = JSON.parse(
      pythonOutput(
        `import json, sys
ops = ${JSON.stringify(ops.map((o) => o.python))}
out = []
for op, x, y in json.load(sys.stdin):
    x, y = int(x), int(y)
    try:
        r = eval(ops[op])
        out.append(str(r) if -2**63 <= r < 2**63 else None)
    except (ZeroDivisionError, ValueError, OverflowError, MemoryError):
        out.append(None)
print(json.dumps(out))`,
        JSON.stringify(cases.map(([o, a, c]) => [o, a.toString(), c.toString()])),
      ),
    ) as (string | null)[];
    cases.forEach(([o, a, c], k) => {
      const result = runProgram(path, [String(o), a.toString(), c.toString()]);
      const what = `${ops[o]!.python} with x=${a}, y=${c}`;
      if (reference[k] === null) {
        assert.equal(result.status, 1, what);
        assert.equal(lastLine(result.stderr), "OverflowError: integer overflow", what);
      } else {
        assert.equal(result.stderr, "", what);
        assert.equal(result.stdout, `${reference[k]}\n`, what);
      }
    });
  });
});

describe("tagged integers", () => {
  // The back end's tagged instructions with Python's int as their fallback: inline on immediates,
  // the runtime otherwise, and the two must agree with CPython everywhere, above all at the edges of
  // the immediate range (2**62) and of 64 bits, for every sign.
  const fallbacks = INT_FALLBACKS;
  const pythonOf = {
    tadd: "x + y",
    tsub: "x - y",
    tmul: "x * y",
    tfloordiv: "x // y",
    tfloormod: "x % y",
    tand: "x & y",
    tor: "x | y",
    txor: "x ^ y",
    tshl: "x << y",
    tashr: "x >> y",
  } as const;
  const compares = ["eq", "ne", "lt", "le", "gt", "ge"] as const;

  it("agree with CPython's int on every operation, at the edges of the immediates and of 64 bits", async () => {
    const ops = Object.keys(fallbacks) as (keyof typeof fallbacks)[];
    const { m, b } = newProgram("tagged.py");
    const op = toInt(b, argv(b, constants.int(1n)));
    const x = toTagged(b, argv(b, constants.int(2n)));
    const y = toTagged(b, argv(b, constants.int(3n)));
    const f = (name: string) => lookupPythonRuntimeFunction(name)!;
    ops.forEach((name, index) => {
      const then = b.createBlock(`op.${name}`);
      const next = b.createBlock(`not.${name}`);
      b.condbr(b.icmp("eq", op, constants.int(BigInt(index))), then, next);
      b.positionAt(then);
      const fallback = f(fallbacks[name]);
      const result = b.tbinary(name, x, y, fallback, fallback.canFail ? loc(4) : null);
      // The comparisons of the operands, and the result through tunbox/tbox when it fits 64 bits.
      const orders = compares.map((c) => b.tcmp(c, x, y, f("py_int_compare")));
      print(b, result, ...orders, b.tbox(rt(b, "py_int_to_i64", [result], loc(5)), f("py_int_from_i64")));
      b.ret(null);
      b.positionAt(next);
    });
    finish(b);
    const path = await buildProgram(m);
    const random = seededRandom(23);
    const edges = [0n, 1n, -1n, 2n, 3n, 62n, 63n, 64n, 2n ** 31n, 2n ** 32n + 7n];
    for (const e of [61n, 62n, 63n, 64n, 100n]) edges.push(2n ** e, 2n ** e - 1n, 2n ** e + 1n);
    const pool = [...edges, ...edges.map((v) => -v)];
    const cases: [number, bigint, bigint][] = [];
    ops.forEach((name, index) => {
      for (let k = 0; k < 40; k++) {
        const x = pool[Math.floor(random() * pool.length)]!;
        let y = pool[Math.floor(random() * pool.length)]!;
        if ((name === "tshl" || name === "tashr") && random() < 0.7) y = BigInt(Math.floor(random() * 80) - 4);
        // Shifting left by 2**61 asks for more memory than there is (MemoryError in both).
        if (name === "tshl" && y > 200n) y %= 200n;
        cases.push([index, x, y]);
      }
    });
    const reference = JSON.parse(
      pythonOutput(
        `import json, sys
ops = ${JSON.stringify(ops.map((o) => pythonOf[o]))}
out = []
for op, x, y in json.load(sys.stdin):
    x, y = int(x), int(y)
    try:
        r = eval(ops[op])
    except (ZeroDivisionError, ValueError) as e:
        out.append(["error", f"{type(e).__name__}: {e}"])
        continue
    orders = [x == y, x != y, x < y, x <= y, x > y, x >= y]
    fits = -2**63 <= r < 2**63
    out.append(["ok" if fits else "big", " ".join(str(v) for v in [r, *orders])])
print(json.dumps(out))`,
        JSON.stringify(cases.map(([o, a, c]) => [o, a.toString(), c.toString()])),
      ),
    ) as [string, string][];
    cases.forEach(([o, a, c], k) => {
      const result = runProgram(path, [String(o), a.toString(), c.toString()]);
      const what = `${pythonOf[ops[o]!]} with x=${a}, y=${c}`;
      const [outcome, text] = reference[k]!;
      if (outcome === "error") {
        assert.equal(lastLine(result.stderr), text, what);
        assert.equal(result.status, 1, what);
      } else if (outcome === "ok") {
        assert.equal(result.stderr, "", what);
        assert.equal(result.stdout, `${text} ${text.split(" ")[0]}\n`, what);
      } else {
        // Beyond 64 bits the result prints, then converting it to an i64 raises.
        assert.equal(result.stdout, "", what);
        assert.equal(lastLine(result.stderr), "OverflowError: Python int too large to convert to C long", what);
      }
    });
  });
});

describe("float arithmetic", () => {
  it("matches CPython for /, //, %, ** and int() of floats, raising where CPython raises", async () => {
    const ops: { python: string; emit: (b: IrBuilder, x: Value, y: Value) => Value }[] = (
      ["fadd", "fsub", "fmul", "fdiv", "ffloordiv", "fmod", "fpow"] as FloatBinaryOp[]
    ).map((op) => ({
      python: {
        fadd: "x + y",
        fsub: "x - y",
        fmul: "x * y",
        fdiv: "x / y",
        ffloordiv: "x // y",
        fmod: "x % y",
        fpow: "x ** y",
      }[op],
      emit: (b, x, y) => b.fbinary(op, x, y, raiseInfo("ArithmeticError", "float operation failed", 2)),
    }));
    ops.push({
      python: "int(x)",
      emit: (b, x) => b.toint(x, raiseInfo("ArithmeticError", "float operation failed", 2)),
    });
    ops.push({ python: "x != y", emit: (b, x, y) => b.fcmp("ne", x, y) });
    ops.push({ python: "x <= y", emit: (b, x, y) => b.fcmp("le", x, y) });
    ops.push({ python: "-x", emit: (b, x) => b.fneg(x) });
    const { m, b } = newProgram();
    argvLoop(b, 1, 3, (i) => {
      const op = toInt(b, at(b, i, 0));
      const x = toFloat(b, at(b, i, 1));
      const y = toFloat(b, at(b, i, 2));
      const done = b.createBlock("done");
      ops.forEach((o, index) => {
        const then = b.createBlock("op");
        const next = b.createBlock("next");
        b.condbr(b.icmp("eq", op, constants.int(BigInt(index))), then, next);
        b.positionAt(then);
        print(b, o.emit(b, x, y));
        b.br(done);
        b.positionAt(next);
      });
      b.br(done);
      b.positionAt(done);
    });
    finish(b);
    const path = await buildProgram(m);
    const values = ["0.0", "-0.0", "1.0", "-1.0", "2.5", "-2.5", "3.0", "-8.0", "0.5", "1e308", "-1e308", "1e-320"];
    values.push("inf", "-inf", "nan", "7.0", "-7.0", "0.1", "1e16", "9.3e18", "-9.2233720368547758e18", "123.456");
    const random = seededRandom(5);
    const cases: [number, string, string][] = [];
    for (let k = 0; k < 900; k++) {
      const pick = () => values[Math.floor(random() * values.length)]!;
      cases.push([k % ops.length, pick(), pick()]);
    }
    const reference = JSON.parse(
      pythonOutput(
        `import json, sys
ops = ${JSON.stringify(ops.map((o) => o.python))}
out = []
for op, x, y in json.load(sys.stdin):
    x, y = float(x), float(y)
    try:
        r = eval(ops[op])
        fits = not isinstance(r, int) or isinstance(r, bool) or -2**63 <= r < 2**63
        out.append(repr(r) if fits and not isinstance(r, complex) else None)
    except (ZeroDivisionError, ValueError, OverflowError):
        out.append(None)
print(json.dumps(out))`,
        JSON.stringify(cases),
      ),
    ) as (string | null)[];
    // Cases CPython completes run together in one process; each failing case runs alone.
    const passing = cases.filter((_, k) => reference[k] !== null);
    const expected = reference.filter((r) => r !== null).map((r) => `${r}\n`);
    const together = runProgram(path, passing.flat().map(String));
    if (together.stderr !== "") {
      for (const [o, x, y] of passing) {
        assert.equal(runProgram(path, [String(o), x, y]).stderr, "", `${ops[o]!.python}: x=${x}, y=${y}`);
      }
    }
    assert.deepEqual(together.stdout.split(/(?<=\n)/), expected);
    cases.forEach(([o, x, y], k) => {
      if (reference[k] !== null) return;
      const result = runProgram(path, [String(o), x, y]);
      assert.equal(lastLine(result.stderr), "ArithmeticError: float operation failed", `${ops[o]!.python}: ${x}, ${y}`);
      assert.equal(result.status, 1);
    });
  });

  it("prints float constants with CPython's repr", async () => {
    const random = seededRandom(3);
    const view = new DataView(new ArrayBuffer(8));
    const values: number[] = [0, -0, 0.1, 1e16, 1e-5, 1.5, 123456789, 1e22, 5e-324, 1.7976931348623157e308, Number.NaN];
    values.push(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 60, 2 ** -1022, 1 / 3, 2 / 3, 0.3);
    for (let k = 0; k < 1500; k++) {
      if (k % 3 === 0) values.push((random() - 0.5) * 10 ** Math.floor(random() * 40 - 20));
      else if (k % 3 === 1) values.push(2 ** Math.floor(random() * 2098 - 1074));
      else {
        view.setUint32(0, Math.floor(random() * 2 ** 32));
        view.setUint32(4, Math.floor(random() * 2 ** 32));
        values.push(view.getFloat64(0));
      }
    }
    const { m, b } = newProgram();
    for (const v of values) print(b, constants.float(v));
    finish(b);
    const bits = values.map((v) => {
      view.setFloat64(0, v);
      return view.getBigUint64(0).toString(16);
    });
    const expected = pythonOutput(
      "import struct, sys\nfor h in sys.stdin.read().split():\n  print(repr(struct.unpack('>d', int(h, 16).to_bytes(8, 'big'))[0]))",
      bits.join("\n"),
    );
    assert.equal(runProgram(await buildProgram(m)).stdout, expected);
  });
});

describe("strings, formatting and conversions", () => {
  it("formats ints, floats and strs with format specs as format() does", async () => {
    const { m, b } = newProgram();
    argvLoop(b, 1, 3, (i) => {
      const kind = toInt(b, at(b, i, 0));
      const text = at(b, i, 1);
      const spec = at(b, i, 2);
      const isInt = b.createBlock("int");
      const notInt = b.createBlock("not.int");
      const isFloat = b.createBlock("float");
      const isStr = b.createBlock("str");
      const done = b.createBlock("done");
      b.condbr(b.icmp("eq", kind, constants.int(0n)), isInt, notInt);
      b.positionAt(isInt);
      print(b, rt(b, "py_int_format", [toTagged(b, text), spec], loc(3)));
      b.br(done);
      b.positionAt(notInt);
      b.condbr(b.icmp("eq", kind, constants.int(1n)), isFloat, isStr);
      b.positionAt(isFloat);
      print(b, rt(b, "py_format_f64", [toFloat(b, text), spec], loc(3)));
      b.br(done);
      b.positionAt(isStr);
      print(b, rt(b, "py_format_str", [text, spec], loc(3)));
      b.br(done);
      b.positionAt(done);
    });
    finish(b);
    const specs = ["", "10", "<10", ">10", "^10", "*^11", "+", " ", "010", "010,", ",", "_", "#x", "#_b", "X", "o"];
    specs.push("e", ".3e", "E", ".2f", "F", "%", ".1%", "g", ".3g", "G", "#g", ".0f", "#.0f", "z.1f", "n", ".3", "c");
    specs.push("s", ".2s", "é>8", "=+12,.2f", "0=12", "-^9.4");
    const values: [number, string][] = [];
    for (const v of ["0", "-1", "42", "1234567", "-9223372036854775808", "9223372036854775807", "65"])
      values.push([0, v]);
    for (const v of ["0.0", "-0.0", "1.5", "-1234.5678", "1e20", "1e-7", "inf", "-inf", "nan", "0.125", "2.5"])
      values.push([1, v]);
    for (const v of ["", "abc", "héllo wörld", "日本"]) values.push([2, v]);
    const cases = values.flatMap(([kind, v]) => specs.map((s) => [kind, v, s] as [number, string, string]));
    const reference = JSON.parse(
      pythonOutput(
        `import json, sys
out = []
for kind, v, spec in json.load(sys.stdin):
    x = int(v) if kind == 0 else float(v) if kind == 1 else v
    try:
        out.append(format(x, spec))
    except (ValueError, OverflowError):
        out.append(None)
print(json.dumps(out))`,
        JSON.stringify(cases),
      ),
    ) as (string | null)[];
    const passing = cases.filter((_, k) => reference[k] !== null);
    assert.ok(passing.length > 500);
    const ours = runProgram(await buildProgram(m), passing.flat().map(String));
    assert.equal(ours.stderr, "");
    assert.equal(
      ours.stdout,
      reference
        .filter((r) => r !== null)
        .map((r) => `${r}\n`)
        .join(""),
    );
  });

  it("int() and float() accept and reject strings as CPython does, with its messages", async () => {
    const { m, b } = newProgram("convert.py");
    const kind = toInt(b, argv(b, constants.int(1n)));
    const text = argv(b, constants.int(2n));
    const isInt = b.createBlock("int");
    const isFloat = b.createBlock("float");
    b.condbr(b.icmp("eq", kind, constants.int(0n)), isInt, isFloat);
    b.positionAt(isInt);
    print(b, rt(b, "py_int_from_str", [text], loc(2)));
    b.ret(null);
    b.positionAt(isFloat);
    print(b, rt(b, "py_str_to_f64", [text], loc(3)));
    finish(b);
    const path = await buildProgram(m);
    const texts = [" 12 ", "+5", "-0", "1_000", "1__0", "_1", "1_", "- 1", "0x10", "١٢", "1\u00a0", "", "abc", "1e5"];
    texts.push("9223372036854775807", "-9223372036854775808", "1.5", " -2.5e-3\n", "inf", "-Infinity", "nAn", "1_0.5");
    texts.push("1._5", "1e", ".5", "5.", "0x1p3", "nan(1)", "x".repeat(300), "'quoted'");
    const cases = texts.flatMap((t) => [
      [0, t],
      [1, t],
    ]) as [number, string][];
    const reference = JSON.parse(
      pythonOutput(
        `import json, sys
out = []
for kind, text in json.load(sys.stdin):
    try:
        out.append(["ok", repr(int(text) if kind == 0 else float(text))])
    except ValueError as e:
        out.append(["error", f"ValueError: {e}"])
print(json.dumps(out))`,
        JSON.stringify(cases),
      ),
    ) as [string, string][];
    cases.forEach(([k, t], index) => {
      const result = runProgram(path, [String(k), t]);
      const [outcome, text] = reference[index]!;
      if (outcome === "ok") {
        assert.equal(result.stdout, `${text}\n`, JSON.stringify(t));
      } else {
        assert.equal(lastLine(result.stderr), text, JSON.stringify(t));
        assert.match(result.stderr, new RegExp(`line ${k === 0 ? 2 : 3}, in <module>`));
        assert.equal(result.status, 1);
      }
    });
  });

  it("concatenates, compares, measures and reprs UTF-8 strings", async () => {
    const { m, b } = newProgram();
    const words = ["", "a", "abc", "abd", "héllo", "日本語", "it's", 'say "hi"', "tab\there", "\u0085x"];
    for (const x of words) {
      const a = constants.str(x);
      print(b, rt(b, "rt_str_len", [a], null), rt(b, "py_str_repr", [a], null));
      for (const y of words.slice(0, 5)) {
        const c = constants.str(y);
        print(
          b,
          rt(b, "rt_str_concat", [a, c], null),
          rt(b, "rt_str_compare", [a, c], null),
          rt(b, "rt_str_eq", [a, c], null),
        );
      }
    }
    finish(b);
    const expected = pythonOutput(
      `import json, sys
words = json.load(sys.stdin)
for x in words:
    print(len(x), repr(x))
    for y in words[:5]:
        print(x + y, (x > y) - (x < y), x == y)`,
      JSON.stringify(words),
    );
    assert.equal(runProgram(await buildProgram(m)).stdout, expected);
  });
});

describe("the process", () => {
  it("reports unbounded recursion (a native stack overflow) as RecursionError after flushing stdout", async () => {
    const { m, b } = newProgram();
    const deep = addFunction(m, "deep", "deep", [{ name: "n", type: types.i64 }], types.i64);
    const d = new IrBuilder(deep, m);
    d.positionAt(d.createBlock("entry"));
    const inner = d.call(deep, [d.ibinary("add", deep.params[0]!, constants.int(1n), null)], loc(2));
    d.ret(d.ibinary("add", inner, constants.int(1n), raiseInfo("OverflowError", "integer overflow", 2)));
    print(b, constants.str("before"));
    print(b, b.call(deep, [constants.int(0n)], loc(4)));
    finish(b);
    const result = runProgram(await buildProgram(m));
    assert.equal(result.stdout, "before\n");
    assert.match(result.stderr, /^RecursionError: maximum recursion depth exceeded/);
    assert.equal(result.status, 1);
  });
});
