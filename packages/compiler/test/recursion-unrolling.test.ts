import assert from "node:assert/strict";
import { test } from "node:test";
import { cloneFunction, printFunction, unrollRecursion, validateModule } from "../src/index.js";
import { fibModule } from "./fib-module.js";
import { interpret } from "./ir-interpreter.js";
import { parseValid } from "./ir-text.js";

// fib, which calls itself twice, and count, which calls itself once.
const fibAndCount = fibModule(
  "ret %n",
  `
  func @count(%n: i64) -> i64 {
  entry:
    %0 = icmp le i1 %n, 0
    condbr %0, base, recurse
  base:
    ret 0
  recurse:
    %1 = sub i64 %n, 1
    %2 = call i64 @count(%1) @9:11
    %3 = add i64 %2, 1 raises OverflowError "o" @9:11
    ret %3
  }`,
);

test("a copy of a function is the same function under another name, sharing nothing", () => {
  const m = parseValid(fibAndCount);
  const fib = m.functions[0]!;
  const copy = cloneFunction(m, fib, "fib.copy");
  assert.equal(
    printFunction(copy),
    printFunction(fib).replace("@fib(%n: i64) -> i64 {", '@fib.copy(%n: i64) -> i64 display "fib" {'),
  );
  assert.deepEqual(validateModule(m), []);
  copy.blocks[0]!.instructions.length = 0;
  assert.equal(fib.blocks[0]!.instructions.length, 1);
});

test("a function calling itself once is unrolled into a ring of copies; results are unchanged", () => {
  const m = parseValid(fibAndCount);
  const [fib, count] = m.functions as [(typeof m.functions)[0], (typeof m.functions)[0]];
  assert.equal(unrollRecursion(m), true);
  assert.deepEqual(validateModule(m), []);
  // fib calls itself twice and is left alone; count becomes count → r1 → r2 → r3 → count.
  assert.deepEqual(
    m.functions.map((f) => f.name),
    ["fib", "count", "main", "count.r1", "count.r2", "count.r3"],
  );
  const callee = (name: string) =>
    m.functions
      .find((f) => f.name === name)!
      .blocks.flatMap((b) => b.instructions)
      .flatMap((i) => (i.kind === "call" ? [i.callee.name] : []));
  assert.deepEqual(callee("count"), ["count.r1"]);
  assert.deepEqual(callee("count.r3"), ["count"]);
  assert.deepEqual(callee("fib"), ["fib", "fib"]);
  assert.deepEqual(interpret(count, [10n]), { kind: "return", value: "10", printed: [] });
  assert.deepEqual(interpret(fib, [10n]), { kind: "return", value: "55", printed: [] });
});
