// `loopai serve`'s HTTP API on real HTTP over loopback, on the real SQLite store and a trained task:
// answers and their shapes, errors naming the field, the API key, the review queue, Prometheus's
// text format, the OpenAPI document, and counters written by a graceful close.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import { buildServer } from "../src/server/http-api.js";
import { SqliteStore } from "../src/store.js";
import { WorkerPool } from "../src/worker-pool.js";
import { intentSpec, intents } from "./intents.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-serve-"));
const pool = new WorkerPool({ size: 1, deadlineMs: 200 });
after(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const data = intents(400, 5);

/** The oracle's answers as a JSON Lines file, so that `loopai serve` (another process) can read them. */
const oracleFile = join(dir, "intent-oracle.jsonl");
writeFileSync(oracleFile, data.map((d) => JSON.stringify(d)).join("\n"));

/** A store with the intent task trained on 60 examples, its oracle the dataset file. */
async function trainedStore(path: string): Promise<void> {
  const store = new SqliteStore(path);
  const loop = new Loopai({ store, oracle: new DatasetOracle(data, 0.002), pool, autoImprove: false });
  await loop.createTask(
    intentSpec({
      oracle: { type: "dataset", path: oracleFile },
      examples: data.slice(0, 60),
      sampling: { strategy: "random", rate: 0.1, seed: 3 },
    }),
  );
  await loop.train("intent", { force: true });
  await loop.close();
  await store.close();
}

interface Running {
  app: FastifyInstance;
  base: string;
  store: SqliteStore;
}

async function serve(path: string, apiKey?: string): Promise<Running> {
  const store = new SqliteStore(path);
  const loop = new Loopai({ store, oracle: new DatasetOracle(data, 0.002), pool, autoImprove: false });
  const app = await buildServer(loop, store, apiKey === undefined ? {} : { apiKey });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, base: address, store };
}

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("loopai serve", () => {
  const path = join(dir, "serve.db");
  let running: Running;
  before(async () => {
    await trainedStore(path);
    running = await serve(path);
  });
  after(async () => {
    await running.app.close();
    await running.store.close();
  });

  test("execute answers with the output, confidence, version and what served it", async () => {
    const response = await post(running.base, "/v1/tasks/intent/execute", { input: data[100]!.input });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ["confidence", "output", "servedBy", "version"]);
    assert.ok(["refund", "shipping", "other"].includes(body.output as string));
    assert.equal(body.version, 1);
    assert.ok(body.servedBy === "program" || body.servedBy === "oracle");
  });

  test("execute-batch answers every input in order, and the figures add up in status and metrics", async () => {
    const inputs = data.slice(200, 300).map((d) => d.input);
    const response = await post(running.base, "/v1/tasks/intent/execute-batch", { inputs });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as { results: { output: string; servedBy: string }[] };
    assert.equal(results.length, 100);
    const correct = results.filter((r, i) => r.output === data[200 + i]!.output).length;
    assert.ok(correct >= 80, `${correct} of 100 right`);

    const status = (await (await fetch(`${running.base}/v1/tasks/intent`)).json()) as {
      requests: number;
      answeredBy: Record<string, number>;
    };
    assert.ok(status.requests >= 101, `${status.requests} requests`);
    const byServer = results.filter((r) => r.servedBy === "program").length;
    const metrics = await (await fetch(`${running.base}/metrics`)).text();
    const count = Number(/loopai_requests_total\{task="intent",served_by="program"\} (\d+)/.exec(metrics)?.[1]);
    assert.ok(count >= byServer, metrics);
    assert.match(metrics, /# TYPE loopai_program_latency_seconds histogram/);
    assert.match(metrics, /loopai_active_version\{task="intent"\} 1/);
    assert.match(metrics, /loopai_agreement_ratio\{task="intent"\} [0-9.]+/);
    const list = (await (await fetch(`${running.base}/v1/tasks`)).json()) as { tasks: { task: string }[] };
    assert.deepEqual(
      list.tasks.map((t) => t.task),
      ["intent"],
    );
  });

  test("a bad request gets a 4xx with a JSON error naming the field", async () => {
    const cases: [string, unknown, number, string][] = [
      ["/v1/tasks/intent/execute", {}, 400, "input"],
      ["/v1/tasks/intent/execute", { input: "x", extra: 1 }, 400, "extra"],
      ["/v1/tasks/intent/execute-batch", { inputs: "not a list" }, 400, "inputs"],
      ["/v1/tasks/intent/feedback", { input: "x" }, 400, "output"],
    ];
    for (const [route, body, status, field] of cases) {
      const response = await post(running.base, route, body);
      assert.equal(response.status, status, route);
      const error = (await response.json()) as { error: string; field?: string };
      assert.equal(error.field, field, JSON.stringify(error));
      assert.ok(error.error.length > 0);
    }
    const notJson = await fetch(`${running.base}/v1/tasks/intent/execute`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ nope",
    });
    assert.equal(notJson.status, 400);
    assert.ok(((await notJson.json()) as { error: string }).error.length > 0);
    const unknown = await post(running.base, "/v1/tasks/nope/execute", { input: "x" });
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as { error: string }).error, /unknown task "nope"/);
    const typed = await post(running.base, "/v1/tasks/intent/execute", { input: { text: "a text task" } });
    assert.equal(typed.status, 400);
    assert.match(((await typed.json()) as { error: string }).error, /input must be a string for a text task/);
    const batch = await post(running.base, "/v1/tasks/intent/execute-batch", { inputs: ["fine", 42] });
    assert.equal(batch.status, 400);
    assert.equal(((await batch.json()) as { field: string }).field, "inputs.1");
    const label = await post(running.base, "/v1/tasks/intent/feedback", { input: "x", output: "banana" });
    assert.equal(label.status, 400);
    const review = await post(running.base, "/v1/reviews/999999", { label: "refund" });
    assert.equal(review.status, 404);
  });

  test("feedback stores a label and says whether the active version agreed", async () => {
    const response = await post(running.base, "/v1/tasks/intent/feedback", {
      input: data[150]!.input,
      output: data[150]!.output,
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { agree: boolean | null; version: number };
    assert.equal(body.version, 1);
    assert.equal(typeof body.agree, "boolean");
  });

  test("GET /healthz, and the OpenAPI document describes the routes and their schemas", async () => {
    assert.deepEqual(await (await fetch(`${running.base}/healthz`)).json(), { status: "ok", tasks: 1 });
    const doc = (await (await fetch(`${running.base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { required: string[] } }> } }>
      >;
    };
    assert.equal(doc.openapi, "3.0.3");
    for (const path of [
      "/v1/tasks/{task}/execute",
      "/v1/tasks/{task}/execute-batch",
      "/v1/tasks/{task}/feedback",
      "/v1/tasks",
      "/v1/tasks/{task}",
      "/v1/tasks/{task}/reviews",
      "/v1/reviews/{id}",
      "/healthz",
    ])
      assert.ok(doc.paths[path] !== undefined, `${path} in ${Object.keys(doc.paths).join(", ")}`);
    const execute = doc.paths["/v1/tasks/{task}/execute"]!.post!.requestBody!.content["application/json"]!.schema;
    assert.deepEqual(execute.required, ["input"]);
  });
});

describe("loopai serve with an API key and a review queue", () => {
  test("writes need the key; reads do not; a person's label through the API reaches the store", async () => {
    const path = join(dir, "keyed.db");
    const store = new SqliteStore(path);
    const loop = new Loopai({ store, pool, autoImprove: false });
    await loop.createTask(
      intentSpec({ oracle: { type: "human" }, examples: data.slice(0, 40), sampling: { strategy: "random", rate: 1 } }),
    );
    await loop.train("intent", { force: true });
    const app = await buildServer(loop, store, { apiKey: "s3cret" });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const refused = await post(base, "/v1/tasks/intent/execute", { input: data[50]!.input });
      assert.equal(refused.status, 401);
      const wrong = await post(
        base,
        "/v1/tasks/intent/execute",
        { input: data[50]!.input },
        { authorization: "Bearer nope" },
      );
      assert.equal(wrong.status, 401);
      const served = await post(
        base,
        "/v1/tasks/intent/execute",
        { input: data[50]!.input },
        { "x-api-key": "s3cret" },
      );
      assert.equal(served.status, 200);

      const queue = (await (await fetch(`${base}/v1/tasks/intent/reviews`)).json()) as {
        items: { id: number; input: string }[];
      };
      assert.equal(queue.items.length, 1);
      assert.equal(queue.items[0]!.input, data[50]!.input);
      const id = queue.items[0]!.id;
      const labelled = await post(
        base,
        `/v1/reviews/${id}`,
        { label: data[50]!.output },
        { authorization: "Bearer s3cret" },
      );
      assert.equal(labelled.status, 200);
      assert.equal(typeof ((await labelled.json()) as { agree: boolean }).agree, "boolean");
      assert.equal((await store.getReview(id))?.status, "done");
      assert.deepEqual((await store.getReview(id))?.label, data[50]!.output);
      const again = await post(base, `/v1/reviews/${id}`, { label: "refund" }, { authorization: "Bearer s3cret" });
      assert.equal(again.status, 400);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test("a graceful close writes the execution counters to the store", async () => {
    const path = join(dir, "close.db");
    await trainedStore(path);
    const { app, base, store } = await serve(path);
    const inputs = data.slice(300, 340).map((d) => d.input);
    assert.equal((await post(base, "/v1/tasks/intent/execute-batch", { inputs })).status, 200);
    await app.close();
    await store.close();
    const reopened = new SqliteStore(path);
    try {
      assert.equal((await reopened.counters("intent")).requests, 40);
    } finally {
      await reopened.close();
    }
  });
});

describe("the loopai serve command", () => {
  test("listens, answers, and on SIGTERM stops gracefully with status 0", async () => {
    const path = join(dir, "command.db");
    await trainedStore(path);
    const bin = fileURLToPath(new URL("../../bin/loopai.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "--db", path, "serve", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const ended = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!/listening on (http:\/\/\S+)/.test(out) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const base = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      assert.ok(base !== undefined, out);
      assert.match(out, /tasks: intent/);
      const response = await post(base, "/v1/tasks/intent/execute", { input: data[10]!.input });
      assert.equal(response.status, 200, await response.clone().text());
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await ended, 0);
    assert.match(out, /stopped; execution counters written/);
    const reopened = new SqliteStore(path);
    try {
      assert.equal((await reopened.counters("intent")).requests, 1);
    } finally {
      await reopened.close();
    }
  });

  test("a bad --port is refused with a clear message and status 1", () => {
    const bin = fileURLToPath(new URL("../../bin/loopai.js", import.meta.url));
    const run = spawnSync(process.execPath, [bin, "--db", join(dir, "x.db"), "serve", "--port", "http"], {
      encoding: "utf8",
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--port must be a port number/);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/);
  });
});
