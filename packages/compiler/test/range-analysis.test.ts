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
        %5 = mul i64 %4, %4 nsw
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
        %2 = icmp ne i1 %1, %x
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
    // Leaving the loop proves %1 == %x, so %x >= 1 and %3 >= 2: its floor division by 8 is unsigned.
    source.replace('%6 = floordiv i64 %3, 8 raises ZeroDivisionError "z" @4:0', "%6 = udiv i64 %3, 8"),
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

test("a branch on a comparison bounds a loop counter, and floor division of non-negatives becomes unsigned", () => {
  ranges(
    `
      func @f(%n: i64) -> i64 {
      entry:
        %0 = and i64 %n, 1023
        br header
      header:
        %1 = phi i64 [0, entry], [%3, body]
        %2 = icmp lt i1 %1, %0
        condbr %2, body, exit
      body:
        %3 = add i64 %1, 1 raises OverflowError "o" @1:0
        %4 = mul i64 %1, %1 raises OverflowError "o" @2:0
        %5 = floormod i64 %4, %3 raises ZeroDivisionError "z" @3:0
        %6 = floordiv i64 %4, %3 raises ZeroDivisionError "z" @4:0
        br header
      exit:
        ret %1
      }
    `,
    `
      func @f(%n: i64) -> i64 {
      entry:
        %0 = and i64 %n, 1023
        br header
      header:
        %1 = phi i64 [0, entry], [%3, body]
        %2 = icmp lt i1 %1, %0
        condbr %2, body, exit
      body:
        %3 = add i64 %1, 1 nsw
        %4 = mul i64 %1, %1 nsw
        %5 = urem i64 %4, %3
        %6 = udiv i64 %4, %3
        br header
      exit:
        ret %1
      }
    `,
  );
});

test("a value stepped by at most one per iteration of a counted loop is bounded by the trip count", () => {
  const counted = `
      func @f(%n: i64, %c: i1) -> i64 {
      entry:
        %0 = and i64 %n, 1048575
        br header
      header:
        %1 = phi i64 [0, entry], [%5, latch]
        %2 = phi i64 [0, entry], [%4, latch]
        %3 = icmp lt i1 %1, %0
        condbr %3, body, exit
      body:
        condbr %c, bump, latch
      bump:
        %6 = add i64 %2, 1 raises OverflowError "o" @1:0
        br latch
      latch:
        %4 = phi i64 [%2, body], [%6, bump]
        %5 = add i64 %1, 1
        br header
      exit:
        ret %2
      }
    `;
  ranges(counted, counted.replace(' raises OverflowError "o" @1:0', " nsw"));
  // Without a counter the trip count is unknown, and a step of any size is unbounded.
  const uncounted = counted.replace("%3 = icmp lt i1 %1, %0", "%3 = icmp ne i1 %1, %n");
  ranges(uncounted, uncounted);
  const unboundedStep = counted.replace("%6 = add i64 %2, 1 raises", "%6 = add i64 %2, %n raises");
  ranges(unboundedStep, unboundedStep);
});

test("a call's range is the union of what its callee returns", () => {
  const module = parseIrModule(`
    module "m.py"
    entry @main
    extern @print_int(i64) -> void memory any
    func @gcd(%a: i64, %b: i64) -> i64 {
    entry:
      br header
    header:
      %0 = phi i64 [%a, entry], [%1, body]
      %1 = phi i64 [%b, entry], [%2, body]
      %3 = icmp ne i1 %1, 0
      condbr %3, body, exit
    body:
      %2 = floormod i64 %0, %1 raises ZeroDivisionError "z" @1:0
      br header
    exit:
      ret %0
    }
    func @main() -> void {
    entry:
      %0 = call i64 @gcd(12, 18) @2:0
      %1 = call i64 @gcd(400, 1000) @3:0
      %2 = mul i64 %0, %1 raises OverflowError "o" @4:0
      call_extern void @print_int(%2) @5:0
      ret
    }
  `);
  assert.equal(removeImpossibleChecksInModule(module), true);
  const printed = printModule(module);
  assert.match(printed, /%2 = urem i64 %0, %1\n/);
  assert.match(printed, /%2 = mul i64 %0, %1 nsw\n/);
});

// `for i in range(n): if c: inside += 1` as lowered, with n unknown: the counter's bound in the body
// (i < n <= 2**63 - 1) bounds what the loop can have added to `inside`.
const countedByUnknownBound = `
      func @f(%n: i64, %c: i1) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%4, latch]
        %1 = phi i64 [0, entry], [%3, latch]
        %2 = icmp lt i1 %0, %n
        condbr %2, body, exit
      body:
        condbr %c, bump, latch
      bump:
        %5 = add i64 %1, 1 raises OverflowError "o" @1:0
        br latch
      latch:
        %3 = phi i64 [%1, body], [%5, bump]
        %4 = add i64 %0, 1
        %6 = icmp lt i1 %4, %0
        condbr %6, exit, header
      exit:
        %7 = phi i64 [%1, header], [%3, latch]
        ret %7
      }
    `;

test("a value that moves by at most one per iteration stays within the loop counter's distance from its start", () => {
  // The check goes; the operation is marked as one that never overflows.
  const unchecked = (text: string) => text.replace(' raises OverflowError "o" @1:0', " nsw");
  ranges(countedByUnknownBound, unchecked(countedByUnknownBound));
  // Down by at most one per iteration: the same bound below.
  const down = countedByUnknownBound.replace("%5 = add i64 %1, 1 raises", "%5 = sub i64 %1, 1 raises");
  ranges(down, unchecked(down));
  // A counter going down from an unknown start to 0 counts the iterations as well.
  const countdown = countedByUnknownBound
    .replace("%0 = phi i64 [0, entry], [%4, latch]", "%0 = phi i64 [%n, entry], [%4, latch]")
    .replace("%2 = icmp lt i1 %0, %n", "%2 = icmp gt i1 %0, 0")
    .replace("%4 = add i64 %0, 1", "%4 = sub i64 %0, 1");
  ranges(countdown, unchecked(countdown));
});

test("a loop-carried value keeps its check when its start, its step or the loop's count is not bounded", () => {
  const keeps = (text: string) => ranges(text, text);
  // Two per iteration can pass 2**63 - 1 in fewer than 2**63 iterations.
  keeps(countedByUnknownBound.replace("%5 = add i64 %1, 1 raises", "%5 = add i64 %1, 2 raises"));
  // Starting from anything.
  keeps(countedByUnknownBound.replace("%1 = phi i64 [0, entry]", "%1 = phi i64 [%n, entry]"));
  // A counter that may wrap (no bound keeps it below 2**63 - 1) counts nothing.
  keeps(countedByUnknownBound.replace("%2 = icmp lt i1 %0, %n", "%2 = icmp ne i1 %0, %n"));
  // A counter stepped by two is not one that counts iterations.
  keeps(countedByUnknownBound.replace("%4 = add i64 %0, 1", "%4 = add i64 %0, 2"));
  // Outside the loop the value is read after the last iteration, where the counter may be 2**63 - 1.
  const after = countedByUnknownBound
    .replace(' raises OverflowError "o" @1:0', "")
    .replace("ret %7", '%8 = add i64 %7, 1 raises OverflowError "o" @2:0\n        ret %8');
  keeps(after);
});

test("an exported function, or one whose address is taken, may be called with anything", () => {
  const square = (linkage: string, main: string) => `
    module "m.py"
    entry @main
    func @square(%x: i64) -> i64${linkage} {
    entry:
      %0 = mul i64 %x, %x raises OverflowError "o" @1:0
      ret %0
    }
    func @main() -> void {
    entry:
      %0 = call i64 @square(7) @2:0
      ${main}
      ret
    }
  `;
  const checks = (text: string) => {
    const m = parseIrModule(text);
    removeImpossibleChecksInModule(m);
    return /raises/.test(printModule(m));
  };
  assert.equal(checks(square("", "")), false);
  assert.equal(checks(square(" exported", "")), true);
  assert.equal(checks(square("", "%1 = func_ref fn(i64) -> i64 @square")), true);
});

const taggedExterns = `
      extern @int_add(tagged, tagged) -> tagged memory any
      extern @int_mul(tagged, tagged) -> tagged memory any
      extern @int_floordiv(tagged, tagged) -> tagged memory any
      extern @int_compare(tagged, tagged) -> i64 memory any
      extern @int_from_i64(i64) -> tagged memory any
`;

test("proves tagged arithmetic on a bounded counter immediate: no tag tests, no overflow, no fallback", () => {
  ranges(
    `${taggedExterns}
      func @f(%n: i64) -> tagged {
      entry:
        %0 = and i64 %n, 1023
        br loop
      loop:
        %1 = phi i64 [0, entry], [%5, body]
        %2 = icmp lt i1 %1, %0
        condbr %2, body, done
      body:
        %3 = tbox tagged %1, @int_from_i64
        %4 = tadd tagged %3, tagged 2, @int_add
        %5 = add i64 %1, 1
        %6 = tcmp lt i1 %4, tagged 2000, @int_compare
        br loop
      done:
        ret tagged 0
      }
    `,
    `
      func @f(%n: i64) -> tagged {
      entry:
        %0 = and i64 %n, 1023
        br loop
      loop:
        %1 = phi i64 [0, entry], [%5, body]
        %2 = icmp lt i1 %1, %0
        condbr %2, body, done
      body:
        %3 = tbox tagged %1, @int_from_i64 immediate
        %4 = tadd tagged %3, tagged 2, @int_add immediate
        %5 = add i64 %1, 1
        %6 = tcmp lt i1 %4, tagged 2000, @int_compare immediate
        br loop
      done:
        ret tagged 0
      }
    `,
  );
});

test("keeps the tests of tagged arithmetic that may leave 62 bits, or whose bound may be a big integer", () => {
  const source = `
      func @f(%n: i64, %t: tagged, %s: tagged) -> tagged {
      entry:
        br loop
      loop:
        %0 = phi tagged [tagged 0, entry], [%2, body]
        %1 = tcmp lt i1 %0, %t, @int_compare
        condbr %1, body, done
      body:
        %2 = tadd tagged %0, %s, @int_add
        %3 = tbox tagged %n, @int_from_i64
        %4 = tmul tagged %2, %2, @int_mul
        %5 = tfloordiv tagged %0, tagged 8, @int_floordiv
        br loop
      done:
        ret %0
      }

      func @g(%a: tagged, %t: tagged) -> tagged {
      entry:
        %0 = tcmp ge i1 %a, tagged 0, @int_compare
        condbr %0, positive, done
      positive:
        %1 = tcmp lt i1 %a, %t, @int_compare
        condbr %1, below, done
      below:
        %2 = tfloordiv tagged %a, tagged 8, @int_floordiv
        %3 = tadd tagged %2, tagged 2, @int_add
        ret %3
      done:
        ret tagged 0
      }
    `;
  // %0 < %t where %t may be 2**70, and %0 moves by any step: neither %2 nor %0 // 4 need be an
  // immediate; %n may be any int64; and the square of a sum need not fit. In @g, 0 <= %a < %t
  // bounds %a by nothing, so %a // 4 + 1 may be 2**68.
  ranges(taggedExterns + source, source);
});

test("a tagged counter moving by one stays immediate: no loop makes 2**61 trips", () => {
  const body = (immediate: string) => `
      func @f(%t: tagged) -> tagged {
      entry:
        br loop
      loop:
        %0 = phi tagged [tagged 0, entry], [%2, body]
        %1 = tcmp lt i1 %0, %t, @int_compare
        condbr %1, body, done
      body:
        %2 = tadd tagged %0, tagged 2, @int_add${immediate}
        br loop
      done:
        ret %0
      }
    `;
  ranges(taggedExterns + body(""), body(" immediate"));
});

test("a bounds check on an unboxed index bounds the tagged integer it came from", () => {
  const body = (immediate: string) => `
      func @f(%t: tagged, %n: i64) -> tagged {
      entry:
        %0 = and i64 %n, 1023
        %1 = tunbox i64 %t, @int_to_index @1:0
        %2 = sub i64 0, %0
        %3 = icmp ge i1 %1, %2
        %4 = icmp lt i1 %1, %0
        %5 = select i1 %3, %4, false
        condbr %5, inside, outside
      inside:
        %6 = tadd tagged %t, tagged 2, @int_add${immediate}
        ret %6
      outside:
        ret %t
      }
    `;
  ranges(
    `${taggedExterns}      extern @int_to_index(tagged) -> i64 canfail memory any\n${body("")}`,
    body(" immediate"),
  );
});

test("boxing a machine counter of a loop of unbounded count gives an immediate (2**61 trips at most)", () => {
  const body = (immediate: string) => `
      func @f(%n: i64) -> tagged {
      entry:
        br loop
      loop:
        %0 = phi i64 [1, entry], [%3, body]
        %1 = icmp lt i1 %0, %n
        condbr %1, body, done
      body:
        %2 = tbox tagged %0, @int_from_i64${immediate}
        %3 = add i64 %0, 1
        br loop
      done:
        ret tagged 0
      }
    `;
  ranges(taggedExterns + body(""), body(" immediate"));
});

test("a narrower integer's checks are judged at its own width", () => {
  ranges(
    `
      func @f() -> i32 {
      entry:
        %0 = add i32 i32 2147483647, i32 1 raises OverflowError "o" @1:0
        %1 = add i32 i32 2147483646, i32 1 raises OverflowError "o" @2:0
        %2 = ineg i8 i8 -128 raises OverflowError "o" @3:0
        %3 = add i32 %0, %1
        ret %3
      }
    `,
    `
      func @f() -> i32 {
      entry:
        %0 = add i32 i32 2147483647, i32 1 raises OverflowError "o" @1:0
        %1 = add i32 i32 2147483646, i32 1 nsw
        %2 = ineg i8 i8 -128 raises OverflowError "o" @3:0
        %3 = add i32 %0, %1
        ret %3
      }
    `,
  );
});
