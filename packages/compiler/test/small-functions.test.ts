import assert from "node:assert/strict";
import { test } from "node:test";
import { parseIrModule } from "../src/index.js";
import { functionsToInline } from "../src/llvm/small-functions.js";

test("LLVM must inline small functions without loops or recursion, and only those", () => {
  const m = parseIrModule(`
    func @leaf(%x: i64) -> i64 {
    entry:
      %0 = mul i64 %x, %x raises OverflowError "o" @1:0
      ret %0
    }

    func @calls_leaf(%x: i64) -> i64 {
    entry:
      %0 = call i64 @leaf(%x) @2:0
      %1 = add i64 %0, 1 raises OverflowError "o" @2:0
      ret %1
    }

    func @countdown(%n: i64) -> i64 {
    entry:
      %0 = icmp le i1 %n, 0
      condbr %0, done, again
    again:
      %1 = sub i64 %n, 1
      %2 = call i64 @countdown(%1) @3:0
      ret %2
    done:
      ret 0
    }

    func @ping(%n: i64) -> i64 {
    entry:
      %0 = call i64 @pong(%n) @4:0
      ret %0
    }

    func @pong(%n: i64) -> i64 {
    entry:
      %0 = call i64 @ping(%n) @5:0
      ret %0
    }

    func @loops(%n: i64) -> i64 {
    entry:
      br loop
    loop:
      %0 = phi i64 [0, entry], [%1, loop]
      %1 = add i64 %0, 1
      %2 = icmp lt i1 %1, %n
      condbr %2, loop, done
    done:
      ret %1
    }

    func @main() -> void {
    entry:
      %0 = call i64 @calls_leaf(3) @6:0
      %1 = call i64 @countdown(3) @7:0
      %2 = call i64 @ping(3) @8:0
      %3 = call i64 @loops(3) @9:0
      ret
    }
    entry @main
  `);
  const chosen = [...functionsToInline(m)].map((fn) => fn.name).sort();
  assert.deepEqual(chosen, ["calls_leaf", "leaf"]);
});
