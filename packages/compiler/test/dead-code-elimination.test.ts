import { test } from "node:test";
import { eliminateDeadCode } from "../src/index.js";
import { checkPass } from "./ir-text.js";

const dce = (input: string, expected: string) => checkPass(eliminateDeadCode, input, expected);

test("removes unused pure instructions, and what only they used", () => {
  dce(
    `
      extern @pure(f64) -> f64 memory none
      extern @reads(ref str) -> i64 memory read
      global @g: i64 = 0
      func @f(%x: i64, %y: f64, %c: i1) -> i64 {
      entry:
        %0 = add i64 %x, 1
        %1 = mul i64 %0, %0
        %2 = fdiv f64 %y, 0.0
        %3 = fcmp lt i1 %y, 1.0
        %4 = select i64 %c, %1, %x
        %5 = sitofp f64 %x
        %6 = load_global i64 @g
        %7 = zext i64 %c
        %8 = not i1 %c
        %9 = ineg i64 %x
        %10 = icmp eq i1 %x, %6
        %11 = call_extern f64 @pure(%y)
        %12 = call_extern i64 @reads("s")
        ret %x
      }
    `,
    `
      func @f(%x: i64, %y: f64, %c: i1) -> i64 {
      entry:
        ret %x
      }
    `,
  );
});

test("keeps calls, stores and operations that can raise, and what they use", () => {
  dce(
    `
      extern @str_from_int(i64) -> ref str memory any
      extern @checked(f64) -> f64 canfail memory any
      global @g: i64 = 0
      func @f(%x: i64, %y: f64) -> void {
      entry:
        %0 = add i64 %x, 1 raises OverflowError "overflow" @1:0
        %1 = floordiv i64 %x, 0 raises ZeroDivisionError "division by zero" @2:0
        %2 = floordiv i64 %x, -1 raises OverflowError "overflow" @3:0
        %3 = floordiv i64 %x, 3 raises ZeroDivisionError "division by zero" @4:0
        %4 = floormod i64 %x, -1 raises ZeroDivisionError "division by zero" @5:0
        %5 = and i64 %x, 3 raises OverflowError "overflow" @6:0
        %6 = fdiv f64 %y, %y raises ZeroDivisionError "float division by zero" @7:0
        %7 = fdiv f64 %y, nan raises ZeroDivisionError "float division by zero" @8:0
        %8 = toint i64 %y raises ValueError "cannot convert" @9:0
        %9 = toint i64 2.5 raises ValueError "cannot convert" @10:0
        %10 = ineg i64 %x raises OverflowError "overflow" @11:0
        %11 = ineg i64 5 raises OverflowError "overflow" @12:0
        %12 = mul i64 %x, 2
        %13 = call i64 @f2() @13:0
        %14 = call_extern ref str @str_from_int(%12)
        %15 = call_extern f64 @checked(%y) @14:0
        store_global void @g, %x
        ret
      }
      func @f2() -> i64 {
      entry:
        ret 1
      }
    `,
    `
      func @f(%x: i64, %y: f64) -> void {
      entry:
        %0 = add i64 %x, 1 raises OverflowError "overflow" @1:0
        %1 = floordiv i64 %x, 0 raises ZeroDivisionError "division by zero" @2:0
        %2 = floordiv i64 %x, -1 raises OverflowError "overflow" @3:0
        %6 = fdiv f64 %y, %y raises ZeroDivisionError "float division by zero" @7:0
        %8 = toint i64 %y raises ValueError "cannot convert" @9:0
        %10 = ineg i64 %x raises OverflowError "overflow" @11:0
        %12 = mul i64 %x, 2
        %13 = call i64 @f2() @13:0
        %14 = call_extern ref str @str_from_int(%12)
        %15 = call_extern f64 @checked(%y) @14:0
        store_global void @g, %x
        ret
      }

      func @f2() -> i64 {
      entry:
        ret 1
      }
    `,
  );
});

test("removes a loop counter that nothing reads, though it feeds itself through a phi", () => {
  dce(
    `
      func @f(%n: i64) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%2, body]
        %1 = phi i64 [0, entry], [%3, body]
        %4 = icmp lt i1 %0, %n
        condbr %4, body, exit
      body:
        %2 = add i64 %0, 1
        %3 = add i64 %1, 2
        br header
      exit:
        ret %0
      }
    `,
    `
      func @f(%n: i64) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%2, body]
        %4 = icmp lt i1 %0, %n
        condbr %4, body, exit
      body:
        %2 = add i64 %0, 1
        br header
      exit:
        ret %0
      }
    `,
  );
});

test("removes unreachable blocks, loops among them, and their incoming values in phis", () => {
  dce(
    `
      extern @read() -> i64 canfail memory any
      func @f(%c: i1) -> i64 {
      entry:
        br join
      island:
        %0 = call_extern i64 @read() @1:0
        condbr %c, join, island2
      island2:
        br island
      join:
        %1 = phi i64 [1, entry], [%0, island]
        ret %1
      }
    `,
    `
      func @f(%c: i1) -> i64 {
      entry:
        br join
      join:
        %1 = phi i64 [1, entry]
        ret %1
      }
    `,
  );
});

test("leaves a function with nothing dead alone", () => {
  dce(
    `
      func @f(%c: i1) -> i64 {
      entry:
        condbr %c, a, b
      a:
        raise ValueError "no" @3:4
      b:
        unreachable
      }
    `,
    `
      func @f(%c: i1) -> i64 {
      entry:
        condbr %c, a, b
      a:
        raise ValueError "no" @3:4
      b:
        unreachable
      }
    `,
  );
});
