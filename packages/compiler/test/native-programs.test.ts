// End to end through the real toolchain: IR modules built with the builder are emitted as LLVM IR,
// optimised and compiled by opt and llc, linked with the core runtime and the test language library
// (runtime-test-language/), run, and their stdout, stderr and exit status compared with what the IR
// means, computed here. Python's runtime library and CPython's referee for the same machinery are in
// packages/python/test/ir-programs.test.ts.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addFunction, addGlobal, constants, IrBuilder, strType } from "../src/ir/builder.js";
import { functionsThatCanRaise } from "../src/ir/can-raise.js";
import type { IrFunction, Module, Value } from "../src/ir/ir.js";
import { parseIrModule } from "../src/ir/text-parser.js";
import { types } from "../src/ir/types.js";
import { emitModule } from "../src/llvm/emit-llvm.js";
import { lookupRuntimeFunction } from "../src/runtime-functions.js";
import { parseValid } from "./ir-text.js";
import { buildProgram, runProgram } from "./native-build.js";
import { INT64_MAX, INT64_MIN, programKit } from "./program-kit.js";

const { newProgram, loc, raiseInfo, rt, finish } = programKit({
  entryName: "main",
  defaultFile: "test.src",
  lookup: lookupRuntimeFunction,
});

/** Writes the values separated by spaces and a newline: ints in decimal, i1 as 0 or 1, strs as they are. */
function print(b: IrBuilder, ...values: Value[]): void {
  values.forEach((v, i) => {
    if (i > 0) rt(b, "rt_write_str", [constants.str(" ")]);
    if (v.type === strType) rt(b, "rt_write_str", [v]);
    else rt(b, "rt_write_i64", [v.type === types.i1 ? b.zext(v) : v]);
  });
  rt(b, "rt_write_newline", []);
}

function argv(b: IrBuilder, index: Value): Value {
  return rt(b, "rt_argv_get", [index]);
}

/** A function of i64 parameters whose body `build` makes. */
function intFunction(m: Module, name: string, params: string[], build: (f: IrBuilder, fn: IrFunction) => void) {
  const fn = addFunction(
    m,
    name,
    name,
    params.map((p) => ({ name: p, type: types.i64 })),
    types.i64,
  );
  const f = new IrBuilder(fn, m);
  f.positionAt(f.createBlock("entry"));
  build(f, fn);
  return fn;
}

describe("errors and their report", () => {
  it("hands the language library the error and every frame, innermost first, after flushing stdout", async () => {
    const source = [
      "func divide(a, b)",
      "    return a // b",
      "",
      "func outer(n)",
      "    return divide(n, n - 3)",
      "",
      'write("start")',
      "write(outer(5))",
      "write(outer(3))",
      'write("never")',
    ];
    const { m, b } = newProgram("frames.src");
    const divide = intFunction(m, "divide", ["a", "b"], (f, fn) =>
      f.ret(f.ibinary("floordiv", fn.params[0]!, fn.params[1]!, raiseInfo("DivisionByZero", "division by zero", 2))),
    );
    const outer = intFunction(m, "outer", ["n"], (f, fn) => {
      const n = fn.params[0]!;
      f.ret(f.call(divide, [n, f.ibinary("sub", n, constants.int(3n), null)], loc(5, 11)));
    });
    print(b, constants.str("start"));
    print(b, b.call(outer, [constants.int(5n)], loc(8, 6)));
    print(b, b.call(outer, [constants.int(3n)], loc(9, 6)));
    print(b, constants.str("never"));
    finish(b);

    const result = runProgram((await buildProgram(m, { sourceLines: new Map([["frames.src", source]]) })).path);
    assert.equal(result.stdout, "start\n2\n");
    assert.equal(
      result.stderr,
      [
        "uncaught DivisionByZero: division by zero",
        "  at divide (frames.src:2)",
        "    return a // b",
        "  at outer (frames.src:5)",
        "    return divide(n, n - 3)",
        "  at main (frames.src:9)",
        "    write(outer(3))",
        "",
      ].join("\n"),
    );
    assert.equal(result.status, 1);
  });

  it("keeps every frame of a deep recursion, none folded, from the traceback store", async () => {
    const { m, b } = newProgram("recursion.src");
    const countdown = addFunction(m, "countdown", "countdown", [{ name: "n", type: types.i64 }], types.i64);
    const c = new IrBuilder(countdown, m);
    const entry = c.createBlock("entry");
    const zero = c.createBlock("zero");
    const more = c.createBlock("more");
    c.positionAt(entry);
    const n = countdown.params[0]!;
    c.condbr(c.icmp("eq", n, constants.int(0n)), zero, more);
    c.positionAt(zero);
    c.ret(c.ibinary("floordiv", constants.int(1n), n, raiseInfo("DivisionByZero", "", 3)));
    c.positionAt(more);
    c.ret(c.call(countdown, [c.ibinary("sub", n, constants.int(1n), null)], loc(4, 11)));
    print(b, b.call(countdown, [constants.int(50n)], loc(6, 6)));
    finish(b);

    const result = runProgram((await buildProgram(m)).path);
    const frames = [
      "  at countdown (recursion.src:3)",
      ...Array<string>(50).fill("  at countdown (recursion.src:4)"),
      "  at main (recursion.src:6)",
    ];
    assert.equal(result.stderr, ["uncaught DivisionByZero", ...frames, ""].join("\n"));
    assert.equal(result.status, 1);
  });

  it("reports just the kind when the message is empty, and no source lines without a line table", async () => {
    const { m, b } = newProgram("bare.src");
    print(b, constants.str("before"));
    b.raise(raiseInfo("AssertionFailed", "", 3));
    const result = runProgram((await buildProgram(m)).path);
    assert.equal(result.stdout, "before\n");
    assert.equal(result.stderr, "uncaught AssertionFailed\n  at main (bare.src:3)\n");
    assert.equal(result.status, 1);
  });

  it("names each frame's own file and shows its line from that file's source, in a module of two files", async () => {
    // `divide` comes from lib.ir, `outer` and `main` from main.ir; both files have a line 3.
    const m = parseValid(`
      module "main.ir"
      entry @main

      extern @rt_write_i64(i64) -> void memory any
      extern @rt_write_newline() -> void memory any

      func @divide(%a: i64, %b: i64) -> i64 file "lib.ir" {
      entry:
        %0 = floordiv i64 %a, %b raises DivisionByZero "division by zero" @3:4
        ret %0
      }

      func @outer(%n: i64) -> i64 {
      entry:
        %0 = sub i64 %n, 3
        %1 = call i64 @divide(%n, %0) @3:11
        ret %1
      }

      func @main() -> void {
      entry:
        %0 = call i64 @outer(5) @5:6
        call_extern void @rt_write_i64(%0)
        call_extern void @rt_write_newline()
        %1 = call i64 @outer(3) @6:6
        call_extern void @rt_write_i64(%1)
        call_extern void @rt_write_newline()
        ret
      }
    `);
    const sourceLines = new Map([
      [
        "main.ir",
        ['use "lib.ir"', "func outer(n)", "    return divide(n, n - 3)", "", "write(outer(5))", "write(outer(3))"],
      ],
      ["lib.ir", ["# helpers", "func divide(a, b)", "    return a // b"]],
    ]);
    const result = runProgram((await buildProgram(m, { sourceLines })).path);
    assert.equal(result.stdout, "2\n");
    assert.equal(
      result.stderr,
      [
        "uncaught DivisionByZero: division by zero",
        "  at divide (lib.ir:3)",
        "    return a // b",
        "  at outer (main.ir:3)",
        "    return divide(n, n - 3)",
        "  at main (main.ir:6)",
        "    write(outer(3))",
        "",
      ].join("\n"),
    );
    assert.equal(result.status, 1);
  });

  it("takes a frame's file from the failing instruction's location, not from its function", async () => {
    // @pick is main.ir's, but some of its code came from lib.ir (as inlining leaves it): failures and
    // calls at the same line of the two files must stay apart. `rt_argv_count` picks which one fails.
    const m = parseValid(`
      module "main.ir"
      entry @main

      extern @rt_argv_count() -> i64 memory read
      extern @rt_write_i64(i64) -> void memory any

      func @check(%x: i64) -> i64 file "lib.ir" {
      entry:
        %0 = floordiv i64 100, %x raises DivisionByZero "division by zero" @3:4
        ret %0
      }

      func @pick(%n: i64) -> i64 {
      entry:
        %0 = sub i64 %n, 1
        %1 = floordiv i64 100, %0 raises DivisionByZero "division by zero" @"lib.ir":3:4
        %2 = sub i64 %n, 2
        %3 = floordiv i64 100, %2 raises DivisionByZero "division by zero" @3:4
        %4 = sub i64 %n, 3
        %5 = call i64 @check(%4) @"lib.ir":2:0
        %6 = sub i64 %n, 4
        %7 = call i64 @check(%6) @2:0
        %8 = add i64 %1, %3
        %9 = add i64 %5, %7
        %10 = add i64 %8, %9
        ret %10
      }

      func @main() -> void {
      entry:
        %0 = call_extern i64 @rt_argv_count()
        %1 = call i64 @pick(%0) @5:0
        call_extern void @rt_write_i64(%1)
        ret
      }
    `);
    const sources: Record<string, string[]> = {
      "main.ir": ["main one", "main two", "main three", "main four", "main five"],
      "lib.ir": ["lib one", "lib two", "lib three"],
    };
    // The function form of the option: the lines of a file, or undefined when they are not known.
    const { path } = await buildProgram(m, { sourceLines: (file) => sources[file] });
    const report = (...frames: [string, string, number][]) =>
      [
        "uncaught DivisionByZero: division by zero",
        ...frames.flatMap(([fn, file, line]) => [`  at ${fn} (${file}:${line})`, `    ${sources[file]![line - 1]}`]),
        "  at main (main.ir:5)",
        "    main five",
        "",
      ].join("\n");
    const run = (args: number) => runProgram(path, Array<string>(args).fill("x")).stderr;
    assert.equal(run(0), report(["pick", "lib.ir", 3]));
    assert.equal(run(1), report(["pick", "main.ir", 3]));
    assert.equal(run(2), report(["check", "lib.ir", 3], ["pick", "lib.ir", 2]));
    assert.equal(run(3), report(["check", "lib.ir", 3], ["pick", "main.ir", 2]));
  });

  it("raises kinds and messages made at run time (rt_raise_message)", async () => {
    const { m, b } = newProgram("dynamic.src");
    const message = rt(b, "rt_str_concat", [constants.str("bad value: "), argv(b, constants.int(1n))], null);
    rt(b, "rt_raise_message", [constants.str("BadValue"), message], loc(7));
    b.terminate({ kind: "unreachable" });
    const result = runProgram((await buildProgram(m)).path, ["x"]);
    assert.equal(result.stderr, "uncaught BadValue: bad value: x\n  at main (dynamic.src:7)\n");
    assert.equal(result.status, 1);
  });
});

describe("integer arithmetic", () => {
  it("floors division and modulo of constant operands (folded by LLVM)", async () => {
    const { m, b } = newProgram();
    const pairs: [bigint, bigint][] = [
      [7n, -2n],
      [-7n, 2n],
      [-7n, -2n],
      [INT64_MIN, -2n],
      [INT64_MAX, INT64_MIN],
      [-1n, INT64_MIN],
    ];
    for (const [x, y] of pairs) {
      const info = raiseInfo("DivisionByZero", "division by zero", 1);
      print(
        b,
        b.ibinary("floordiv", constants.int(x), constants.int(y), info),
        b.ibinary("floormod", constants.int(x), constants.int(y), info),
      );
    }
    finish(b);
    const floorDiv = (x: bigint, y: bigint) => {
      const q = x / y;
      return q * y !== x && x < 0n !== y < 0n ? q - 1n : q;
    };
    const expected = pairs.map(([x, y]) => `${floorDiv(x, y)} ${x - floorDiv(x, y) * y}\n`).join("");
    assert.equal(runProgram((await buildProgram(m)).path).stdout, expected);
  });
});

describe("strings", () => {
  it("concatenates, compares, measures, slices and repeats UTF-8 text by code points", async () => {
    const words = ["", "a", "abc", "abd", "héllo", "日本語", "😀x", "\u0085x"];
    const { m, b } = newProgram();
    for (const x of words) {
      const a = constants.str(x);
      print(
        b,
        rt(b, "rt_str_len", [a], null),
        rt(b, "rt_str_slice", [a, constants.int(1n), constants.int(-1n)], null),
        rt(b, "rt_str_slice", [a, constants.int(-2n), constants.int(100n)], null),
        rt(b, "rt_str_repeat", [a, constants.int(2n)], null),
      );
      for (const y of words) {
        const c = constants.str(y);
        print(
          b,
          rt(b, "rt_str_concat", [a, c], null),
          rt(b, "rt_str_compare", [a, c], null),
          rt(b, "rt_str_eq", [a, c], null),
          rt(b, "rt_str_contains", [a, c], null),
        );
      }
    }
    finish(b);
    const codePoints = (s: string) => [...s].map((ch) => ch.codePointAt(0)!);
    const compare = (x: string, y: string): number => {
      const [p, q] = [codePoints(x), codePoints(y)];
      for (let i = 0; i < Math.min(p.length, q.length); i++) if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
      return Math.sign(p.length - q.length);
    };
    const slice = (s: string, start: number, stop: number) => [...s].slice(start, stop).join("");
    let expected = "";
    for (const x of words) {
      expected += `${[...x].length} ${slice(x, 1, -1)} ${slice(x, -2, 100)} ${x.repeat(2)}\n`;
      for (const y of words) expected += `${x + y} ${compare(x, y)} ${Number(x === y)} ${Number(x.includes(y))}\n`;
    }
    assert.equal(runProgram((await buildProgram(m)).path).stdout, expected);
  });
});

describe("functions, globals and the process", () => {
  it("runs a recursive function and keeps module globals", async () => {
    const { m, b } = newProgram();
    const calls = addGlobal(m, "calls", constants.int(0n));
    const label = addGlobal(m, "label", constants.str("fib"));
    const fib = addFunction(m, "fib", "fib", [{ name: "n", type: types.i64 }], types.i64);
    const f = new IrBuilder(fib, m);
    const entry = f.createBlock("entry");
    const base = f.createBlock("base");
    const recurse = f.createBlock("recurse");
    f.positionAt(entry);
    f.storeGlobal(calls, f.ibinary("add", f.loadGlobal(calls), constants.int(1n), null));
    const n = fib.params[0]!;
    f.condbr(f.icmp("lt", n, constants.int(2n)), base, recurse);
    f.positionAt(base);
    f.ret(n);
    f.positionAt(recurse);
    const overflow = raiseInfo("IntegerOverflow", "integer overflow", 4);
    const a = f.call(fib, [f.ibinary("sub", n, constants.int(1n), overflow)], loc(4));
    const c = f.call(fib, [f.ibinary("sub", n, constants.int(2n), overflow)], loc(4));
    f.ret(f.ibinary("add", a, c, overflow));
    print(b, b.loadGlobal(label), b.call(fib, [constants.int(25n)], loc(6)), b.loadGlobal(calls));
    b.storeGlobal(label, constants.str("done"));
    print(b, b.loadGlobal(label));
    finish(b);
    let count = 0;
    const reference = (k: number): number => {
      count++;
      return k < 2 ? k : reference(k - 1) + reference(k - 2);
    };
    const value = reference(25);
    assert.equal(runProgram((await buildProgram(m)).path).stdout, `fib ${value} ${count}\ndone\n`);
  });

  it("reads argv and exits with a status, flushing stdout first", async () => {
    const { m, b } = newProgram();
    const count = rt(b, "rt_argv_count", [], null);
    print(b, count, argv(b, b.ibinary("sub", count, constants.int(1n), null)), argv(b, constants.int(9n)));
    rt(b, "rt_write_str", [constants.str("partial line")], null);
    b.terminate({ kind: "exit", status: b.ibinary("add", count, constants.int(1n), null) });
    const result = runProgram((await buildProgram(m)).path, ["one", "two"]);
    assert.equal(result.stdout, "3 two \npartial line");
    assert.equal(result.stderr, "");
    assert.equal(result.status, 4);
  });

  it("reports a native stack overflow with the language library's line after flushing stdout", async () => {
    const { m, b } = newProgram();
    const deep = intFunction(m, "deep", ["n"], (d, fn) => {
      const inner = d.call(fn, [d.ibinary("add", fn.params[0]!, constants.int(1n), null)], loc(2));
      d.ret(d.ibinary("add", inner, constants.int(1n), raiseInfo("IntegerOverflow", "integer overflow", 2)));
    });
    print(b, constants.str("before"));
    print(b, b.call(deep, [constants.int(0n)], loc(4)));
    finish(b);
    const result = runProgram((await buildProgram(m)).path);
    assert.equal(result.stdout, "before\n");
    assert.equal(result.stderr, "fatal: stack overflow\n");
    assert.equal(result.status, 1);
  });

  it("writes an exit message to stderr after stdout's contents", async () => {
    const { m, b } = newProgram();
    print(b, constants.str("out"));
    rt(b, "rt_exit_message", [constants.str("goodbye")], null);
    b.terminate({ kind: "exit", status: constants.int(1n) });
    const result = runProgram((await buildProgram(m)).path);
    assert.deepEqual([result.stdout, result.stderr, result.status], ["out\n", "goodbye\n", 1]);
  });
});

describe("emitted LLVM IR", () => {
  function module(): { m: Module; pure: IrFunction; raising: IrFunction; caller: IrFunction } {
    const { m, b } = newProgram();
    const pure = addFunction(m, "pure", "pure", [{ name: "x", type: types.i64 }], types.i64);
    const p = new IrBuilder(pure, m);
    p.positionAt(p.createBlock("entry"));
    p.ret(p.ibinary("add", pure.params[0]!, constants.int(1n), null));
    const raising = addFunction(m, "raising", "raising", [{ name: "x", type: types.i64 }], types.i64);
    const r = new IrBuilder(raising, m);
    r.positionAt(r.createBlock("entry"));
    r.ret(
      r.ibinary("mul", raising.params[0]!, raising.params[0]!, raiseInfo("IntegerOverflow", "integer overflow", 2)),
    );
    const caller = addFunction(m, "caller", "caller", [{ name: "x", type: types.i64 }], types.i64);
    const c = new IrBuilder(caller, m);
    c.positionAt(c.createBlock("entry"));
    c.ret(c.call(raising, [c.call(pure, [caller.params[0]!], loc(3))], loc(3)));
    print(b, b.call(caller, [constants.int(5n)], loc(5)));
    finish(b);
    return { m, pure, raising, caller };
  }

  it("finds the functions that can raise by a fixpoint over calls", () => {
    const { m, pure, raising, caller } = module();
    const set = functionsThatCanRaise(m);
    assert.ok(set.has(raising) && set.has(caller) && set.has(m.entry!));
    assert.ok(!set.has(pure));
  });

  it("checks the pending error only after calls of functions that can raise; no fast-math", () => {
    const text = emitModule(module().m);
    const body = (name: string) => {
      const start = text.indexOf(`define internal fastcc i64 @"fn.${name}"(`);
      return text.slice(start, text.indexOf("\n}", start));
    };
    // A small function without loops or recursion: LLVM must inline it (llvm/small-functions.ts).
    assert.match(text, /define internal fastcc i64 @"fn\.pure"\(i64 %p0\) nounwind alwaysinline \{/);
    assert.ok(!body("pure").includes("rt_error_pending"));
    const caller = body("caller");
    // One check after the raising call, and the assumption at entry that nothing is pending yet.
    assert.equal(caller.split(/%t\d+ = load i8, ptr @rt_error_pending/).length - 1, 1, caller);
    assert.match(caller, /%pending\.at\.entry = load i8, ptr @rt_error_pending\n.*\n\s*call void @llvm\.assume/);
    assert.match(caller, /call void @rt_traceback_push\(ptr @\.cstr\.\d+, ptr @\.cstr\.\d+, i64 3\)/);
    assert.ok(!/\b(fast|nnan|ninf|nsz|arcp|contract|afn|reassoc)\b/.test(text));
  });

  it("tells LLVM which wrapping arithmetic a pass proved never overflows (nsw)", () => {
    const m = parseIrModule(`
      func @square(%x: i64) -> i64 exported {
      entry:
        %0 = and i64 %x, 65535
        %1 = mul i64 %0, %0 nsw
        %2 = mul i64 %x, %x
        ret %1
      }
    `);
    const text = emitModule(m);
    assert.match(text, /= mul nsw i64 %v0, %v0\n/);
    assert.match(text, /= mul i64 %p0, %p0\n/);
  });

  it("runs at every optimisation level", async () => {
    for (const optLevel of [0, 1, 3] as const) {
      const result = runProgram((await buildProgram(module().m, { optLevel })).path);
      assert.equal(result.stdout, "36\n");
    }
  });
});
