// Execution counters survive the way a `loopai run` process ends: a clean end of input, SIGTERM
// and SIGINT (counters saved, exit 143 / 130), and SIGKILL once the flush window has passed.

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli.js";
import { SqliteStore } from "../src/store.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-durable-"));
const db = join(dir, "durable.db");
const bin = fileURLToPath(new URL("../../bin/loopai.js", import.meta.url));
after(() => rmSync(dir, { recursive: true, force: true }));

const words = {
  refund: ["refund", "money", "back", "return"],
  shipping: ["parcel", "delivery", "tracking", "late"],
};
const lines = Array.from(
  { length: 400 },
  (_, i) => `${i % 2 ? words.refund[i % 4] : words.shipping[i % 4]} please ${i}`,
);

before(async () => {
  const examples = Object.entries(words).flatMap(([label, ws]) =>
    ws.map((w) => `  - { input: "my ${w} today", output: ${label} }`),
  );
  writeFileSync(join(dir, "labels.jsonl"), "");
  writeFileSync(
    join(dir, "spec.yaml"),
    `name: intent\ninput: { type: text }\noutput: { type: label, labels: [refund, shipping] }\noracle: { type: dataset, path: ${join(dir, "labels.jsonl")} }\n# Eight examples of a task that is only counted here, not judged.\naccuracyTarget: 0.3\nsampling: { strategy: random, rate: 0 }\nexamples:\n${examples.join("\n")}\n`,
  );
  const io = { out: () => {}, err: (s: string) => assert.fail(s), stdin: process.stdin };
  assert.equal(await main(["--db", db, "init", join(dir, "spec.yaml")], io), 0);
  assert.equal(await main(["--db", db, "train", "intent"], io), 0);
});

async function storedRequests(): Promise<number> {
  const store = new SqliteStore(db);
  try {
    return (await store.counters("intent")).requests;
  } finally {
    await store.close();
  }
}

/** Starts `loopai run`, feeds it `n` inputs and resolves once all `n` answers are out. */
async function serve(n: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, "--db", db, "run", "intent"], { stdio: ["pipe", "pipe", "inherit"] });
  const answers = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let seen = 0;
  const done = new Promise<void>((resolve, reject) => {
    answers.on("line", (line) => {
      assert.equal(JSON.parse(line).servedBy, "program");
      if (++seen === n) resolve();
    });
    child.once("exit", (code) => reject(new Error(`loopai run exited (${code}) after ${seen} answers`)));
  });
  child.stdin?.write(`${lines.slice(0, n).join("\n")}\n`);
  await done;
  return child;
}

for (const [signal, status] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
] as const) {
  test(`${signal}: loopai run saves every count and exits ${status}`, async () => {
    const before = await storedRequests();
    const child = await serve(250);
    child.kill(signal);
    const [code] = await once(child, "exit");
    assert.equal(code, status);
    assert.equal((await storedRequests()) - before, 250);
  });
}

test("end of input: every count is saved and the exit status is 0", async () => {
  const before = await storedRequests();
  const child = await serve(120);
  child.stdin?.end();
  const [code] = await once(child, "exit");
  assert.equal(code, 0);
  assert.equal((await storedRequests()) - before, 120);
});

test("SIGKILL: counts reach the store within the flush window, with no exit path run, so a kill loses none of them", async () => {
  const before = await storedRequests();
  const child = await serve(300);
  // Wait (up to 20 windows) for the idle flush; the process is still running and never flushes on exit.
  for (let i = 0; i < 200 && (await storedRequests()) - before < 300; i++) await sleep(100);
  child.kill("SIGKILL");
  const [code, signal] = await once(child, "exit");
  assert.equal(code, null);
  assert.equal(signal, "SIGKILL");
  assert.equal((await storedRequests()) - before, 300);
});
