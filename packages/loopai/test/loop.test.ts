// The loop end to end on the real SQLite store, real worker threads and real data.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { wilsonInterval } from "@toolchain/stats";
import { loadSpamAssassin, shuffle } from "../bench/loopai-bench.js";
import { LoopaiError } from "../src/errors.js";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import type { ProgramVersion } from "../src/programs.js";
import { seededRandom } from "../src/sampling.js";
import { SqliteStore } from "../src/store.js";
import { WorkerPool } from "../src/worker-pool.js";
import { intentSpec, intents } from "./intents.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-test-"));
const pool = new WorkerPool({ size: 2, deadlineMs: 200 });
after(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});
let dbs = 0;
const newStore = () => new SqliteStore(join(dir, `t${++dbs}.db`));

test("spam: a stream through the loop is answered, sampled, stored and learnt from", async () => {
  // Shuffled: in file order the corpus is all ham, then all spam, and the stream would test that.
  const all = shuffle(loadSpamAssassin(), 17);
  const items = all.slice(0, 600).map((e) => ({ input: e.text, output: e.label }));
  const store = newStore();
  // The stream is replayed as fast as the loop answers: training in-line stands for time passing.
  const loop = new Loopai({ store, oracle: new DatasetOracle(items, 0.001), trainOffThread: false });
  await loop.createTask({
    name: "spam",
    input: { type: "text" },
    output: { type: "label", labels: ["ham", "spam"] },
    oracle: { type: "dataset", path: "(memory)" },
    examples: items.slice(0, 40),
    sampling: { strategy: "uncertainty", rate: 0.08, seed: 2 },
    improvement: { minNewLabels: 15, rollout: "immediate" },
  });
  const v1 = await loop.train("spam");
  assert.equal(v1?.status, "active");
  let correct = 0;
  let sampled = 0;
  const stream = items.slice(40);
  for (const it of stream) {
    const res = await loop.execute("spam", it.input);
    assert.notEqual(res.servedBy, "none");
    if (res.sampled) sampled++;
    if (res.output === it.output) correct++;
  }
  const s = await loop.status("spam");
  assert.equal(s.requests, stream.length);
  assert.equal(s.oracle.calls, sampled);
  assert.equal(s.labels, 40 + sampled);
  assert.equal((await store.samples("spam", 10_000)).length, sampled);
  assert.ok(Math.abs(sampled / stream.length - 0.08) < 0.02, `sampled ${sampled}`);
  assert.ok(s.versions >= 2, "regenerated as labels arrived");
  // Better than always answering the majority label, with confidence.
  const majority = Math.max(...["ham", "spam"].map((l) => stream.filter((x) => x.output === l).length)) / stream.length;
  assert.ok(
    wilsonInterval(correct, stream.length).low > majority,
    `accuracy ${correct / stream.length} vs majority ${majority}`,
  );
  assert.ok(s.cost.reduction > 0.8 && s.cost.reduction < 1);
  await loop.close();
});

test("a program that throws or loops: the request is answered by the previous version, or by the oracle", async () => {
  const data = intents(200, 9);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), pool, autoImprove: false });
  await loop.createTask(intentSpec({ examples: data.slice(0, 60), sampling: { strategy: "random", rate: 0 } }));
  const v1 = await loop.train("intent");
  await store.updateTask("intent", () => ({ statuses: [{ version: v1?.version ?? 0, status: "retired" }] }));
  for (const [i, source] of [
    "function run(x) { throw new Error('bad generated code'); }",
    "function run(x) { while (true) {} }",
  ].entries()) {
    const first = (await store.getVersion("intent", v1?.version ?? 0)) as ProgramVersion;
    await store.updateTask("intent", (_row, version) => ({
      newVersion: { ...first, version, kind: "code", strategy: "codegen", body: source, status: "active" },
      activeVersion: version,
    }));
    const l = new Loopai({ store, oracle: new DatasetOracle(data), pool, autoImprove: false });
    const r = await l.execute("intent", data[100 + i].input);
    assert.equal(r.servedBy, "previous");
    assert.equal(r.version, v1?.version);
    assert.match(r.errors?.[0] ?? "", i === 0 ? /bad generated code/ : /deadline/);
    await l.close();
  }
  // With onProgramError: oracle, and the oracle asked directly.
  await loop.createTask(
    intentSpec({ examples: [], onProgramError: "oracle", sampling: { strategy: "random", rate: 0 } }),
    {
      update: true,
    },
  );
  const r = await loop.execute("intent", data[150].input);
  assert.equal(r.servedBy, "oracle");
  assert.equal(r.output, data[150].output);
  assert.ok((await store.counters("intent")).errors >= 0);
  await loop.close();
});

test("training on new labels is paced: improvement.maxTrainingShare bounds its share of the time", async () => {
  const data = intents(400, 12);
  const regenerations = async (maxTrainingShare: number): Promise<number> => {
    let n = 0;
    const loop = new Loopai({
      store: newStore(),
      oracle: new DatasetOracle(data),
      trainOffThread: false,
      onEvent: (event) => {
        if (event === "regenerated") n++;
      },
    });
    await loop.createTask(
      intentSpec({
        examples: data.slice(0, 40),
        sampling: { strategy: "random", rate: 1 },
        improvement: { minNewLabels: 20, rollout: "immediate", maxTrainingShare },
      }),
    );
    await loop.train("intent");
    for (const d of data.slice(40)) await loop.execute("intent", d.input);
    await loop.close();
    return n;
  };
  // Unpaced, every 20 labels start one; at a share of 1/10,000 the first one's duration (some
  // milliseconds at least) holds the next back for far longer than the stream takes.
  assert.ok((await regenerations(1)) >= 5);
  assert.equal(await regenerations(0.0001), 1);
});

test("an oracle answer outside the label set is reported, not stored as a label, and the request is still answered", async () => {
  const data = intents(100, 10);
  const store = newStore();
  const lying = new DatasetOracle(data.map((d) => ({ input: d.input, output: "maybe" })));
  const loop = new Loopai({ store, oracle: lying, autoImprove: false });
  await loop.createTask(intentSpec({ examples: data.slice(0, 40), sampling: { strategy: "random", rate: 1 } }));
  await loop.train("intent");
  const r = await loop.execute("intent", data[50].input);
  assert.equal(r.servedBy, "program");
  assert.equal(r.queued, true);
  await loop.drain();
  assert.equal(await store.labelCount("intent"), 40);
  assert.deepEqual((await store.oracleTotals("intent")).calls, 1);
  assert.deepEqual((await store.oracleTotals("intent")).valid, 0);
  assert.match((await store.samples("intent"))[0].error ?? "", /not one of the labels/);
  await loop.close();
});

test("human review queue: sampled items wait for a label, which becomes training data", async () => {
  const data = intents(100, 11);
  const store = newStore();
  const loop = new Loopai({ store, autoImprove: false });
  await loop.createTask(
    intentSpec({ oracle: { type: "human" }, examples: data.slice(0, 40), sampling: { strategy: "random", rate: 1 } }),
  );
  await loop.train("intent");
  const r = await loop.execute("intent", data[60].input);
  assert.equal(r.servedBy, "program");
  assert.equal(r.sampled, true);
  await loop.drain();
  const pending = await loop.pendingReviews("intent");
  assert.equal(pending.length, 1);
  assert.equal((await loop.status("intent")).pendingReviews, 1);
  await assert.rejects(loop.answerReview(pending[0].id, "dunno"), LoopaiError);
  const { agree } = await loop.answerReview(pending[0].id, data[60].output);
  assert.equal(agree, r.output === data[60].output);
  assert.equal((await loop.pendingReviews("intent")).length, 0);
  assert.equal((await loop.status("intent")).pendingReviews, 0);
  assert.equal(await store.labelCount("intent"), 41);
  await loop.close();
});

test("rollback returns to any earlier version at once and is audited", async () => {
  const data = intents(300, 12);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), autoImprove: false });
  await loop.createTask(intentSpec({ examples: data.slice(0, 30), improvement: { rollout: "immediate" } }));
  const v1 = await loop.train("intent");
  for (const d of data.slice(30, 80)) await loop.feedback("intent", d.input, d.output);
  const v2 = await loop.train("intent", { force: true });
  assert.equal((await store.getTask("intent"))?.activeVersion, v2?.version);
  assert.equal(await loop.rollback("intent"), v1?.version);
  assert.equal((await store.getTask("intent"))?.activeVersion, v1?.version);
  assert.equal((await loop.execute("intent", data[100].input)).version, v1?.version);
  assert.equal(await loop.rollback("intent", v2?.version), v2?.version);
  assert.deepEqual(
    (await store.auditLog("intent")).filter((a) => a.action === "rollback").map((a) => a.toVersion),
    [v1?.version, v2?.version],
  );
  await assert.rejects(loop.rollback("intent", 99), /no version 99/);
  await loop.close();
});

test("LLM code generation: code from an OpenAI-format server is parsed, tested on the examples and run in workers", async () => {
  let calls = 0;
  const replies = [
    "Here you go:\n```js\nfunction run(input) { return { output: 'refund', confidence: 0.5 } \n```", // syntax error
    "```js\nfunction run(input) {\n  const t = input.toLowerCase();\n  if (/refund|money|back|return/.test(t)) return { output: 'refund', confidence: 0.9 };\n  if (/parcel|delivery|tracking|arrived/.test(t)) return { output: 'shipping', confidence: 0.9 };\n  return { output: 'other', confidence: 0.6 };\n}\n```",
  ];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const parsed = JSON.parse(body);
      assert.equal(parsed.messages[0].role, "system");
      const text = replies[Math.min(calls++, replies.length - 1)];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
          usage: { prompt_tokens: 900, completion_tokens: 120 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const data = intents(120, 13);
  const store = newStore();
  const loop = new Loopai({ store, pool, autoImprove: false });
  await loop.createTask(
    intentSpec({
      examples: data.slice(0, 40),
      oracle: {
        type: "llm",
        providers: [{ kind: "openai", model: "gpt-4o-mini", baseUrl: `http://127.0.0.1:${port}/v1`, retries: 0 }],
      },
      synthesis: { strategies: ["codegen"] },
      sampling: { strategy: "random", rate: 0 },
    }),
  );
  const v = await loop.train("intent");
  server.close();
  assert.equal(v?.kind, "code");
  assert.equal(calls, 2, "the syntax error was fed back and fixed");
  assert.ok((v?.generationCost ?? 0) > 0);
  const results = await loop.executeBatch(
    "intent",
    data.slice(60, 80).map((d) => d.input),
  );
  const right = results.filter((r, i) => r.output === data[60 + i].output).length;
  assert.ok(right >= 18, `${right}/20`);
  assert.ok(results.every((r) => r.servedBy === "program"));
  await loop.close();
});

test("the oracle's answer cache: an input sampled again is answered from it, not paid for, not labelled twice", async () => {
  const data = intents(100, 12);
  const store = newStore();
  const oracle = new DatasetOracle(data, 0.002);
  const loop = new Loopai({ store, oracle, pool, autoImprove: false });
  await loop.createTask(intentSpec({ examples: data.slice(0, 40), sampling: { strategy: "random", rate: 1 } }));
  await loop.train("intent", { force: true });
  const first = await loop.execute("intent", data[60]!.input);
  assert.equal(first.queued, true);
  await loop.drain();
  const labels = await store.labelCount("intent");
  assert.equal(labels, 41, "the oracle's answer became a label");
  // The same question with other spacing is the same question.
  await loop.execute("intent", `  ${data[60]!.input.replaceAll(" ", "   ")} `);
  await loop.drain();
  assert.equal((await loop.status("intent")).oracle.calls, 1);
  assert.equal(await store.labelCount("intent"), labels);
  await loop.close();
  // Another process over the same store starts with the answers the oracle already gave.
  const other = new Loopai({ store, oracle, pool, autoImprove: false });
  await other.execute("intent", data[60]!.input);
  assert.equal((await other.status("intent")).oracle.calls, 1);
  await other.close();
});

test("a first version below the accuracy target is not activated: the oracle answers and labels until a program reaches it", async () => {
  const data = intents(600, 17);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), pool, seed: 3 });
  await loop.createTask(
    intentSpec({ examples: data.slice(0, 6), accuracyTarget: 0.9, improvement: { rollout: "immediate" } }),
  );
  const first = await loop.train("intent");
  assert.equal(first?.status, "candidate");
  assert.ok((first?.accuracy.high ?? 1) < 0.9);
  assert.equal((await store.getTask("intent"))?.activeVersion, null);
  assert.equal((await store.auditLog("intent", "below-target")).length, 1);
  const served = [];
  for (const d of data.slice(100, 400)) {
    served.push((await loop.execute("intent", d.input)).servedBy);
    await loop.drain();
  }
  // The oracle answered while no program was good enough, and its answers trained one that is.
  assert.equal(served[0], "oracle");
  const active = (await store.getTask("intent"))?.activeVersion ?? null;
  assert.notEqual(active, null, "a later version reached the target");
  const version = await store.getVersion("intent", active ?? 0);
  assert.ok((version?.accuracy.high ?? 0) >= 0.9);
  assert.equal(served.at(-1), "program");
  await loop.close();
});

test("labels are one per input: an input labelled again and again does not inflate held-out accuracy", async () => {
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle([]), pool, autoImprove: false });
  const random = seededRandom(5);
  const labels = ["refund", "shipping", "other"];
  const inputs = intents(20, 61).map((d) => d.input);
  // Each input labelled four times, each time at random: nothing in the words decides the label.
  const examples = inputs.flatMap((input) =>
    Array.from({ length: 4 }, () => ({ input, output: labels[Math.floor(random() * 3)] })),
  );
  await loop.createTask(intentSpec({ examples, accuracyTarget: 0.1 }));
  const v = await loop.train("intent");
  assert.ok((v?.accuracy.estimate ?? 1) < 0.6, `held-out accuracy ${v?.accuracy.estimate} on random labels`);
  assert.equal(v?.holdoutSize, 20, "one label per input");
  await loop.close();
});

test("a version trains in a worker thread: requests are answered while it trains", async () => {
  const all = loadSpamAssassin();
  const items = all.slice(0, 1500).map((e) => ({ input: e.text, output: e.label }));
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(items), autoImprove: false });
  await loop.createTask({
    name: "spam",
    input: { type: "text" },
    output: { type: "label", labels: ["ham", "spam"] },
    oracle: { type: "dataset", path: "(memory)" },
    examples: items.slice(0, 1200),
    accuracyTarget: 0.5,
    sampling: { strategy: "random", rate: 0 },
    improvement: { rollout: "immediate" },
  });
  await loop.train("spam");
  let trained = false;
  const training = loop.train("spam", { force: true }).then(() => {
    trained = true;
  });
  for (const it of items.slice(1200, 1220)) assert.equal((await loop.execute("spam", it.input)).servedBy, "program");
  assert.equal(trained, false, "twenty requests were answered before the training ended");
  await training;
  assert.equal((await store.versions("spam")).length, 2);
  await loop.close();
});
