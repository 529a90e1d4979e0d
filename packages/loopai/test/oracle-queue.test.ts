// The oracle off the request path: the queue on its own (concurrency, backlog, pause, retry), and
// the loop with a real LLM oracle (OpenAI's wire format on a loopback server that answers, hangs
// until released, or says 429 with Retry-After): a hanging provider holds no request, a cascade
// waits at most its deadline, a full backlog drops samples and says so, and Retry-After pauses the
// queue instead of spending it.

import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, type ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Loopai } from "../src/loop.js";
import { OracleQueue } from "../src/oracle-queue.js";
import { SqliteStore } from "../src/store.js";
import { intentSpec, intents } from "./intents.js";

describe("the queue", () => {
  /** A job that runs until its release is called. */
  const held = () => {
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    return { job: () => done, release };
  };

  test("runs at most `concurrency` jobs at once and keeps the rest in order", async () => {
    const q = new OracleQueue(2, 10);
    const order: number[] = [];
    const jobs = Array.from({ length: 5 }, () => held());
    for (const [i, j] of jobs.entries())
      q.push(async () => {
        order.push(i);
        await j.job();
      });
    assert.deepEqual(q.stats(), { running: 2, waiting: 3, dropped: 0, pausedUntil: 0 });
    for (const j of jobs) j.release();
    await q.idle();
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.deepEqual(q.stats(), { running: 0, waiting: 0, dropped: 0, pausedUntil: 0 });
  });

  test("drops what does not fit the backlog and counts it", () => {
    const q = new OracleQueue(1, 2);
    const j = held();
    const pushed = Array.from({ length: 6 }, () => q.push(j.job));
    assert.deepEqual(pushed, [true, true, true, false, false, false]);
    assert.equal(q.stats().dropped, 3);
    assert.equal(q.clear(), 2);
    j.release();
  });

  test("a pause holds every job back until it ends; a job put back runs first", async () => {
    const q = new OracleQueue(4, 10);
    const ran: string[] = [];
    q.pause(150);
    q.push(async () => {
      ran.push("a");
    });
    q.retry(async () => {
      ran.push("retried");
    });
    await sleep(50);
    assert.deepEqual(ran, [], "nothing runs while paused");
    await q.idle();
    assert.deepEqual(ran, ["retried", "a"]);
  });
});

/** A loopback server speaking OpenAI's chat completions, whose behaviour each test sets. */
type Mode = "answer" | "hang" | "rate-limit";
let mode: Mode = "answer";
let seen = 0;
/** When each request arrived (ms). */
const arrivals: number[] = [];
const held: ServerResponse[] = [];
const answers = new Map<string, string>();
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => {
    body += c.toString();
  });
  req.on("end", () => {
    seen++;
    arrivals.push(Date.now());
    if (mode === "hang") {
      held.push(res);
      return;
    }
    if (mode === "rate-limit") {
      mode = "answer";
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end(JSON.stringify({ error: { message: "slow down", type: "requests" } }));
      return;
    }
    const question = (JSON.parse(body) as { messages: { content: string }[] }).messages.at(-1)?.content ?? "";
    const label = answers.get(question.trim()) ?? "other";
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        choices: [
          { index: 0, message: { role: "assistant", content: `{"answer":"${label}"}` }, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: 20, completion_tokens: 3 },
      }),
    );
  });
});
let base = "";
before(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => {
  for (const res of held) res.destroy();
  server.close();
});

const data = intents(200, 41);
for (const d of data) answers.set(d.input, d.output);

let endpoints = 0;
/** A trained intent task whose oracle is the loopback server (its own endpoint: its own breaker). */
async function loopWith(extra: Record<string, unknown>, events: string[] = []): Promise<Loopai> {
  const loop = new Loopai({
    store: new SqliteStore(":memory:"),
    env: { LOOPBACK_KEY: "k" },
    autoImprove: false,
    onEvent: (event) => events.push(event),
  });
  await loop.createTask(
    intentSpec({
      oracle: {
        type: "llm",
        providers: [
          {
            kind: "openai",
            model: "gpt-4o-mini",
            baseUrl: `${base}/e${++endpoints}/v1`,
            apiKeyEnv: "LOOPBACK_KEY",
            retries: 0,
          },
        ],
      },
      examples: data.slice(0, 60),
      // The programs come from the examples alone: the provider is the oracle here, not a coder.
      synthesis: { codegen: false },
      ...extra,
    }),
  );
  await loop.train("intent");
  seen = 0;
  arrivals.length = 0;
  return loop;
}

describe("the loop with a real LLM oracle", () => {
  test("a hanging provider holds no request: answers come at once, the samples wait", async () => {
    const loop = await loopWith({ sampling: { strategy: "random", rate: 1 }, serving: { oracleConcurrency: 3 } });
    mode = "hang";
    const results = [];
    for (const d of data.slice(100, 120)) results.push(await loop.execute("intent", d.input));
    assert.ok(results.every((r) => r.servedBy === "program" && r.queued === true));
    for (let i = 0; i < 500 && seen < 3; i++) await sleep(10);
    await sleep(50);
    assert.equal(seen, 3, "the provider got as many calls as the concurrency allows");
    assert.deepEqual(loop.oracleQueues().get("intent"), { running: 3, waiting: 17, dropped: 0, pausedUntil: 0 });
    // The provider comes back: every sample is answered and becomes a label.
    mode = "answer";
    for (const res of held.splice(0)) res.destroy();
    await loop.drain();
    const status = await loop.status("intent");
    assert.equal(status.oracle.calls, 20);
    assert.equal(status.oracle.valid, 17, "the three calls the provider dropped are errors, the rest answers");
    assert.equal(status.labels, 60 + 17);
    await loop.close();
  });

  test("a cascade waits for the oracle at most its deadline, then serves the program's answer", async () => {
    const cascade = {
      sampling: { strategy: "uncertainty", rate: 1, confidenceThreshold: 1, seed: 2 },
      serving: { cascade: { deadlineMs: 300 } },
    };
    mode = "answer";
    const quick = await loopWith(cascade);
    const answered = await quick.execute("intent", data[130]!.input);
    assert.equal(answered.sampleReason, "uncertainty");
    assert.equal(answered.servedBy, "oracle");
    assert.equal(answered.output, data[130]!.output);
    await quick.close();

    const slow = await loopWith(cascade);
    mode = "hang";
    const late = await slow.execute("intent", data[131]!.input);
    assert.equal(late.servedBy, "program");
    assert.match(late.errors?.join() ?? "", /no answer within 300 ms; the program's answer is served/);
    mode = "answer";
    for (const res of held.splice(0)) res.destroy();
    await slow.close();
  });

  test("a full backlog drops samples, counted and reported, and serving goes on", async () => {
    const events: string[] = [];
    const loop = await loopWith(
      { sampling: { strategy: "random", rate: 1 }, serving: { oracleConcurrency: 1, oracleBacklog: 3 } },
      events,
    );
    mode = "hang";
    for (const d of data.slice(140, 150)) assert.equal((await loop.execute("intent", d.input)).servedBy, "program");
    assert.deepEqual(loop.oracleQueues().get("intent"), { running: 1, waiting: 3, dropped: 6, pausedUntil: 0 });
    assert.equal(events.filter((e) => e === "sample-dropped").length, 6);
    mode = "answer";
    for (const res of held.splice(0)) res.destroy();
    await loop.close();
  });

  test("a 429 with Retry-After pauses the queue until then; the sample is asked again after", async () => {
    const loop = await loopWith({
      sampling: { strategy: "random", rate: 1 },
      serving: { oracleConcurrency: 1 },
    });
    mode = "rate-limit";
    for (const d of data.slice(160, 165)) await loop.execute("intent", d.input);
    await loop.drain();
    // The 429 came first; the next call waited out its Retry-After (a second) however busy the machine.
    assert.ok(
      (arrivals[1] ?? 0) - (arrivals[0] ?? 0) >= 950,
      `next call after ${(arrivals[1] ?? 0) - (arrivals[0] ?? 0)} ms`,
    );
    const status = await loop.status("intent");
    assert.equal(status.labels, 60 + 5, "every sample was answered after the pause");
    assert.equal(seen, 6);
    await loop.close();
  });
});
