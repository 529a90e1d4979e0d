// Many instances, one store: four `loopai serve` processes on one PostgreSQL database and four
// `loopai run` processes on one SQLite file, each given a share of a log stream whose format
// changes part-way (so agreement drops and every instance wants to regenerate). Afterwards the
// store must show exactly one active version, every promotion and rollback made against the
// version then active (replayed from the audit log), every request counted once, contiguous
// version numbers, and no error left unreported (every process exits 0 with nothing on stderr).

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { generateLogs, LOG_SCHEMA } from "../src/loggen.js";
import { type LoopaiStore, openStore } from "../src/store.js";
import { postgresForTests } from "./postgres-server.js";

const bin = fileURLToPath(new URL("../../bin/loopai.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "loopai-instances-"));
const postgres = postgresForTests();
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const INSTANCES = 4;
const STREAM = 1200;
const items = [...generateLogs(STREAM + 60, 31, { shiftAt: 60 + STREAM / 3 })].map((l) => ({
  input: l.line,
  output: l.fields,
}));
const examples = items.slice(0, 60);
const stream = items.slice(60);

function writeSpec(): string {
  const oracle = join(dir, "oracle.jsonl");
  writeFileSync(oracle, items.map((i) => JSON.stringify(i)).join("\n"));
  const path = join(dir, "logs.json");
  writeFileSync(
    path,
    JSON.stringify({
      name: "logs",
      input: { type: "text" },
      output: { type: "json", schema: LOG_SCHEMA },
      oracle: { type: "dataset", path: oracle },
      examples,
      // 60 examples of three formats: the first program reaches about 90% held out.
      accuracyTarget: 0.8,
      sampling: { strategy: "uncertainty", rate: 0.1, explore: 0.3, seed: 4 },
      improvement: { minNewLabels: 15, rollout: "canary", requestsPerStage: 40 },
    }),
  );
  return path;
}

/** Runs the CLI to its end; returns its exit status and output. */
async function cli(args: string[], stdin?: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString();
  });
  child.stdin.end(stdin ?? "");
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, out, err };
}

async function prepare(db: string): Promise<void> {
  const init = await cli(["--db", db, "init", writeSpec()]);
  assert.equal(init.code, 0, init.err);
  const train = await cli(["--db", db, "train", "logs"]);
  assert.equal(train.code, 0, train.err);
}

/** What the store must say once every instance has stopped. */
async function checkStore(db: string, requests: number): Promise<string> {
  const store: LoopaiStore = await openStore(db);
  try {
    const task = await store.getTask("logs");
    const versions = await store.versions("logs");
    const active = versions.filter((v) => v.status === "active");
    assert.equal(active.length, 1, `active versions: ${active.map((v) => v.version).join(", ")}`);
    assert.equal(task?.activeVersion, active[0]?.version);
    assert.deepEqual(
      versions.map((v) => v.version),
      versions.map((_, i) => i + 1),
      "version numbers are contiguous",
    );
    assert.ok(versions.length >= 2, `the drift was answered by a regeneration (${versions.length} versions)`);
    // Replay the audit log: every change names the version active at that moment.
    let serving: number | null = null;
    let canary: number | null = null;
    for (const a of await store.auditLog("logs")) {
      const where = `audit #${a.id} ${a.action} ${a.fromVersion}→${a.toVersion}`;
      switch (a.action) {
        case "activate":
          assert.equal(serving, null, where);
          serving = a.toVersion;
          break;
        case "canary-start":
          assert.equal(a.fromVersion, serving, where);
          canary = a.toVersion;
          break;
        case "canary-superseded":
          assert.equal(a.fromVersion, canary, where);
          canary = null;
          break;
        case "canary-advance":
        case "awaiting-approval":
          assert.equal(a.fromVersion, serving, where);
          assert.equal(a.toVersion, canary, where);
          break;
        case "promote":
          assert.equal(a.fromVersion, serving, where);
          serving = a.toVersion;
          canary = null;
          break;
        case "rollback":
          if ((a.detail as { by?: string }).by === "regression") {
            assert.equal(a.fromVersion, canary, where);
            assert.equal(a.toVersion, serving, where);
          } else {
            assert.equal(a.fromVersion, serving, where);
            serving = a.toVersion;
          }
          canary = null;
          break;
      }
    }
    assert.equal(serving, task?.activeVersion, "the audit log replays to the active version");
    assert.equal((await store.counters("logs")).requests, requests, "every request counted once");
    const actions = new Map<string, number>();
    for (const a of await store.auditLog("logs")) actions.set(a.action, (actions.get(a.action) ?? 0) + 1);
    return `${versions.length} versions; audit: ${[...actions].map(([k, n]) => `${k} ${n}`).join(", ")}`;
  } finally {
    await store.close();
  }
}

/** The stream split round-robin into `INSTANCES` shares. */
const shares = Array.from({ length: INSTANCES }, (_, k) => stream.filter((_, i) => i % INSTANCES === k));

test("four `loopai serve` processes on one PostgreSQL database", async (t) => {
  const db = await postgres().database("instances");
  await prepare(db);
  const servers: { child: ChildProcess; base: string; err: () => string }[] = [];
  for (let k = 0; k < INSTANCES; k++) {
    const child = spawn(process.execPath, [bin, "--db", db, "serve", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (c: Buffer) => {
      err += c.toString();
    });
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (c: Buffer) => {
        const m = /listening on (http:\/\/\S+)/.exec(c.toString());
        if (m) resolve(m[1] as string);
      });
      child.once("exit", () => reject(new Error(`serve exited: ${err}`)));
    });
    servers.push({ child, base, err: () => err });
  }
  // Each server gets its share, a few requests in flight at a time, as a load balancer would send them.
  const statuses = new Map<number, number>();
  await Promise.all(
    servers.map(async (server, k) => {
      const share = shares[k] as typeof stream;
      let next = 0;
      const lane = async () => {
        while (next < share.length) {
          const item = share[next++] as (typeof stream)[number];
          const response = await fetch(`${server.base}/v1/tasks/logs/execute`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ input: item.input }),
          });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      };
      await Promise.all([lane(), lane(), lane()]);
    }),
  );
  assert.deepEqual([...statuses], [[200, STREAM]]);
  for (const s of servers) s.child.kill("SIGTERM");
  for (const s of servers) {
    const [code] = s.child.exitCode === null ? ((await once(s.child, "exit")) as [number | null]) : [s.child.exitCode];
    assert.equal(code, 0, s.err());
    assert.equal(s.err(), "", "no error reported");
  }
  t.diagnostic(await checkStore(db, STREAM));
});

test("four `loopai run` processes on one SQLite file", async (t) => {
  const db = join(dir, "instances.db");
  await prepare(db);
  const runs = await Promise.all(
    shares.map((share) => cli(["--db", db, "run", "logs"], `${share.map((s) => s.input).join("\n")}\n`)),
  );
  for (const [k, r] of runs.entries()) {
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, "", "no error reported");
    const records = r.out.trim().split("\n");
    assert.equal(records.length, (shares[k] as unknown[]).length, "one record per input line");
    assert.ok(records.every((line) => !("error" in JSON.parse(line))));
  }
  t.diagnostic(await checkStore(db, STREAM));
});
