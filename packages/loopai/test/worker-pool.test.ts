// Generated code in real worker threads: answers, errors, endless loops and memory hogs.

import assert from "node:assert/strict";
import { after, test } from "node:test";
import { WorkerPool } from "../src/worker-pool.js";

const pool = new WorkerPool({ size: 2, memoryMb: 32, deadlineMs: 200 });
after(() => pool.close());

test("runs a program and reads its answer and confidence", async () => {
  const src = "function run(input) { return { output: input.includes('free') ? 'spam' : 'ham', confidence: 0.8 }; }";
  const rs = await pool.runBatch(src, ["free money", "lunch?"]);
  assert.deepEqual(
    rs.map((r) => (r.ok ? r.answer : r.error)),
    [
      { output: "spam", confidence: 0.8 },
      { output: "ham", confidence: 0.8 },
    ],
  );
});

test("a program that throws is reported and the pool goes on", async () => {
  const r = await pool.run("function run(x) { throw new TypeError('boom ' + x); }", "a");
  assert.deepEqual(r, { ok: false, error: "TypeError: boom a" });
  assert.equal((await pool.run("function run(x) { return x + 1; }", 1)).ok, true);
});

test("an endless loop hits the deadline", async () => {
  const r = await pool.run("function run(x) { for (;;) {} }", 1);
  assert.equal(r.ok, false);
  assert.match((r as { error: string }).error, /deadline of 200 ms exceeded/);
  assert.deepEqual(await pool.run("function run(x) { return x * 2; }", 21), {
    ok: true,
    answer: { output: 42, confidence: 1 },
  });
});

test("a memory hog hits the memory limit and its worker is replaced", async () => {
  const r = await pool.run(
    "function run(x) { const a = []; for (let i = 0; i < 1e6; i++) a.push(new Array(1000).fill(i)); return a.length; }",
    1,
  );
  assert.equal(r.ok, false);
  assert.match((r as { error: string }).error, /memory limit|deadline|worker/);
  assert.deepEqual(await pool.run("function run(x) { return 'alive'; }", 0), {
    ok: true,
    answer: { output: "alive", confidence: 1 },
  });
});

test("code cannot reach require, process or eval", async () => {
  const r = await pool.run("function run(x) { return [typeof require, typeof process].join(','); }", 0);
  assert.deepEqual(r, { ok: true, answer: { output: "undefined,undefined", confidence: 1 } });
  const e = await pool.run("function run(x) { return eval('1+1'); }", 0);
  assert.equal(e.ok, false);
});

test("a task's own deadline (synthesis.deadlineMs) applies to its calls, not the pool's", async () => {
  const slow = "function run(x) { const end = Date.now() + 80; while (Date.now() < end) {} return 'done'; }";
  const strict = await pool.run(slow, "x", 20);
  assert.equal(strict.ok, false);
  assert.match((strict as { error: string }).error, /deadline of 20 ms exceeded/);
  const relaxed = await pool.run(slow, "x");
  assert.deepEqual(relaxed, { ok: true, answer: { output: "done", confidence: 1 } });
});
