import assert from "node:assert/strict";
import { test } from "node:test";
import { emitModule, parseIrModule } from "../src/index.js";

test("fields and elements get different alias tags; fields at the same offset share one", () => {
  const m = parseIrModule(`
    layout Buffer { data: ptr, length: i64 }
    layout Pair { first: i64, second: i64 }

    func @fill(%b: ref Buffer, %p: ref Pair, %x: f64) -> i64 {
    entry:
      %0 = get_field ptr %b, 0
      %1 = get_field i64 %b, 1
      elem_set void %0, 0, %x
      %2 = get_field i64 %p, 1
      set_field void %p, 0, %2
      %3 = add i64 %1, %2
      ret %3
    }

    func @main() -> void {
    entry:
      ret
    }
    entry @main
  `);
  const text = emitModule(m);
  const tagOf = (pattern: RegExp) => {
    const line = text.split("\n").find((l) => pattern.test(l));
    assert.ok(line !== undefined, `no line matches ${pattern}`);
    return /!tbaa (![0-9]+)/.exec(line)?.[1];
  };
  const data = tagOf(/= load ptr, ptr/);
  const length = tagOf(/= load i64, ptr %t\d+, !tbaa/);
  const element = tagOf(/store double/);
  const pairStore = tagOf(/store i64/);
  assert.ok(data && length && element && pairStore);
  assert.equal(new Set([data, length, element]).size, 3);
  // Buffer.data and Pair.first are both at offset 16 (after the header): one tag, as they may be
  // the same bytes if a program ever viewed one object as both.
  assert.equal(pairStore, data);
  assert.match(text, /^!\d+ = !\{!"element", !1, i64 0\}$/m);
});
