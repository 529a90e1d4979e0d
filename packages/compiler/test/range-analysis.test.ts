import assert from "node:assert/strict";
import { test } from "node:test";
import { parseIrModule, printModule, removeImpossibleChecks, removeImpossibleChecksInModule } from "../src/index.js";
import { checkPass } from "./ir-text.js";

const ranges = (input: string, expected: string) => checkPass(removeImpossibleChecks, input, expected);

test("drops overflow checks that masks and shifts rule out, around a loop", () => {
  ranges(
    `
      func @f(%n: i64) -> i64 {
      entry:
        br loop
      loop:
        %0 = phi i64 [12345, entry], [%5, loop]
        %1 = shl i64 %0, 13 raises OverflowError "o" @1:0
        %2 = and i64 %1, 4294967295
        %3 = xor i64 %0, %2
        %4 = ashr i64 %3, 16
        %5 = mul i64 %4, %4 raises OverflowError "o" @2:0
        %6 = icmp lt i1 %5, %n
        condbr %6, loop, done
      done:
        ret %5
      }
    `,
    `
      func @f(%n: i64) -> i64 {
      entry:
        br loop
      loop:
        %0 = phi i64 [12345, entry], [%5, loop]
        %1 = shl i64 %0, 13
        %2 = and i64 %1, 4294967295
        %3 = xor i64 %0, %2
        %4 = ashr i64 %3, 16
        %5 = mul i64 %4, %4
        %6 = icmp lt i1 %5, %n
        condbr %6, loop, done
      done:
        ret %5
      }
    `,
  );
});

test("keeps checks that can fire: unbounded counters, unknown parameters, possible zero divisors", () => {
  const source = `
      func @f(%x: i64, %d: i64) -> i64 {
      entry:
        br loop
      loop:
        %0 = phi i64 [0, entry], [%1, loop]
        %1 = add i64 %0, 1 raises OverflowError "o" @1:0
        %2 = icmp lt i1 %1, %x
        condbr %2, loop, done
      done:
        %3 = mul i64 %x, 2 raises OverflowError "o" @2:0
        %4 = and i64 %d, 7
        %5 = floormod i64 %3, %4 raises ZeroDivisionError "z" @3:0
        %6 = floordiv i64 %3, 8 raises ZeroDivisionError "z" @4:0
        ret %5
      }
    `;
  ranges(
    source,
    source.replace('%6 = floordiv i64 %3, 8 raises ZeroDivisionError "z" @4:0', "%6 = floordiv i64 %3, 8"),
  );
});

test("ranges flow into parameters from every call site of the program", () => {
  const module = parseIrModule(`
    module "m.py"
    entry @main
    func @square(%x: i64) -> i64 {
    entry:
      %0 = and i64 %x, 65535
      %1 = mul i64 %0, %x raises OverflowError "o" @1:0
      ret %1
    }
    func @main() -> void {
    entry:
      %0 = call i64 @square(7) @2:0
      %1 = call i64 @square(40000) @3:0
      ret
    }
  `);
  assert.equal(removeImpossibleChecksInModule(module), true);
  assert.doesNotMatch(printModule(module), /raises/);
});
