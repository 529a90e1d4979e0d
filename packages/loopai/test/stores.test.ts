// The store's guarantees, checked on both implementations (SQLite and a real PostgreSQL started
// for the test): task-state changes are transactions that see the row as it is, concurrent
// changes never number two versions alike or promote against a stale incumbent, a training lease
// has one holder, counters add up, a review is labelled once, and numbers come back as numbers.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { ProgramVersion } from "../src/programs.js";
import { withDefaults } from "../src/spec.js";
import { type LoopaiStore, openStore } from "../src/store.js";
import { postgresForTests } from "./postgres-server.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-stores-"));
const postgres = postgresForTests();
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const spec = withDefaults({
  name: "t",
  input: { type: "text" },
  output: { type: "label", labels: ["a", "b"] },
  oracle: { type: "human" },
});

const version = (n: number): ProgramVersion => ({
  task: "t",
  version: n,
  strategy: "rules",
  kind: "data",
  body: "{}",
  trainingHash: "-",
  trainingSize: 10,
  accuracy: { estimate: 0.9, low: 0.8, high: 0.95 },
  holdoutSize: 10,
  costMicros: 1.5,
  generationCost: 0.25,
  generationMs: 3,
  status: "candidate",
  createdAt: new Date().toISOString(),
});

let databases = 0;
const kinds: [string, () => Promise<string>][] = [
  ["sqlite", async () => join(dir, `s${++databases}.db`)],
  ["postgres", async () => postgres().database(`d${++databases}`)],
];

for (const [kind, location] of kinds)
  describe(`${kind} store`, () => {
    /** Two connections to one fresh database, as two instances would have. */
    async function pair(): Promise<[LoopaiStore, LoopaiStore]> {
      const where = await location();
      const a = await openStore(where);
      const b = await openStore(where);
      await a.saveTask(spec);
      return [a, b];
    }

    test("concurrent new versions get distinct numbers, in order", async () => {
      const [a, b] = await pair();
      const made = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? a : b).updateTask("t", (_row, next) => ({ newVersion: version(next) })),
        ),
      );
      const numbers = made.map((m) => m.change?.newVersion?.version ?? 0).sort((x, y) => x - y);
      assert.deepEqual(
        numbers,
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      assert.equal((await a.versions("t")).length, 12);
      await a.close();
      await b.close();
    });

    test("a promotion decided on a stale incumbent is not applied (compare-and-set)", async () => {
      const [a, b] = await pair();
      await a.updateTask("t", (_row, next) => ({ newVersion: version(next), activeVersion: next }));
      for (let n = 2; n <= 9; n++) await a.updateTask("t", (_row, next) => ({ newVersion: version(next) }));
      // Eight promotions race, each meant to replace version 1: exactly one may happen.
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? a : b).updateTask("t", (row) =>
            row.activeVersion === 1
              ? {
                  activeVersion: i + 2,
                  audit: [{ action: "promote", fromVersion: row.activeVersion, toVersion: i + 2 }],
                }
              : undefined,
          ),
        ),
      );
      assert.equal(results.filter((r) => r.change).length, 1);
      const promotions = await b.auditLog("t", "promote");
      assert.equal(promotions.length, 1);
      assert.equal((await b.getTask("t"))?.activeVersion, promotions[0]?.toVersion);
      await a.close();
      await b.close();
    });

    test("a decision that throws changes nothing", async () => {
      const [a, b] = await pair();
      await assert.rejects(
        a.updateTask("t", (_row, next) => {
          void next;
          throw new Error("changed my mind");
        }),
        /changed my mind/,
      );
      await assert.rejects(
        a.updateTask("nope", () => undefined),
        /unknown task "nope"/,
      );
      assert.equal((await b.versions("t")).length, 0);
      await a.close();
      await b.close();
    });

    test("a training lease has one holder until it is released or expires", async () => {
      const [a, b] = await pair();
      assert.equal(await a.acquireLease("t", "one", 60_000), true);
      assert.equal(await b.acquireLease("t", "two", 60_000), false);
      assert.equal(await a.acquireLease("t", "one", 60_000), true, "its holder may renew it");
      await a.releaseLease("t", "one");
      assert.equal(await b.acquireLease("t", "two", 1), true);
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(await a.acquireLease("t", "one", 60_000), true, "an expired lease is free");
      await a.close();
      await b.close();
    });

    test("counters from many writers add up; totals and costs are numbers", async () => {
      const [a, b] = await pair();
      const c = {
        requests: 3,
        programAnswers: 2,
        fallbackAnswers: 0,
        oracleAnswers: 1,
        unanswered: 0,
        errors: 0,
        execMicros: 1.5,
      };
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).addCounters("t", 1, c)));
      const sum = await a.counters("t");
      assert.deepEqual(sum, { ...c, requests: 60, programAnswers: 40, oracleAnswers: 20, execMicros: 30 });
      await a.addOracleCall({
        task: "t",
        oracle: "o",
        input: "x",
        output: "a",
        valid: true,
        cost: 0.125,
        inputTokens: 5,
        outputTokens: 1,
      });
      assert.deepEqual(await b.oracleTotals("t"), { calls: 1, valid: 1, cost: 0.125, inputTokens: 5, outputTokens: 1 });
      await a.updateTask("t", (_row, next) => ({ newVersion: version(next) }));
      await a.audit("t", { action: "generation-failed", fromVersion: null, toVersion: null, detail: { cost: 0.5 } });
      assert.equal(await b.generationSpend("t"), 0.75);
      const [v] = await b.versions("t");
      assert.deepEqual([v?.version, v?.trainingSize, v?.accuracy.estimate, v?.costMicros], [1, 10, 0.9, 1.5]);
      await a.close();
      await b.close();
    });

    test("a review item is labelled once, whoever is first", async () => {
      const [a, b] = await pair();
      const id = await a.enqueueReview("t", 1, "x", "a", 0.4);
      const [first, second] = await Promise.all([a.completeReview(id, "b"), b.completeReview(id, "a")]);
      assert.equal(Number(first) + Number(second), 1);
      assert.equal(await a.pendingReviewCount("t"), 0);
      assert.equal((await b.getReview(id))?.status, "done");
      await a.close();
      await b.close();
    });

    test("samples and labels keep their JSON values and order", async () => {
      const [a, b] = await pair();
      await a.addLabel("t", { text: "ü", n: [1, 2] }, "a", "example");
      await a.addLabel("t", "plain", "b", "oracle");
      assert.deepEqual(
        (await b.labels("t")).map((l) => [l.input, l.output, l.source]),
        [
          [{ text: "ü", n: [1, 2] }, "a", "example"],
          ["plain", "b", "oracle"],
        ],
      );
      await a.addSample({
        task: "t",
        version: 1,
        input: "x",
        predicted: "a",
        confidence: 0.5,
        oracleOutput: "b",
        agree: false,
        reason: "random",
      });
      const [s] = await b.samples("t");
      assert.deepEqual([s?.agree, s?.oracleOutput, typeof s?.createdAt], [false, "b", "string"]);
      await a.close();
      await b.close();
    });
  });
