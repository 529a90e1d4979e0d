import { test } from "node:test";
import { foldConstants } from "../src/index.js";
import { checkPass } from "./ir-text.js";

const fold = (input: string, expected: string) => checkPass(foldConstants, input, expected);

test("folds a chain of integer arithmetic into its result", () => {
  fold(
    `
      func @f() -> i64 {
      entry:
        %0 = add i64 2, 3 raises OverflowError "overflow" @1:0
        %1 = mul i64 %0, 4 raises OverflowError "overflow" @1:0
        %2 = ineg i64 %1 raises OverflowError "overflow" @1:0
        %3 = sub i64 %2, 1
        ret %3
      }
    `,
    `
      func @f() -> i64 {
      entry:
        ret -21
      }
    `,
  );
});

test("an operation that overflows stays to raise at run time; its wrapping form wraps", () => {
  fold(
    `
      extern @show(i64, i64, i64, i64, i64) -> void memory any
      func @f() -> i64 {
      entry:
        %0 = add i64 9223372036854775807, 1 raises OverflowError "overflow" @2:4
        %1 = add i64 9223372036854775807, 1
        %2 = mul i64 4611686018427387904, 2 raises OverflowError "overflow" @3:4
        %3 = mul i64 4611686018427387904, 2
        %4 = ineg i64 -9223372036854775808 raises OverflowError "overflow" @4:4
        %5 = ineg i64 -9223372036854775808
        %6 = sub i64 -9223372036854775808, 1 raises OverflowError "overflow" @5:4
        %7 = floordiv i64 -9223372036854775808, -1 raises OverflowError "overflow" @6:4
        %8 = floordiv i64 -9223372036854775808, -1
        %9 = floormod i64 -9223372036854775808, -1 raises ZeroDivisionError "modulo by zero" @7:4
        call_extern void @show(%1, %3, %5, %8, %9)
        ret 0
      }
    `,
    `
      func @f() -> i64 {
      entry:
        %0 = add i64 9223372036854775807, 1 raises OverflowError "overflow" @2:4
        %2 = mul i64 4611686018427387904, 2 raises OverflowError "overflow" @3:4
        %4 = ineg i64 -9223372036854775808 raises OverflowError "overflow" @4:4
        %6 = sub i64 -9223372036854775808, 1 raises OverflowError "overflow" @5:4
        %7 = floordiv i64 -9223372036854775808, -1 raises OverflowError "overflow" @6:4
        call_extern void @show(-9223372036854775808, -9223372036854775808, -9223372036854775808, -9223372036854775808, 0)
        ret 0
      }
    `,
  );
});

test("division by zero is never folded, whatever the form", () => {
  fold(
    `
      func @f() -> f64 {
      entry:
        %0 = floordiv i64 7, 0 raises ZeroDivisionError "integer division or modulo by zero" @1:4
        %1 = floormod i64 7, 0
        %2 = fdiv f64 1.0, 0.0 raises ZeroDivisionError "float division by zero" @2:4
        %3 = ffloordiv f64 1.0, -0.0 raises ZeroDivisionError "float floor division by zero" @3:4
        %4 = fmod f64 1.0, 0.0
        %5 = fdiv f64 1.0, -0.0
        ret %5
      }
    `,
    `
      func @f() -> f64 {
      entry:
        %0 = floordiv i64 7, 0 raises ZeroDivisionError "integer division or modulo by zero" @1:4
        %1 = floormod i64 7, 0
        %2 = fdiv f64 1.0, 0.0 raises ZeroDivisionError "float division by zero" @2:4
        %3 = ffloordiv f64 1.0, -0.0 raises ZeroDivisionError "float floor division by zero" @3:4
        %4 = fmod f64 1.0, 0.0
        ret -inf
      }
    `,
  );
});

test("floor division and modulo round toward negative infinity, as in Python", () => {
  fold(
    `
      extern @show(i64, i64, i64, i64, f64, f64, f64, f64, f64) -> void memory any
      func @f() -> void {
      entry:
        %0 = floordiv i64 -7, 2 raises ZeroDivisionError "" @1:0
        %1 = floormod i64 -7, 2 raises ZeroDivisionError "" @1:0
        %2 = floormod i64 7, -2 raises ZeroDivisionError "" @1:0
        %3 = floordiv i64 7, -2 raises ZeroDivisionError "" @1:0
        %4 = fmod f64 -7.0, 2.0 raises ZeroDivisionError "" @1:0
        %5 = fmod f64 7.0, -2.0 raises ZeroDivisionError "" @1:0
        %6 = ffloordiv f64 -7.0, 2.0 raises ZeroDivisionError "" @1:0
        %7 = fmod f64 -0.0, 5.0 raises ZeroDivisionError "" @1:0
        %8 = fmod f64 -1.0, inf raises ZeroDivisionError "" @1:0
        call_extern void @show(%0, %1, %2, %3, %4, %5, %6, %7, %8)
        ret
      }
    `,
    `
      func @f() -> void {
      entry:
        call_extern void @show(-4, 1, -1, -4, 1.0, -1.0, -4.0, 0.0, inf)
        ret
      }
    `,
  );
});

test("shifts with negative or huge counts and powers that overflow are left to run time", () => {
  fold(
    `
      extern @show(i64, i64, i64, i64, i64, i64, i64) -> void memory any
      func @f() -> void {
      entry:
        %0 = shl i64 1, -1 raises ValueError "negative shift count" @1:0
        %1 = shl i64 1, 64 raises OverflowError "overflow" @1:0
        %2 = shl i64 3, 62 raises OverflowError "overflow" @1:0
        %3 = shl i64 1, 62 raises OverflowError "overflow" @1:0
        %4 = shl i64 3, 62
        %5 = ashr i64 -8, 64 raises OverflowError "overflow" @1:0
        %6 = ashr i64 -7, 1 raises ValueError "negative shift count" @1:0
        %7 = pow i64 2, 63 raises OverflowError "overflow" @1:0
        %8 = pow i64 2, -1 raises ValueError "negative exponent" @1:0
        %9 = pow i64 -3, 3 raises OverflowError "overflow" @1:0
        %10 = pow i64 -1, 9223372036854775807 raises OverflowError "overflow" @1:0
        %11 = and i64 -6, 3
        %12 = xor i64 -1, 5
        call_extern void @show(%3, %4, %6, %9, %10, %11, %12)
        ret
      }
    `,
    `
      func @f() -> void {
      entry:
        %0 = shl i64 1, -1 raises ValueError "negative shift count" @1:0
        %1 = shl i64 1, 64 raises OverflowError "overflow" @1:0
        %2 = shl i64 3, 62 raises OverflowError "overflow" @1:0
        %5 = ashr i64 -8, 64 raises OverflowError "overflow" @1:0
        %7 = pow i64 2, 63 raises OverflowError "overflow" @1:0
        %8 = pow i64 2, -1 raises ValueError "negative exponent" @1:0
        call_extern void @show(4611686018427387904, -4611686018427387904, -4, -27, -1, 2, -6)
        ret
      }
    `,
  );
});

test("float arithmetic, comparisons and conversions follow IEEE and the runtime", () => {
  fold(
    `
      extern @show(f64, f64, i1, i1, i1, i1, i1, i1, f64, f64, i64, i64, f64, f64, f64) -> void memory any
      func @f() -> void {
      entry:
        %0 = fadd f64 0.1, 0.2
        %1 = fneg f64 0.0
        %2 = fcmp eq i1 nan, nan
        %3 = fcmp ne i1 nan, nan
        %4 = fcmp lt i1 -0.0, 0.0
        %5 = icmp le i1 -1, -1
        %6 = icmp ne i1 true, false
        %7 = not i1 %6
        %8 = sitofp f64 9007199254740993
        %9 = uitofp f64 %7
        %10 = toint i64 -2.75 raises ValueError "" @1:0
        %11 = toint i64 nan raises ValueError "cannot convert float NaN to integer" @1:0
        %12 = toint i64 9223372036854775808.0 raises OverflowError "" @1:0
        %13 = zext i64 %6
        %14 = fpow f64 -2.0, 3.0 raises OverflowError "" @1:0
        %15 = fpow f64 10.0, 0.5 raises OverflowError "" @1:0
        %16 = fmul f64 1e+308, 10.0
        call_extern void @show(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %13, %14, %15, %16)
        ret
      }
    `,
    `
      func @f() -> void {
      entry:
        %11 = toint i64 nan raises ValueError "cannot convert float NaN to integer" @1:0
        %12 = toint i64 9223372036854776000.0 raises OverflowError "" @1:0
        %15 = fpow f64 10.0, 0.5 raises OverflowError "" @1:0
        call_extern void @show(0.30000000000000004, -0.0, false, true, false, true, true, false, 9007199254740992.0, 0.0, -2, 1, -8.0, %15, inf)
        ret
      }
    `,
  );
});

test("a select on a constant condition, or between equal arms, is that arm", () => {
  fold(
    `
      func @f(%a: ref str, %b: ref str, %c: i1) -> ref str {
      entry:
        %0 = icmp gt i1 3, 2
        %1 = select ref str %0, %a, %b
        %2 = select ref str %c, %1, %a
        %3 = select ref str %c, %2, %b
        ret %3
      }
    `,
    `
      func @f(%a: ref str, %b: ref str, %c: i1) -> ref str {
      entry:
        %3 = select ref str %c, %a, %b
        ret %3
      }
    `,
  );
});

test("a phi whose incoming values are all one value is that value; branches stay for simplify-cfg", () => {
  fold(
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        %0 = icmp eq i1 1, 1
        condbr %0, left, right
      left:
        %1 = add i64 %x, 0
        br join
      right:
        br join
      join:
        %2 = phi i64 [7, left], [7, right]
        %3 = phi i64 [%x, left], [%x, right]
        %4 = phi i64 [%1, left], [%x, right]
        %5 = add i64 %2, %3
        %6 = add i64 %5, %4
        ret %6
      }
    `,
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        condbr true, left, right
      left:
        %1 = add i64 %x, 0
        br join
      right:
        br join
      join:
        %4 = phi i64 [%1, left], [%x, right]
        %5 = add i64 7, %x
        %6 = add i64 %5, %4
        ret %6
      }
    `,
  );
});

test("loop phis fold when the back edge carries the same value, even when it folds after the header", () => {
  fold(
    `
      func @f(%n: i64) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [5, entry], [%3, latch]
        %1 = phi i64 [0, entry], [%1, latch]
        %2 = icmp lt i1 %0, %n
        condbr %2, latch, exit
      latch:
        %3 = add i64 2, 3 raises OverflowError "overflow" @4:8
        br header
      exit:
        %4 = add i64 %0, %1
        ret %4
      }
    `,
    `
      func @f(%n: i64) -> i64 {
      entry:
        br header
      header:
        %2 = icmp lt i1 5, %n
        condbr %2, latch, exit
      latch:
        br header
      exit:
        ret 5
      }
    `,
  );
});

test("uses in unreachable blocks are rewritten too, so nothing refers to a folded instruction", () => {
  fold(
    `
      func @f() -> i64 {
      entry:
        %0 = add i64 1, 1
        ret %0
      island:
        %1 = mul i64 %0, 3
        ret %1
      }
    `,
    `
      func @f() -> i64 {
      entry:
        ret 2
      island:
        %1 = mul i64 2, 3
        ret %1
      }
    `,
  );
});

test("an even i64 constant taken as a tagged word is a tagged constant, and reads back as its bits; an odd one stays", () => {
  fold(
    `
      extern @show(tagged, tagged, i64) -> void memory any
      func @f() -> void {
      entry:
        %0 = bitcast tagged 84
        %1 = bitcast tagged 3
        %2 = bitcast i64 tagged -8
        call_extern void @show(%0, %1, %2)
        ret
      }
    `,
    `
      func @f() -> void {
      entry:
        %1 = bitcast tagged 3
        call_extern void @show(tagged 84, %1, -8)
        ret
      }
    `,
  );
});
