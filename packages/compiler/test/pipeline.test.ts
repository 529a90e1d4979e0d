import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type IrFunction,
  optimizeFunction,
  optimizeModule,
  printFunction,
  printModule,
  validateModule,
} from "../src/index.js";
import { interpret } from "./ir-interpreter.js";
import { dedent, parseValid } from "./ir-text.js";

function optimized(input: string): string {
  const m = parseValid(input);
  optimizeModule(m, { validate: true });
  assert.deepEqual(validateModule(m), []);
  const text = printModule(m);
  assert.equal(optimizeModule(m, { validate: true }), false, "a second run must find nothing to do");
  return text;
}

test("an if on a constant condition collapses to straight-line code and a constant", () => {
  assert.equal(
    optimized(`
      module "m.py"
      func @f(%x: i64) -> i64 {
      entry:
        %0 = icmp lt i1 3, 4
        condbr %0, then, else
      then:
        %1 = mul i64 6, 7 raises OverflowError "overflow" @2:8
        br join
      else:
        %2 = add i64 %x, 1 raises OverflowError "overflow" @4:8
        br join
      join:
        %3 = phi i64 [%1, then], [%2, else]
        %4 = sitofp f64 %3
        ret %3
      }
    `),
    dedent(`
      module "m.py"

      func @f(%x: i64) -> i64 {
      entry:
        ret 42
      }
    `),
  );
});

test("a loop stays, its dead work goes, what can raise is kept and a check its bound rules out goes", () => {
  assert.equal(
    optimized(`
      module "m.py"
      entry @main
      extern @print_int(i64) -> void memory any
      func @main() -> void {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%3, body]
        %1 = phi i64 [1, entry], [%4, body]
        %2 = icmp lt i1 %0, 10
        condbr %2, body, exit
      body:
        %3 = add i64 %0, 1 raises OverflowError "overflow" @3:4
        %4 = mul i64 %1, 2
        %5 = floordiv i64 %3, 0 raises ZeroDivisionError "integer division or modulo by zero" @4:4
        %6 = select i64 false, %5, %3
        br header
      exit:
        call_extern void @print_int(%0) @5:0
        ret
      }
    `),
    dedent(`
      module "m.py"
      entry @main

      extern @print_int(i64) -> void memory any

      func @main() -> void {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%3, body]
        %2 = icmp lt i1 %0, 10
        condbr %2, body, exit
      body:
        %3 = add i64 %0, 1 nsw
        %5 = floordiv i64 %3, 0 raises ZeroDivisionError "integer division or modulo by zero" @4:4
        br header
      exit:
        call_extern void @print_int(%0) @5:0
        ret
      }
    `),
  );
});

test("a raise on a path made unreachable by folding disappears with its block", () => {
  assert.equal(
    optimized(`
      func @f(%x: i64) -> i64 {
      entry:
        %0 = floormod i64 10, 3 raises ZeroDivisionError "modulo by zero" @1:4
        %1 = icmp eq i1 %0, 1
        condbr %1, fine, fail
      fail:
        raise AssertionError "" @2:0
      fine:
        ret %x
      }
    `),
    dedent(`
      module ""

      func @f(%x: i64) -> i64 {
      entry:
        ret %x
      }
    `),
  );
});

test("validation names the pass that broke the IR", () => {
  const m = parseValid(`
    func @f(%x: i64) -> i64 {
    entry:
      %0 = add i64 %x, 1
      ret %0
    }
  `);
  const breakIt = (fn: IrFunction): boolean => {
    fn.blocks[0]!.terminator = null;
    return true;
  };
  assert.throws(
    () => optimizeFunction(m.functions[0]!, { validate: true, passes: [{ name: "break-it", run: breakIt }] }, m),
    /invalid IR after break-it:\n@f, block entry: has no terminator/,
  );
});

// fib(n) for an n read at run time, as the front end lowers it.
const fibOfInput = (linkage: string) => `
  module "m.py"
  entry @main
  extern @read() -> i64 memory any
  extern @print(i64) -> void memory any
  func @fib(%n: i64) -> i64${linkage} {
  entry:
    %0 = icmp lt i1 %n, 2
    condbr %0, base, recurse
  base:
    ret %n
  recurse:
    %1 = sub i64 %n, 1 raises OverflowError "o" @5:15
    %2 = call i64 @fib(%1) @5:11
    %3 = sub i64 %n, 2 raises OverflowError "o" @5:28
    %4 = call i64 @fib(%3) @5:24
    %5 = add i64 %2, %4 raises OverflowError "o" @5:11
    ret %5
  }
  func @main() -> void {
  entry:
    %0 = call_extern i64 @read()
    %1 = call i64 @fib(%0) @8:6
    call_extern void @print(%1)
    ret
  }
`;

test("once base cases guard every call, a recursion's parameters narrow and its tail call becomes a loop", () => {
  const m = parseValid(fibOfInput(""));
  const fib = m.functions[0]!;
  const inputs = [-3n, 0n, 1n, 2n, 3n, 10n, 15n];
  const before = inputs.map((n) => interpret(fib, [n], 100_000));
  assert.deepEqual(before[0], { kind: "return", value: "-3", printed: [] });
  assert.deepEqual(before[6], { kind: "return", value: "610", printed: [] });
  optimized(printModule(m));
  optimizeModule(m, { validate: true });
  // n >= 2 at every call, so fib returns at least 1: `fib(n - 1) + fib(n - 2)` accumulates in a loop
  // over n, and the remaining call is unrolled into a ring of copies.
  assert.deepEqual(
    m.functions.map((f) => f.name),
    ["fib", "main", "fib.r1", "fib.r2", "fib.r3"],
  );
  const text = printFunction(fib);
  assert.match(text, /elided_frames void %\d+ @5:24/);
  assert.match(text, /call i64 @fib\.r1\(%\d+\) @5:11/);
  assert.doesNotMatch(text, /call i64 @fib\(/);
  assert.deepEqual(
    inputs.map((n) => interpret(fib, [n], 100_000)),
    before,
  );
});

test("a recursion that may be called from elsewhere keeps its base case, its calls and its check", () => {
  // Exported, fib may be given a negative n by another module and return it: the additions' terms
  // may differ in sign, so they are not reordered into a loop.
  const m = parseValid(fibOfInput(" exported"));
  optimizeModule(m, { validate: true });
  const text = printFunction(m.functions[0]!);
  assert.doesNotMatch(text, /elided_frames/);
  assert.match(text, /add i64 %\d+, %\d+ raises OverflowError "o" @5:11/);
  assert.equal(optimizeModule(m, { validate: true }), false);
});
