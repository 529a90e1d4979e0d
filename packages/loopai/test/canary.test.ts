// The canary rollout end to end on the real SQLite store with generated streams: traffic steps up
// on its schedule of served requests, the paired analysis runs on every labelled request, and the
// audit log records each step.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { wilsonInterval } from "@toolchain/stats";
import { overtaken, recordPair, startCanary } from "../src/canary.js";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import { validateSpec } from "../src/spec.js";
import { SqliteStore } from "../src/store.js";
import { constantVersion, intentSpec, intents, setTaskState } from "./intents.js";

const dir = mkdtempSync(join(tmpdir(), "loopai-canary-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let dbs = 0;
const newStore = () => new SqliteStore(join(dir, `c${++dbs}.db`));

const STAGES = [0.05, 0.25, 0.5, 1];
const REQUESTS_PER_STAGE = 400;

test("a better candidate passes the holdout gate and is promoted through every stage, on schedule, with traffic at each stage's share", async () => {
  const data = intents(3000, 21);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), autoImprove: false, seed: 3 });
  await loop.createTask(
    intentSpec({
      examples: data.slice(0, 80),
      sampling: { strategy: "random", rate: 0.1, seed: 4 },
      improvement: { canaryStages: STAGES, requestsPerStage: REQUESTS_PER_STAGE },
    }),
  );
  // The incumbent always says "refund" (right a third of the time); the candidate is trained.
  const incumbent = await constantVersion(store, "intent", "refund", "active");
  await setTaskState(store, "intent", { activeVersion: incumbent });
  const candidate = await loop.train("intent");
  assert.equal(candidate?.status, "canary");
  const start = (await store.auditLog("intent")).at(-1);
  assert.equal(start?.action, "canary-start");
  assert.ok((start.detail as { gate: { test: string } }).gate.test, "the holdout gate ran before the canary");

  // Per stage (read from the store before each request): requests, and how many the candidate got.
  const perStage = STAGES.map(() => ({ requests: 0, candidate: 0 }));
  let served = 0;
  for (const it of data.slice(100)) {
    const canary = (await store.getTask("intent"))?.canary;
    if (!canary) break;
    const r = await loop.execute("intent", it.input);
    served++;
    perStage[canary.stage].requests++;
    if (r.version === candidate?.version) perStage[canary.stage].candidate++;
  }
  assert.equal((await store.getTask("intent"))?.activeVersion, candidate?.version, "promoted");
  assert.equal((await store.getTask("intent"))?.canary, null);
  // Each stage before full traffic lasted its scheduled requests (the last may wait for comparisons).
  assert.deepEqual(
    perStage.slice(0, 2).map((s) => s.requests),
    [REQUESTS_PER_STAGE, REQUESTS_PER_STAGE],
  );
  assert.ok(perStage[2].requests >= REQUESTS_PER_STAGE && perStage[3].requests === 0, JSON.stringify(perStage));
  // The candidate's traffic matches the stage's share (inside the 99.9% Wilson interval).
  for (const [i, s] of perStage.slice(0, 3).entries()) {
    const ci = wilsonInterval(s.candidate, s.requests, 0.999);
    assert.ok(ci.low <= STAGES[i] && STAGES[i] <= ci.high, `stage ${i}: ${s.candidate}/${s.requests} vs ${STAGES[i]}`);
  }
  // The audit log: start, two advances, the promotion, each with the test and its p-value.
  const log = await store.auditLog("intent");
  assert.deepEqual(
    log.map((a) => a.action),
    ["canary-start", "canary-advance", "canary-advance", "promote"],
  );
  const steps = log.slice(1).map((a) => a.detail as Record<string, number | string>);
  assert.deepEqual(
    steps.map((d) => [d.share, d.nextShare]),
    [
      [0.05, 0.25],
      [0.25, 0.5],
      [0.5, undefined],
    ],
  );
  for (const d of steps) {
    assert.match(String(d.test), /^mcnemar/);
    assert.ok(Number(d.pValue) >= 0.05, `no regression: p = ${d.pValue}`);
    assert.ok(Number(d.candidateOnly) > Number(d.incumbentOnly));
  }
  // Every labelled request was a paired comparison, and the analysis ran over the whole canary.
  const promote = steps[2];
  assert.equal(promote.pairs, (await store.labelCount("intent")) - 80);
  assert.equal(
    served,
    perStage.reduce((sum, s) => sum + s.requests, 0),
  );
  await loop.close();
  await store.close();
});

test("a worse candidate is rolled back automatically before full traffic, and the audit log says why", async () => {
  const data = intents(3000, 22);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), autoImprove: false, seed: 5 });
  await loop.createTask(
    intentSpec({
      examples: data.slice(0, 80),
      sampling: { strategy: "random", rate: 0.05, seed: 6 },
      improvement: { canaryStages: STAGES, requestsPerStage: REQUESTS_PER_STAGE },
    }),
  );
  const good = await loop.train("intent");
  assert.equal(good?.status, "active");
  const bad = await constantVersion(store, "intent", "other", "canary");
  await setTaskState(store, "intent", { canary: startCanary(bad, good?.version ?? 0) });
  const stagesSeen = new Set<number>();
  let servedByBadAfterRollback = 0;
  for (const it of data.slice(100)) {
    const canary = (await store.getTask("intent"))?.canary;
    if (canary) stagesSeen.add(canary.stage);
    const r = await loop.execute("intent", it.input);
    if (!canary && r.version === bad) servedByBadAfterRollback++;
  }
  const log = await store.auditLog("intent");
  const rollback = log.find((a) => a.action === "rollback");
  assert.ok(rollback, JSON.stringify(log.map((a) => a.action)));
  const d = rollback.detail as Record<string, number | string>;
  assert.equal(d.by, "regression");
  assert.match(String(d.test), /^mcnemar-exact/);
  assert.ok(Number(d.pValue) < 0.05);
  assert.ok(Number(d.incumbentOnly) > Number(d.candidateOnly));
  assert.ok(Number(d.share) < 1, `rolled back at share ${d.share}`);
  assert.ok(!log.some((a) => a.action === "promote"));
  assert.ok(!stagesSeen.has(STAGES.length - 1), "never reached full traffic");
  assert.equal((await store.getVersion("intent", bad))?.status, "rolled_back");
  assert.equal((await store.getTask("intent"))?.activeVersion, good?.version);
  assert.equal(servedByBadAfterRollback, 0);
  await loop.close();
  await store.close();
});

test("approval gate: the canary keeps its share and its analysis while it waits, then `approve` promotes it", async () => {
  const data = intents(2000, 23);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), autoImprove: false, seed: 7 });
  await loop.createTask(
    intentSpec({
      examples: data.slice(0, 80),
      sampling: { strategy: "random", rate: 0.1, seed: 8 },
      improvement: { canaryStages: [0.1, 0.5, 1], requestsPerStage: 200, requireApproval: true },
    }),
  );
  const good = await loop.train("intent");
  const incumbent = await constantVersion(store, "intent", "shipping", "active");
  await setTaskState(store, "intent", { activeVersion: incumbent });
  await setTaskState(store, "intent", { canary: startCanary(good?.version ?? 0, incumbent) });
  let waiting = 0;
  let candidateWhileWaiting = 0;
  for (const it of data.slice(100, 1000)) {
    const awaiting = (await store.getTask("intent"))?.canary?.awaitingApproval;
    const r = await loop.execute("intent", it.input);
    if (awaiting) {
      waiting++;
      if (r.version === good?.version) candidateWhileWaiting++;
    }
  }
  const canary = (await store.getTask("intent"))?.canary;
  assert.equal(canary?.awaitingApproval, true);
  assert.equal(canary?.stage, 1);
  const ci = wilsonInterval(candidateWhileWaiting, waiting, 0.999);
  assert.ok(ci.low <= 0.5 && 0.5 <= ci.high, `${candidateWhileWaiting}/${waiting} while waiting`);
  assert.equal((await loop.status("intent")).canaryAnalysis?.pairs, (await store.labelCount("intent")) - 80);
  assert.equal(await loop.approve("intent"), good?.version);
  assert.equal((await store.getTask("intent"))?.activeVersion, good?.version);
  const log = await store.auditLog("intent");
  assert.deepEqual(
    log.slice(-3).map((a) => a.action),
    ["canary-advance", "awaiting-approval", "promote"],
  );
  const promotion = log.at(-1);
  assert.ok(promotion);
  assert.equal((promotion.detail as { approvedBy: string }).approvedBy, "human");
  await loop.close();
  await store.close();
});

test("a canary may be replaced by a newer candidate only when drift has overtaken it", () => {
  const imp = validateSpec(intentSpec(), "test").improvement;
  const drifted = startCanary(2, 1);
  // Both programs trained before the inputs changed: neither is right on most labelled requests.
  for (let i = 0; i < 20; i++) recordPair(drifted, i === 0, i === 1);
  assert.equal(overtaken(drifted, imp, 0.95), true);
  // A slow but good candidate is never replaced, however long its canary runs.
  const good = startCanary(2, 1);
  for (let i = 0; i < 20; i++) recordPair(good, true, i % 2 === 0);
  assert.equal(overtaken(good, imp, 0.95), false);
  // Below the target but clearly better than the incumbent: let it finish, it is an improvement.
  const better = startCanary(2, 1);
  for (let i = 0; i < 40; i++) recordPair(better, i % 5 !== 0, i % 5 === 1);
  assert.equal(overtaken(better, imp, 0.95), false);
  assert.equal(overtaken(startCanary(2, 1), imp, 0.95), false, "no evidence, no replacement");
});

test("train --force during a canary supersedes the candidate: one version active, none left in canary", async () => {
  const data = intents(400, 23);
  const store = newStore();
  const loop = new Loopai({ store, oracle: new DatasetOracle(data), autoImprove: false, seed: 5 });
  await loop.createTask(intentSpec({ examples: data.slice(0, 80), improvement: { canaryStages: STAGES } }));
  const incumbent = await constantVersion(store, "intent", "refund", "active");
  await setTaskState(store, "intent", { activeVersion: incumbent });
  const candidate = await loop.train("intent");
  assert.equal(candidate?.status, "canary");
  const forced = await loop.train("intent", { force: true });
  assert.equal(forced?.status, "active");
  const statuses = (await store.versions("intent")).map((v) => [v.version, v.status]);
  assert.deepEqual(statuses, [
    [incumbent, "retired"],
    [candidate!.version, "superseded"],
    [forced!.version, "active"],
  ]);
  assert.equal((await store.getTask("intent"))?.canary, null);
  const actions = (await store.auditLog("intent")).map((a) => a.action);
  assert.deepEqual(actions.slice(-2), ["canary-superseded", "promote"]);
  await loop.close();
});
