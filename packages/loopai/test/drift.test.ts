// Drift: a log format that appears part-way through a stream. Agreement with the oracle drops, a
// regeneration follows, and the served answers recover; the new program reads the new format.

import assert from "node:assert/strict";
import { test } from "node:test";
import { compileDataProgram } from "../src/interpreter.js";
import { generateLogs, LOG_SCHEMA } from "../src/loggen.js";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import { SqliteStore } from "../src/store.js";
import { canonicalJson } from "../src/validation.js";

// With the canary rollout too: a canary used to hold regeneration back for its whole length (90
// labelled comparisons, ~3,000 requests at a 3% sampling rate), so a program trained before the
// shift kept most of the traffic for the rest of the stream and accuracy stayed near 50%.
for (const rollout of ["immediate", "canary"] as const)
  test(`a new log format mid-stream (${rollout} rollout): agreement drops, the program is regenerated, accuracy recovers`, async () => {
    const shiftAt = 400;
    const items = [...generateLogs(900, 21, { shiftAt })].map((l) => ({ input: l.line, output: l.fields }));
    const store = new SqliteStore(":memory:");
    let at = 0;
    const regeneratedAt: number[] = [];
    const loop = new Loopai({
      store,
      // The stream is replayed as fast as the loop answers: training in-line stands for time passing.
      trainOffThread: false,
      oracle: new DatasetOracle(items),
      onEvent: (event) => {
        if (event === "regenerated") regeneratedAt.push(at);
      },
    });
    await loop.createTask({
      name: "logs",
      input: { type: "text" },
      output: { type: "json", schema: LOG_SCHEMA },
      oracle: { type: "dataset", path: "(memory)" },
      examples: items.slice(0, 60),
      sampling: { strategy: "uncertainty", rate: 0.08, explore: 0.3, seed: 4 },
      // The least confident answers wait for the oracle: their agreement is in the results.
      serving: { cascade: { deadlineMs: 5000 } },
      // A short stream: canary stages of 50 requests (the default 100 would leave 200 after the shift).
      improvement: { minNewLabels: 15, rollout, requestsPerStage: 50 },
    });
    const before = await loop.train("logs");
    assert.ok(before);
    let labelsAtShift = 0;
    const right: boolean[] = [];
    const agreed: (boolean | undefined)[] = [];
    for (; at < items.length; at++) {
      if (at === shiftAt) labelsAtShift = await store.labelCount("logs");
      const r = await loop.execute("logs", items[at].input);
      // Right by a program's own answer: a line no program can read is answered by the oracle,
      // which would hide the drop (and the recovery) in the served answers.
      right.push(
        (r.servedBy === "program" || r.servedBy === "previous") &&
          canonicalJson(r.output) === canonicalJson(items[at].output),
      );
      agreed.push(r.agree);
    }
    const share = (xs: (boolean | undefined)[]) => {
      const seen = xs.filter((x) => x !== undefined);
      return seen.filter(Boolean).length / seen.length;
    };
    const window = 100;
    const accuracyBefore = share(right.slice(shiftAt - 2 * window, shiftAt));
    const accuracyAfterShift = share(right.slice(shiftAt, shiftAt + window));
    const accuracyEnd = share(right.slice(-window));
    assert.ok(accuracyAfterShift < accuracyBefore, `${accuracyAfterShift} vs ${accuracyBefore} before the shift`);
    assert.ok(accuracyEnd > accuracyAfterShift, `${accuracyEnd} at the end vs ${accuracyAfterShift} after the shift`);
    assert.ok(
      share(agreed.slice(shiftAt, shiftAt + window)) < share(agreed.slice(0, shiftAt)),
      "agreement with the oracle dropped",
    );
    assert.ok(
      regeneratedAt.some((i) => i >= shiftAt),
      `regenerations at ${regeneratedAt.join(", ")}`,
    );
    // On lines of the new format only, the final program beats the one from before the shift.
    const fresh = [...generateLogs(300, 22, { shiftAt: 0, share: 1 })];
    const exact = (body: string) => {
      const run = compileDataProgram(JSON.parse(body));
      return fresh.filter((l) => canonicalJson(run(l.line).output) === canonicalJson(l.fields)).length;
    };
    const finalVersion = await store.getVersion("logs", (await store.getTask("logs"))?.activeVersion ?? 0);
    assert.ok(finalVersion && finalVersion.version > before.version);
    assert.ok(exact(finalVersion.body) > exact(before.body), `${exact(finalVersion.body)} vs ${exact(before.body)}`);
    // The program serving at the end learnt from labels of the new format, and got there by the rollout asked for.
    assert.ok(
      finalVersion.trainingSize > labelsAtShift,
      `${finalVersion.trainingSize} labels vs ${labelsAtShift} at the shift`,
    );
    const promotion = (await store.auditLog("logs")).findLast((a) => a.action === "promote");
    assert.ok(promotion);
    assert.equal(promotion.toVersion, finalVersion.version);
    assert.equal((promotion.detail as { rollout: string }).rollout, rollout);
    await loop.close();
    await store.close();
  });
