import assert from "node:assert/strict";
import { test } from "node:test";
import {
  constants,
  inlineBaseCases,
  optimizeFunction,
  optimizeModule,
  printFunction,
  printModule,
  validateModule,
} from "../src/index.js";
import { fibModule } from "./fib-module.js";
import { interpret } from "./ir-interpreter.js";
import { dedent, parseValid } from "./ir-text.js";

test("each call gets the callee's base case in front of it; results are unchanged", () => {
  const m = parseValid(fibModule());
  const [fib, main] = m.functions as [(typeof m.functions)[0], (typeof m.functions)[0]];
  // main's fib(20) is left as it is: 20 < 2 is false, so the test would only be folded away again.
  assert.deepEqual(
    inlineBaseCases(m).map((f) => f.name),
    ["fib"],
  );
  assert.deepEqual(validateModule(m), []);
  assert.equal(
    printFunction(fib),
    dedent(`
      func @fib(%n: i64) -> i64 {
      entry:
        %0 = icmp lt i1 %n, 2
        condbr %0, base, recurse
      base:
        ret %n
      recurse:
        %1 = sub i64 %n, 1
        %6 = icmp lt i1 %1, 2
        condbr %6, recurse.base, recurse.call
      recurse.base:
        br recurse.join
      recurse.call:
        %2 = call i64 @fib(%1) @5:11
        br recurse.join
      recurse.join:
        %7 = phi i64 [%1, recurse.base], [%2, recurse.call]
        %3 = sub i64 %n, 2
        %8 = icmp lt i1 %3, 2
        condbr %8, recurse.join.base, recurse.join.call
      recurse.join.base:
        br recurse.join.join
      recurse.join.call:
        %4 = call i64 @fib(%3) @5:24
        br recurse.join.join
      recurse.join.join:
        %9 = phi i64 [%3, recurse.join.base], [%4, recurse.join.call]
        %5 = add i64 %7, %9 raises OverflowError "o" @5:11
        ret %5
      }
    `),
  );
  assert.deepEqual(interpret(fib, [12n], 100_000), { kind: "return", value: "144", printed: [] });
  assert.deepEqual(interpret(main, [], 100_000), { kind: "return", value: "null", printed: ["6765"] });
});

test("a base case that could raise, or that other paths reach, stays in the callee", () => {
  const raising = parseValid(fibModule('%9 = mul i64 %n, %n raises OverflowError "o" @2:0\n    ret %9'));
  assert.deepEqual(inlineBaseCases(raising), []);
  const shared = parseValid(fibModule().replace("    ret %5\n  }", "    br base\n  }"));
  assert.deepEqual(inlineBaseCases(shared), []);
});

test("a call already behind its callee's base case, or whose constant arguments rule it out, is left alone: a second run changes nothing", () => {
  const m = parseValid(fibModule());
  inlineBaseCases(m);
  for (const fn of m.functions) optimizeFunction(fn, { validate: true }, m);
  const once = printModule(m);
  assert.deepEqual(inlineBaseCases(m), []);
  assert.equal(printModule(m), once);

  // The whole pipeline, whose recursion passes clone fib with its guarded calls, settles as well.
  const piped = parseValid(fibModule());
  assert.equal(optimizeModule(piped, { validate: true }), true);
  const optimized = printModule(piped);
  assert.equal(optimizeModule(piped, { validate: true }), false);
  assert.equal(printModule(piped), optimized);
  const main = piped.functions.find((f) => f.name === "main")!;
  assert.deepEqual(interpret(main, [], 1_000_000), { kind: "return", value: "null", printed: ["6765"] });

  // A test that differs from the base case's (n < 3, not n < 2) does not count as a guard.
  const other = parseValid(fibModule());
  inlineBaseCases(other);
  const fib = other.functions[0]!;
  const guard = fib.blocks
    .flatMap((b) => b.instructions)
    .find((i) => i.kind === "icmp" && i.block.label === "recurse")!;
  (guard as { rhs: unknown }).rhs = constants.int(3n);
  assert.deepEqual(
    inlineBaseCases(other).map((f) => f.name),
    ["fib"],
  );
});

test("a guard still counts once the caller's copy of the test has been folded on a constant argument", () => {
  // f's test converts n, a constant 3 at its own call: the caller's copy becomes `x - 1.0 < 3.0`.
  const text = `
    module "m.py"
    entry @main
    extern @print(f64) -> void memory any
    func @f(%x: f64, %n: i64) -> f64 {
    entry:
      %0 = sitofp f64 %n
      %1 = fcmp lt i1 %x, %0
      condbr %1, base, recurse
    base:
      ret %x
    recurse:
      %2 = fsub f64 %x, 1.0
      %3 = call f64 @f(%2, 3) @2:0
      %4 = fmul f64 %3, 2.0
      ret %4
    }
    func @main() -> void {
    entry:
      %0 = call f64 @f(10.5, 3) @3:0
      call_extern void @print(%0)
      ret
    }
  `;
  const mainOf = (m: ReturnType<typeof parseValid>) => m.functions.find((f) => f.name === "main")!;
  const unoptimized = interpret(mainOf(parseValid(text)), [], 1_000_000);
  const m = parseValid(text);
  assert.equal(optimizeModule(m, { validate: true }), true);
  const optimized = printModule(m);
  assert.match(optimized, /fcmp lt i1 %\d+, 3\.0/);
  assert.equal(optimizeModule(m, { validate: true }), false);
  assert.equal(printModule(m), optimized);
  assert.deepEqual(interpret(mainOf(m), [], 1_000_000), unoptimized);
  assert.deepEqual(unoptimized.printed, ["640"]); // f(10.5, 3) in CPython: 640.0
});
