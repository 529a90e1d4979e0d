// The synthesis router's held-out accuracy: cross-validation grouped by input, so repeated inputs
// cannot score a program on what it was trained on.

import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../src/sampling.js";
import { validateSpec } from "../src/spec.js";
import { synthesize } from "../src/synthesizers/router.js";
import { intentSpec, intents } from "./intents.js";

test("20 inputs repeated 4 times with random labels do not train to a high held-out accuracy", async () => {
  // Each input's label is drawn at random, then repeated with it: nothing in the words decides it.
  const random = seededRandom(9);
  const labels = ["refund", "shipping", "other"];
  const labelled = intents(20, 31).flatMap(({ input }) => {
    const output = labels[Math.floor(random() * 3)]!;
    return Array.from({ length: 4 }, () => ({ input, output }));
  });
  const spec = validateSpec(intentSpec({ examples: [] }), "spec");
  const result = await synthesize(spec, labelled, { strategies: ["tree", "rules", "bayes", "logreg"] });
  for (const candidate of result.tried) {
    // Random labels over three classes: about a third right, whatever a program memorised.
    assert.ok(candidate.accuracy.estimate < 0.6, `${candidate.strategy}: ${candidate.accuracy.estimate}`);
    assert.equal(candidate.holdoutSize, labelled.length);
  }
});

test("inputs that really decide their labels still train well under grouped folds", async () => {
  const data = intents(300, 32);
  const spec = validateSpec(intentSpec({ examples: [] }), "spec");
  const result = await synthesize(spec, data);
  assert.ok(result.chosen !== undefined);
  assert.ok(result.chosen.accuracy.estimate > 0.9, `${result.chosen.strategy}: ${result.chosen.accuracy.estimate}`);
});
