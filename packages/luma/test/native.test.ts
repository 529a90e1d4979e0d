// End-to-end: LumaScript programs compiled to native executables and run, their output compared
// with output written by hand; and programs using constructs not lowered yet, refused with E0400.
// Builds run two at a time (the machine is shared); each program runs under a timeout.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { buildLumaModule, compileLuma } from "../src/build-luma.js";

interface Case {
  readonly name: string;
  readonly source: string;
  readonly stdout: string;
  readonly stderr?: string;
  readonly status?: number;
}

const CASES: readonly Case[] = [
  {
    name: "recursion and loops",
    source: `
func fib(n: i64) -> i64 {
    if (n < 2) { return n; }
    return fib(n - 1) + fib(n - 2);
}
func fib_loop(n: i64) -> i64 {
    let a = 0; let b = 1;
    for i in 0..n { let t = a + b; a = b; b = t; }
    return a;
}
func main() {
    println("{} {}", fib(20), fib_loop(90));
    let n = 0;
    let i = 0;
    while (true) {
        i += 1;
        if (i % 2 == 0) { continue; }
        if (i > 9) { break; }
        n += i;
    }
    println("odd sum {}", n);
    for k in 3..1 { println("never {}", k); }
    for _ in 0..2 { print("x"); }
    println("");
}`,
    stdout: "6765 2880067194370816120\nodd sum 25\nxx\n",
  },
  {
    name: "integers wrap and casts are explicit",
    source: `
func main() {
    let a: u8 = 250;
    a += 10;
    let b: i8 = 127;
    b += 1;
    let c: i64 = 9223372036854775807;
    c = c + 1;
    let d: u64 = 0;
    d -= 1;
    println("{} {} {} {}", a, b, c, d);
    println("{} {} {}", 300 as i64 as u8, -1 as i64 as u32, 3.99 as i64);
    println("{} {} {}", -3.99 as i64, 1e30 as i32, -5.0 as u8);
    println("{} {} {}", -7 / 2, -7 % 2, 7 / -2);
    println("{} {} {}", 1 << 62, -16 >> 2, (200 as u8) >> 3);
    println("{} {} {}", 0xff & 0x0f, 6 | 9, 5 ^ 3);
    println("{} {} {}", ~0, 2 ** 10, 3 ** 41);
    let big: u64 = 18446744073709551615;
    println("{} {} {}", big > 1, big >> 60, big / 3);
    println("{} {}", true as i64, 65 as u8 as f64);
}`,
    stdout:
      "4 -128 -9223372036854775808 18446744073709551615\n" +
      "44 4294967295 3\n" +
      "-3 2147483647 0\n" +
      "-3 -1 -3\n" +
      "4611686018427387904 -4 25\n" +
      "15 15 6\n" +
      "-1 1024 -420491770248316829\n" +
      "true 15 6148914691236517205\n" +
      "1 65.0\n",
  },
  {
    name: "floats print shortest, with .0 or an exponent",
    source: `
func main() {
    println("{} {} {} {}", 1.0, 0.1, 2.5e-7, 1e20);
    println("{} {} {} {}", 0.1 + 0.2, 1.0 / 3.0, 100.0, 123456789.125);
    println("{} {} {}", 1e16, 1e15, 0.0001);
    let x: f32 = 0.1;
    println("{} {} {}", x, x as f64, -0.0);
    println("{:.3} [{:>8}] [{:<6}] [{:6.2}]", 3.14159, 42, "ab", 2.5);
    println("{} {} {}", 1.0 / 0.0, -1.0 / 0.0, 7.5 % 2.0);
    println("{} {} {}", sqrt(2.0), floor(-2.5), pow(2.0, 0.5));
    println("{} {} {}", abs(-3), max(2, 9), min(1.5, -1.5));
    println("{}", 2.0 ** 10.0);
}`,
    stdout:
      "1.0 0.1 2.5e-07 1e+20\n" +
      "0.30000000000000004 0.3333333333333333 100.0 123456789.125\n" +
      "1e+16 1000000000000000.0 0.0001\n" +
      "0.1 0.10000000149011612 -0.0\n" +
      "3.142 [      42] [ab    ] [  2.50]\n" +
      "inf -inf 1.5\n" +
      "1.4142135623730951 -3.0 1.4142135623730951\n" +
      "3 9 -1.5\n" +
      "1024.0\n",
  },
  {
    name: "bools, short-circuit, strings and format",
    source: `
const GREETING: string = "hello";
func loud(b: bool) -> bool { print("[{}]", b); return b; }
func main() {
    let t = loud(false) && loud(true);
    let u = loud(true) || loud(false);
    println(" {} {} {}", t, u, !t);
    let s = GREETING + ", " + format("{}-{}", "world", 42);
    println(s);
    println("{} {} {}", s == "hello, world-42", "a" < "b", "b" != "b");
    println("{{}} {}", 3 >= 3 && 2.5 < 1.0);
    if (1 > 2) { println("no"); } else if (2 > 1) { println("yes"); } else { println("no"); }
}`,
    stdout: "[false][true] false true true\nhello, world-42\ntrue true false\n{} false\nyes\n",
  },
  {
    name: "generic instances",
    source: `
func bigger<T>(a: T, b: T) -> T { if (a > b) { return a; } return b; }
func main() {
    let small: u8 = 7;
    println("{} {} {}", bigger(3, 4), bigger(2.5, 1.5), bigger(small, 200));
}`,
    stdout: "4 2.5 200\n",
  },
  {
    name: "panic prints its message and place and exits with 101",
    source: `
func check(n: i64) {
    if (n > 2) {
        panic("too big: {}", n);
    }
}
func main() {
    println("before");
    for i in 0..5 { check(i); }
    println("after");
}`,
    stdout: "before\n",
    stderr: "panic: too big: 3\n  at main.ls:4:9\n",
    status: 101,
  },
  {
    name: "division by zero panics",
    source: `
func divide(a: i64, b: i64) -> i64 { return a / b; }
func main() {
    println("{}", divide(7, 2));
    println("{}", divide(1, 0));
}`,
    stdout: "3\n",
    stderr: "panic: attempt to divide by zero\n  at main.ls:2:45\n",
    status: 101,
  },
  {
    name: "assert_eq reports both values",
    source: `
func main() {
    assert(1 < 2);
    assert_eq(2 + 2, 4);
    assert_eq(1.5, 2.0);
}`,
    stdout: "",
    stderr: "panic: assertion `left == right` failed\n  left: 1.5\n right: 2.0\n  at main.ls:5:5\n",
    status: 101,
  },
];

/** Programs using a construct not lowered yet, and the text its diagnostic must contain. */
const UNSUPPORTED: readonly [string, string, string][] = [
  ["structs", 'struct P { x: i64 }\nfunc main() { let p = P { x: 1 }; println("{}", p.x); }', "structs"],
  [
    "enums and match",
    "enum E { A, B }\nfunc main() { let e = E::A; match e { E::A => {} E::B => {} } }",
    "enum variants",
  ],
  ["arrays", 'func main() { let a = [1, 2, 3]; println("{}", a[0]); }', "arrays"],
  ["growable arrays", "func main() { let xs: Array<i64> = Array::new(); xs.push(1); }", "Array::new"],
  ["Option", "func main() { let x: Option<i64> = Some(1); }", "enum variants"],
  ["closures", 'func main() { let f = |x: i64| x + 1; println("{}", f(1)); }', "closures"],
  ["rc", "func main() { let r = rc::new(1); }", "rc::new"],
  ["methods", "struct P { x: i64 }\nimpl P { func get(self) -> i64 { return self.x; } }\nfunc main() {}", "methods"],
  ["string methods", 'func main() { let n = "abc".len(); }', "len"],
];

function compile(source: string) {
  return compileLuma("main.ls", (path) => (path === "main.ls" ? source : undefined));
}

let dir = "";
const results = new Map<string, { stdout: string; stderr: string; status: number | null } | Error>();

/** Runs the tasks, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "luma-native-"));
  await pool(CASES, 2, async (c) => {
    try {
      const compiled = compile(c.source);
      const errors = compiled.diagnostics.filter((d) => d.severity === "error");
      if (compiled.module === null) throw new Error(errors.map((d) => d.message).join("\n"));
      const exe = join(dir, `p${CASES.indexOf(c)}`);
      await buildLumaModule(compiled.module, compiled.program, { output: exe, optLevel: 1 });
      const run = spawnSync(exe, [], { cwd: dir, timeout: 10_000, maxBuffer: 100_000, encoding: "utf8" });
      results.set(c.name, { stdout: run.stdout, stderr: run.stderr, status: run.status });
    } catch (error) {
      results.set(c.name, error instanceof Error ? error : new Error(String(error)));
    }
  });
});

after(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("LumaScript programs run natively", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const result = results.get(c.name);
      assert.ok(result !== undefined, "built and run");
      if (result instanceof Error) throw result;
      assert.equal(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr ?? "");
      assert.equal(result.status, c.status ?? 0);
    });
  }
});

describe("constructs not lowered yet are refused with a diagnostic", () => {
  for (const [name, source, text] of UNSUPPORTED) {
    test(name, () => {
      const compiled = compile(source);
      assert.equal(compiled.module, null);
      const diagnostics = compiled.diagnostics.filter((d) => d.severity === "error");
      assert.ok(diagnostics.length > 0, "a diagnostic");
      const first = diagnostics[0]!;
      assert.equal(first.code, "E0400", first.message);
      assert.match(first.message, /not supported yet by the compiler/);
      assert.ok(first.message.includes(text), first.message);
    });
  }

  test("a program without main", () => {
    const compiled = compile("func f() {}");
    assert.equal(compiled.module, null);
    assert.ok(compiled.diagnostics.some((d) => d.code === "E0401"));
  });
});
