// The CLI through its main(): exit statuses, messages without stack traces, the whole workflow.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli.js";
import { SqliteStore } from "../src/store.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "cli.db");

async function run(args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["--db", db, ...args], {
    out: (s) => (out += s),
    err: (s) => (err += s),
    stdin: Readable.from([stdin]),
  });
  return { code, out, err };
}

const rows = [
  ["I want my money back", "refund"],
  ["refund the broken blender please", "refund"],
  ["give me a refund now", "refund"],
  ["money back for this order", "refund"],
  ["where is my parcel", "shipping"],
  ["the delivery has not arrived", "shipping"],
  ["tracking shows no parcel movement", "shipping"],
  ["parcel delivery is late", "shipping"],
];

test("init, train, run, status, versions, review, rollback", async () => {
  writeFileSync(
    join(dir, "labels.jsonl"),
    `${rows.map(([input, output]) => JSON.stringify({ input, output })).join("\n")}\n`,
  );
  const examples = rows.map(([input, output]) => `  - { input: "${input}", output: ${output} }`).join("\n");
  writeFileSync(
    join(dir, "spec.yaml"),
    `name: intent\ninput: { type: text }\noutput: { type: label, labels: [refund, shipping] }\noracle: { type: dataset, path: labels.jsonl }\n# Eight examples: a held-out estimate this small cannot show 95%.\naccuracyTarget: 0.6\nsampling: { strategy: random, rate: 1 }\nimprovement: { rollout: immediate, minNewLabels: 1000, growthFactor: 100 }\nexamples:\n${examples}\n`,
  );
  let r = await run(["init", join(dir, "spec.yaml")]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /task intent: created \(8 examples/);
  r = await run(["train", "intent"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /version 1 \(\w+\) active/);
  r = await run(["run", "intent"], "where is my parcel\nI want my money back\n");
  assert.equal(r.code, 0, r.err);
  const lines = r.out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.output, l.servedBy, l.sampled]),
    [
      // Served by the program at once; the samples went to the oracle in the background.
      ["shipping", "program", "random"],
      ["refund", "program", "random"],
    ],
  );
  r = await run(["status", "intent"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /requests 2/);
  assert.match(r.out, /cost reduction = 1 − s − G\/\(N·c\)/);
  r = await run(["status", "intent", "--json"]);
  assert.equal(JSON.parse(r.out).oracle.calls, 2);
  r = await run(["versions", "intent", "--audit"]);
  assert.match(r.out, /activate/);
  r = await run(["versions", "intent", "--json"]);
  assert.equal(r.code, 0, r.err);
  const history = JSON.parse(r.out) as {
    task: string;
    versions: {
      version: number;
      strategy: string;
      status: string;
      accuracy: { estimate: number };
      generationCost: number;
      body?: string;
    }[];
    audit: { action: string; toVersion: number | null }[];
  };
  assert.equal(history.task, "intent");
  assert.deepEqual(
    history.versions.map((v) => [v.version, v.status]),
    [[1, "active"]],
  );
  assert.equal(typeof history.versions[0]!.accuracy.estimate, "number");
  assert.equal(typeof history.versions[0]!.generationCost, "number");
  assert.equal(history.versions[0]!.body, undefined);
  assert.ok(history.audit.some((a) => a.toVersion === 1));
  r = await run(["review", "intent", "--list"]);
  assert.match(r.out, /no items waiting/);
  r = await run(["rollback", "intent"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /^loopai: task "intent" has no earlier version to roll back to\n$/);
});

test("bad input: a malformed spec, an unknown task, a missing file exit 1 with one clear line", async () => {
  writeFileSync(
    join(dir, "bad.yaml"),
    "name: x\ninput: { type: text }\noutput: { type: label, labels: [a] }\noracle: { type: dataset }\n",
  );
  let r = await run(["init", join(dir, "bad.yaml")]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.yaml:3: \/output\/labels: must NOT have fewer than 2 items/);
  assert.match(r.err, /bad\.yaml:4: \/oracle: missing required field "path"/);
  assert.doesNotMatch(r.err, /\n\s+at /);
  r = await run(["status", "nope"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /unknown task "nope"/);
  r = await run(["init", join(dir, "missing.yaml")]);
  assert.equal(r.code, 1);
  assert.match(r.err, /cannot read task spec .*missing\.yaml: ENOENT/);
  r = await run(["frobnicate"]);
  assert.equal(r.code, 1);
  r = await run(["--help"]);
  assert.equal(r.code, 0);
});

test("run: one record per input line with its number, blank lines included, inputs typed by the spec", async () => {
  const r = await run(["run", "intent"], 'where is my parcel\n\n{"not": "json to a text task"}\n"quoted"\n');
  assert.equal(r.code, 0, r.err);
  const records = r.out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number; output?: string; error?: string });
  assert.deepEqual(
    records.map((x) => x.line),
    [1, 2, 3, 4],
  );
  assert.ok(
    records.every((x) => typeof x.output === "string"),
    r.out,
  );
});

test("run: an input above the spec's input.maxBytes gets an error record naming the limit", async () => {
  const examples = rows.map(([input, output]) => `  - { input: "${input}", output: ${output} }`).join("\n");
  writeFileSync(
    join(dir, "small.yaml"),
    `name: small\ninput: { type: text, maxBytes: 40 }\noutput: { type: label, labels: [refund, shipping] }\noracle: { type: dataset, path: labels.jsonl }\naccuracyTarget: 0.6\nexamples:\n${examples}\n`,
  );
  assert.equal((await run(["init", join(dir, "small.yaml")])).code, 0);
  assert.equal((await run(["train", "small"])).code, 0);
  const r = await run(["run", "small"], `where is my parcel\n${"x".repeat(41)}\nmoney back\n`);
  assert.equal(r.code, 0, r.err);
  const records = r.out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number; output?: string; error?: string });
  assert.equal(records.length, 3);
  assert.match(records[1]!.error ?? "", /41 bytes, above the task's limit of 40 \(input\.maxBytes\)/);
  assert.ok(records[0]!.output !== undefined && records[2]!.output !== undefined);
});

test("run | head: a closed pipe ends quietly with status 0 and the counters written", async () => {
  const bin = fileURLToPath(new URL("../../bin/loopai.js", import.meta.url));
  const child = spawn(process.execPath, [bin, "--db", db, "run", "intent"], { stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const ended = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const before = new SqliteStore(db);
  const requestsBefore = (await before.counters("intent")).requests;
  await before.close();
  // The reader takes one line and goes away, as `head -1` does; the writer keeps writing.
  const firstLine = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  child.stdin.on("error", () => {}); // the child may be gone before the feed stops
  const feed = setInterval(() => child.stdin.write("where is my parcel\n".repeat(200)), 5);
  await firstLine;
  child.stdout.destroy();
  const code = await ended;
  clearInterval(feed);
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /EPIPE|at .*\.js:\d+/);
  const after = new SqliteStore(db);
  try {
    assert.ok((await after.counters("intent")).requests > requestsBefore);
  } finally {
    await after.close();
  }
});

test("init refuses what cannot run and never drops examples silently; review --label checks its item", async () => {
  const examples = rows.map(([input, output]) => `  - { input: "${input}", output: ${output} }`).join("\n");
  const spec = (name: string, oracle: string, more = "") =>
    `name: ${name}\ninput: { type: text }\noutput: { type: label, labels: [refund, shipping] }\noracle: ${oracle}\nexamples:\n${examples}\n${more}`;
  writeFileSync(join(dir, "nofile.yaml"), spec("nofile", "{ type: dataset, path: /nonexistent/labels.jsonl }"));
  let r = await run(["init", join(dir, "nofile.yaml")]);
  assert.equal(r.code, 1);
  assert.match(r.err, /cannot read dataset \/nonexistent\/labels\.jsonl: ENOENT/);
  writeFileSync(
    join(dir, "nokey.yaml"),
    spec(
      "nokey",
      "{ type: llm, providers: [{ kind: openai, model: gpt-4o-mini, apiKeyEnv: LOOPAI_TEST_NO_SUCH_KEY }] }",
    ),
  );
  r = await run(["init", join(dir, "nokey.yaml")]);
  assert.equal(r.code, 1);
  assert.match(r.err, /needs an API key in \$LOOPAI_TEST_NO_SUCH_KEY, or a baseUrl of your own/);

  // The intent task exists: init again is refused; --update adds the new example as a label.
  const labelsBefore = JSON.parse((await run(["status", "intent", "--json"])).out).labels as number;
  writeFileSync(
    join(dir, "spec2.yaml"),
    `${readFileSync(join(dir, "spec.yaml"), "utf8")}  - { input: "my tracking number does nothing", output: shipping }\n`,
  );
  r = await run(["init", join(dir, "spec2.yaml")]);
  assert.equal(r.code, 1);
  assert.match(r.err, /task "intent" already exists; `loopai init --update` changes it/);
  r = await run(["init", "--update", join(dir, "spec2.yaml")]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /task intent: updated \(9 examples/);
  assert.equal(JSON.parse((await run(["status", "intent", "--json"])).out).labels, labelsBefore + 1);

  r = await run(["review", "intent", "--label", "x=refund"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /--label expects a review item's number before "=", got "x"/);
  r = await run(["review", "intent", "--label", "99999=refund"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /no review item 99999 in task "intent"/);
});

test("train that leaves a task with no program exits 1 and says the oracle answers meanwhile", async () => {
  const examples = rows.map(([input, output]) => `  - { input: "${input}", output: ${output} }`).join("\n");
  writeFileSync(
    join(dir, "noprogram.yaml"),
    `name: noprogram\ninput: { type: text }\noutput: { type: label, labels: [refund, shipping] }\noracle: { type: dataset, path: labels.jsonl }\nsynthesis: { strategies: [extract] }\nexamples:\n${examples}\n`,
  );
  assert.equal((await run(["init", join(dir, "noprogram.yaml")])).code, 0);
  const r = await run(["train", "noprogram"]);
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /no strategy produced a usable program/);
  assert.match(
    r.err,
    /task "noprogram" has no program: the oracle answers every request until `loopai train noprogram` produces one/,
  );
});
