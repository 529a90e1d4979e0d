// LLM code generation against a loopback server speaking the OpenAI chat-completions format: the
// held-out split (code that memorises what it was shown is refused) and the generation budget.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { main } from "../src/cli.js";
import { Loopai } from "../src/loop.js";
import { seededRandom } from "../src/sampling.js";
import { SqliteStore } from "../src/store.js";
import { holdoutSplit, MIN_HELD_OUT } from "../src/synthesizers/codegen.js";
import { WorkerPool } from "../src/worker-pool.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-codegen-"));
const pool = new WorkerPool({ size: 2, deadlineMs: 500 });

/** What the server was asked (every message's text, joined) and how it answers the next request. */
const requests: string[] = [];
let reply: (prompt: string) => string = () => "";
let server: Server;
let baseUrl = "";

before(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const parsed = JSON.parse(body) as { messages: { content: string }[] };
      const prompt = parsed.messages.map((m) => m.content).join("\n");
      requests.push(prompt);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: reply(prompt) }, finish_reason: "stop" }],
          usage: { prompt_tokens: 900, completion_tokens: 120 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

after(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

function intents(n: number, seed: number) {
  const r = seededRandom(seed);
  const words: Record<string, string[]> = {
    refund: ["refund", "money", "back", "return"],
    shipping: ["parcel", "delivery", "tracking", "arrived"],
    other: ["password", "hours", "colour", "size"],
  };
  const noise = ["please", "my", "the", "order", "today", "hi", "thanks", "item", "now", "again"];
  const labels = Object.keys(words);
  return Array.from({ length: n }, (_, i) => {
    const label = labels[Math.floor(r() * 3)];
    const ws = [words[label][Math.floor(r() * 4)], ...Array.from({ length: 4 }, () => noise[Math.floor(r() * 10)])];
    ws.sort(() => r() - 0.5);
    return { input: `${ws.join(" ")} #${i}`, output: label };
  });
}

const GENERAL = [
  "```js",
  "function run(input) {",
  "  const t = input.toLowerCase();",
  "  if (/refund|money|back|return/.test(t)) return { output: 'refund', confidence: 0.9 };",
  "  if (/parcel|delivery|tracking|arrived/.test(t)) return { output: 'shipping', confidence: 0.9 };",
  "  return { output: 'other', confidence: 0.6 };",
  "}",
  "```",
].join("\n");

/** Code that answers exactly the examples quoted in the prompt and guesses "other" for anything else. */
function memoriser(prompt: string): string {
  const table: Record<string, string> = {};
  for (const m of prompt.matchAll(/^- ("(?:[^"\\]|\\.)*") → ("\w+")$/gm)) table[JSON.parse(m[1])] = JSON.parse(m[2]);
  return `\`\`\`js\nconst seen = ${JSON.stringify(table)};\nfunction run(input) { return { output: seen[input] ?? "other", confidence: 1 }; }\n\`\`\``;
}

const spec = (examples: { input: string; output: string }[], extra: Record<string, unknown> = {}) => ({
  name: "intent",
  description: "Which intent does the message express?",
  input: { type: "text" },
  output: { type: "label", labels: ["refund", "shipping", "other"] },
  oracle: { type: "llm", providers: [{ kind: "openai", model: "gpt-4o-mini", baseUrl, retries: 0 }] },
  synthesis: { strategies: ["codegen"] },
  sampling: { strategy: "random", rate: 0 },
  examples,
  ...extra,
});

test("code that only fits the examples it was shown is refused on the held-out ones, which it never saw", async () => {
  const data = intents(30, 1);
  const { heldOut } = holdoutSplit(data);
  assert.ok(heldOut.length >= 9, `held out ${heldOut.length}`);
  requests.length = 0;
  reply = memoriser;
  const store = new SqliteStore(join(dir, "memorise.db"));
  const loop = new Loopai({ store, pool, autoImprove: false });
  await loop.createTask(spec(data));
  assert.equal(await loop.train("intent"), undefined);
  assert.equal(requests.length, 3, "every attempt was made");
  for (const prompt of requests)
    for (const h of heldOut) assert.ok(!prompt.includes(h.input), `held-out ${h.input} was shown`);
  // Every shown example passed, so the feedback could only say that the code does not generalise.
  assert.match(requests[1], /only \d+ of \d+ similar inputs you have not seen/);
  const failed = (await store.auditLog("intent")).find((a) => a.action === "generation-failed");
  const notes = JSON.stringify(failed?.detail);
  assert.match(notes, new RegExp(`${data.length - heldOut.length}/${data.length - heldOut.length} shown examples`));
  assert.match(notes, /rejected: best attempt passed [\d.]+% of held-out examples/);
  await loop.close();
  await store.close();
});

test("accepted code reports its held-out accuracy as the version's accuracy", async () => {
  const data = intents(30, 2);
  const { shown, heldOut } = holdoutSplit(data);
  requests.length = 0;
  reply = () => GENERAL;
  const store = new SqliteStore(join(dir, "general.db"));
  const loop = new Loopai({ store, pool, autoImprove: false });
  await loop.createTask(spec(data));
  const v = await loop.train("intent");
  assert.equal(v?.kind, "code");
  assert.equal(requests.length, 1);
  assert.equal(v?.holdoutSize, heldOut.length);
  assert.ok(shown.length + heldOut.length === data.length);
  // The same function over the held-out examples, run here directly.
  const run = new Function(`${GENERAL.split("\n").slice(1, -1).join("\n")}; return run;`)() as (x: string) => {
    output: string;
  };
  const right = heldOut.filter((h) => run(h.input as string).output === h.output).length;
  assert.equal(v?.accuracy.estimate, right / heldOut.length);
  await loop.close();
  await store.close();
});

test("maxGenerationCost: a regeneration that could overrun it makes no call, is audited and shown by status; serving goes on", async () => {
  const data = intents(80, 3);
  requests.length = 0;
  reply = () => GENERAL;
  const db = join(dir, "budget.db");
  const store = new SqliteStore(db);
  const events: string[] = [];
  const loop = new Loopai({ store, pool, onEvent: (e) => events.push(e), trainOffThread: false });
  await loop.createTask(spec(data.slice(0, 30), { budget: { maxGenerationCost: 1 } }));
  const v1 = await loop.train("intent");
  assert.equal(v1?.status, "active");
  assert.equal(requests.length, 1);
  const spent = (await loop.status("intent")).budget.generationSpent;
  assert.ok(spent > 0 && spent === v1?.generationCost);
  // The budget is now exactly what has been spent; new labels make a regeneration due.
  await loop.createTask(
    spec(data.slice(0, 30), { budget: { maxGenerationCost: spent }, improvement: { minNewLabels: 5 } }),
    {
      update: true,
    },
  );
  for (const d of data.slice(30, 40)) await loop.feedback("intent", d.input, d.output);
  assert.equal(requests.length, 1, "no further call reached the provider");
  assert.ok(events.includes("generation-refused"), events.join());
  const refused = (await store.auditLog("intent")).filter((a) => a.action === "generation-refused");
  assert.ok(refused.length >= 1);
  assert.match((refused[0].detail as { reason: string }).reason, /generation budget has \$0\.0000 left/);
  const s = await loop.status("intent");
  assert.equal(s.budget.generationRefusals, refused.length);
  assert.equal(s.budget.generationSpent, spent);
  assert.equal(s.activeVersion, v1?.version);
  const r = await loop.execute("intent", data[50].input);
  assert.equal(r.servedBy, "program");
  assert.equal(r.version, v1?.version);
  await loop.close();
  await store.close();

  let out = "";
  const code = await main(["--db", db, "status", "intent"], {
    out: (x) => (out += x),
    err: (x) => (out += x),
    stdin: process.stdin,
  });
  assert.equal(code, 0, out);
  assert.match(out, /generation spend \$0\.\d+ of a \$0\.\d+ budget/);
  assert.match(out, /regenerations refused by the generation budget: \d+ \(last .*: attempt 1 not made/);
});

test("too few held-out examples to judge code: no call is made and no code is accepted", async () => {
  const data = intents(9, 4);
  requests.length = 0;
  reply = () => GENERAL;
  assert.ok(holdoutSplit(data).heldOut.length < MIN_HELD_OUT);
  const store = new SqliteStore(join(dir, "few.db"));
  const loop = new Loopai({ store, pool, autoImprove: false });
  await loop.createTask(spec(data));
  const v = await loop.train("intent");
  assert.equal(requests.length, 0, "no call reached the provider");
  assert.notEqual(v?.kind, "code");
  await loop.close();
  await store.close();
});
