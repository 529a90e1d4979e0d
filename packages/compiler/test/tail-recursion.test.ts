import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeModuleRanges, eliminateTailRecursion, printFunction, validateModule } from "../src/index.js";
import { interpret } from "./ir-interpreter.js";
import { dedent, parseValid } from "./ir-text.js";

const gcdModule = `
  module "m.py"
  entry @main
  extern @print_int(i64) -> void memory any
  func @gcd(%a: i64, %b: i64) -> i64 {
  entry:
    %0 = icmp eq i1 %b, 0
    condbr %0, done, recurse
  done:
    ret %a
  recurse:
    %1 = floormod i64 %a, %b raises ZeroDivisionError "z" @3:0
    %2 = call i64 @gcd(%b, %1) @4:11
    ret %2
  }
  func @main() -> void {
  entry:
    %0 = call i64 @gcd(1071, 462) @9:0
    call_extern void @print_int(%0) @9:0
    ret
  }
`;

test("a self tail call becomes a loop whose iterations are counted for tracebacks", () => {
  const m = parseValid(gcdModule);
  const gcd = m.functions[0]!;
  assert.equal(eliminateTailRecursion(gcd), true);
  assert.deepEqual(validateModule(m), []);
  assert.equal(
    printFunction(gcd),
    dedent(`
      func @gcd(%a: i64, %b: i64) -> i64 {
      tailrec.entry:
        br entry
      entry:
        %3 = phi i64 [%a, tailrec.entry], [%4, recurse]
        %4 = phi i64 [%b, tailrec.entry], [%1, recurse]
        %5 = phi i64 [0, tailrec.entry], [%7, recurse]
        elided_frames void %5 @4:11
        %0 = icmp eq i1 %4, 0
        condbr %0, done, recurse
      done:
        ret %3
      recurse:
        %1 = floormod i64 %3, %4 raises ZeroDivisionError "z" @3:0
        %7 = add i64 %5, 1
        br entry
      }
    `),
  );
  // Once is enough: the loop has no tail calls left.
  assert.equal(eliminateTailRecursion(gcd), false);
});

const sumModule = (base: string) => `
  module "m.py"
  entry @main
  extern @print_int(i64) -> void memory any
  func @sum(%n: i64) -> i64 {
  entry:
    %0 = icmp le i1 %n, 0
    condbr %0, done, recurse
  done:
    ret ${base}
  recurse:
    %1 = sub i64 %n, 1 raises OverflowError "o" @3:0
    %2 = call i64 @sum(%1) @4:15
    %3 = add i64 %n, %2 raises OverflowError "o" @4:11
    ret %3
  }
  func @main() -> void {
  entry:
    %0 = call i64 @sum(100) @9:0
    call_extern void @print_int(%0) @9:0
    ret
  }
`;

test("an accumulating tail call becomes a loop when every term has one sign", () => {
  const m = parseValid(sumModule("0"));
  const sum = m.functions[0]!;
  assert.equal(eliminateTailRecursion(sum, analyzeModuleRanges(m).rangeOf), true);
  assert.deepEqual(validateModule(m), []);
  // `n - 1` steps a parameter by a constant: the distance from the first `n` counts the iterations.
  assert.equal(
    printFunction(sum),
    dedent(`
      func @sum(%n: i64) -> i64 {
      tailrec.entry:
        br entry
      entry:
        %4 = phi i64 [%n, tailrec.entry], [%1, recurse]
        %5 = phi i64 [0, tailrec.entry], [%8, recurse]
        %6 = sub i64 %n, %4
        elided_frames void %6 @4:15
        %0 = icmp le i1 %4, 0
        condbr %0, done, recurse
      done:
        %9 = add i64 %5, 0 raises OverflowError "o" @4:11
        ret %9
      recurse:
        %1 = sub i64 %4, 1 raises OverflowError "o" @3:0
        %8 = add i64 %5, %4 raises OverflowError "o" @4:11
        br entry
      }
    `),
  );
});

test("an accumulator is left alone without ranges, or when its terms can differ in sign", () => {
  const unknown = parseValid(sumModule("0"));
  assert.equal(eliminateTailRecursion(unknown.functions[0]!), false);
  // The base case returns a negative number while the terms are positive: reordering the additions
  // could overflow where the original does not.
  const mixed = parseValid(sumModule("-5"));
  assert.equal(eliminateTailRecursion(mixed.functions[0]!, analyzeModuleRanges(mixed).rangeOf), false);
});

// fib after base-case inlining, called with a number read at run time: every call, main's and fib's
// own, is behind `m < 2`, so fib's n >= 2, its base block never runs and it returns at least 1.
const guardedFib = (mainCall: string) => `
  module "m.py"
  entry @main
  extern @read() -> i64 memory any
  extern @print(i64) -> void memory any
  func @fib(%n: i64) -> i64 {
  entry:
    %0 = icmp lt i1 %n, 2
    condbr %0, base, recurse
  base:
    ret %n
  recurse:
    %1 = sub i64 %n, 1
    %6 = icmp lt i1 %1, 2
    condbr %6, first, first.call
  first.call:
    %2 = call i64 @fib(%1) @5:11
    br first
  first:
    %7 = phi i64 [%1, recurse], [%2, first.call]
    %3 = sub i64 %n, 2
    %8 = icmp lt i1 %3, 2
    condbr %8, second, second.call
  second.call:
    %4 = call i64 @fib(%3) @5:24
    br second
  second:
    %9 = phi i64 [%3, first], [%4, second.call]
    %5 = add i64 %7, %9 raises OverflowError "o" @5:11
    ret %5
  }
  func @main() -> void {
  entry:
    %0 = call_extern i64 @read()
    ${mainCall}
  }
`;
const guardedMain = `%1 = icmp lt i1 %0, 2
    condbr %1, done, call
  call:
    %2 = call i64 @fib(%0) @12:0
    br done
  done:
    %3 = phi i64 [%0, entry], [%2, call]
    call_extern void @print(%3)
    ret`;

test("a tail call reaching the return through a base case's join becomes a loop once every call is guarded", () => {
  const m = parseValid(guardedFib(guardedMain));
  const fib = m.functions[0]!;
  const before = [2n, 3n, 10n, 15n].map((n) => interpret(fib, [n], 100_000));
  assert.deepEqual(before[3], { kind: "return", value: "610", printed: [] });
  assert.equal(eliminateTailRecursion(fib, analyzeModuleRanges(m).rangeOf), true);
  assert.deepEqual(validateModule(m), []);
  // The second call's path is the next iteration; the first call's value is accumulated.
  assert.equal(
    printFunction(fib),
    dedent(`
      func @fib(%n: i64) -> i64 {
      tailrec.entry:
        br entry
      entry:
        %10 = phi i64 [%n, tailrec.entry], [%3, second.call]
        %11 = phi i64 [0, tailrec.entry], [%15, second.call]
        %12 = sub i64 %n, %10
        %13 = udiv i64 %12, 2
        elided_frames void %13 @5:24
        %0 = icmp lt i1 %10, 2
        condbr %0, base, recurse
      base:
        %16 = add i64 %11, %10 raises OverflowError "o" @5:11
        ret %16
      recurse:
        %1 = sub i64 %10, 1
        %6 = icmp lt i1 %1, 2
        condbr %6, first, first.call
      first.call:
        %2 = call i64 @fib(%1) @5:11
        br first
      first:
        %7 = phi i64 [%1, recurse], [%2, first.call]
        %3 = sub i64 %10, 2
        %8 = icmp lt i1 %3, 2
        condbr %8, second, second.call
      second.call:
        %15 = add i64 %11, %7 raises OverflowError "o" @5:11
        br entry
      second:
        %9 = phi i64 [%3, first]
        %5 = add i64 %7, %9 raises OverflowError "o" @5:11
        %17 = add i64 %11, %5 raises OverflowError "o" @5:11
        ret %17
      }
    `),
  );
  assert.deepEqual(
    [2n, 3n, 10n, 15n].map((n) => interpret(fib, [n], 100_000)),
    before,
  );
});

test("a joined tail call stays a call when a caller's argument may reach the base case", () => {
  // main calls fib without the guard: n may be negative, and so may what fib returns.
  const unguarded = parseValid(
    guardedFib(`%2 = call i64 @fib(%0) @12:0
    call_extern void @print(%2)
    ret`),
  );
  assert.equal(eliminateTailRecursion(unguarded.functions[0]!, analyzeModuleRanges(unguarded).rangeOf), false);
});
