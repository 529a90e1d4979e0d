// Each sampling policy keeps its configured rate over a stream; adaptive moves with agreement.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AdaptiveSampling,
  RandomSampling,
  StratifiedSampling,
  seededRandom,
  UncertaintySampling,
} from "../src/sampling.js";

const N = 40_000;

function stream(seed: number) {
  const r = seededRandom(seed);
  return Array.from({ length: N }, () => ({ label: r() < 0.2 ? "spam" : "ham", confidence: 0.5 + 0.5 * r() ** 0.3 }));
}

test("random, stratified and uncertainty sampling keep their configured rate", () => {
  const items = stream(3);
  for (const rate of [0.01, 0.05, 0.2]) {
    for (const policy of [
      new RandomSampling(rate, 9),
      new StratifiedSampling(rate, 9),
      new UncertaintySampling(rate, { seed: 9 }),
    ]) {
      let n = 0;
      for (const it of items) if (policy.decide(it.label, it.confidence).sample) n++;
      const observed = n / N;
      assert.ok(Math.abs(observed - rate) < rate * 0.1 + 0.002, `${policy.strategy} at ${rate}: observed ${observed}`);
    }
  }
});

test("stratified sampling gives every predicted label its share", () => {
  const items = stream(4);
  const policy = new StratifiedSampling(0.05, 1);
  const sampled = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const it of items) {
    seen.set(it.label, (seen.get(it.label) ?? 0) + 1);
    if (policy.decide(it.label, it.confidence).sample) sampled.set(it.label, (sampled.get(it.label) ?? 0) + 1);
  }
  for (const [label, n] of seen) assert.ok(Math.abs((sampled.get(label) ?? 0) / n - 0.05) < 0.002, label);
});

test("uncertainty sampling picks the least confident answers", () => {
  const items = stream(5);
  const policy = new UncertaintySampling(0.05, { seed: 2 });
  const picked: number[] = [];
  const all: number[] = [];
  for (const it of items) {
    all.push(it.confidence);
    if (policy.decide(it.label, it.confidence).sample) picked.push(it.confidence);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cutoff = all.slice().sort((a, b) => a - b)[Math.floor(0.1 * all.length)];
  assert.ok(mean(picked) < mean(all));
  assert.ok(picked.filter((c) => c <= cutoff).length / picked.length > 0.9);
});

test("adaptive sampling lowers its rate while agreement holds and raises it when it drops", () => {
  const items = stream(6);
  const policy = new AdaptiveSampling(0.1, { minRate: 0.01, maxRate: 0.3, target: 0.9 });
  let sampled = 0;
  for (const it of items.slice(0, 20_000)) {
    if (policy.decide(it.label, it.confidence).sample) {
      sampled++;
      policy.observe(true);
    }
  }
  assert.equal(policy.currentRate(), 0.01);
  let n = 0;
  for (const it of items.slice(20_000, 30_000)) {
    if (policy.decide(it.label, it.confidence).sample) {
      n++;
      policy.observe(false);
    }
  }
  assert.equal(policy.currentRate(), 0.3);
  assert.ok(sampled > 0 && n > 0);
  // At a steady rate it samples that rate.
  let m = 0;
  for (const it of items.slice(30_000)) if (policy.decide(it.label, it.confidence).sample) m++;
  assert.ok(Math.abs(m / 10_000 - 0.3) < 0.03, String(m));
});
