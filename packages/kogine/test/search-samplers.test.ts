import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { REFEREE_PYTHON } from "@toolchain/stats/testing";
import { buildParzenEstimator, kernelBandwidths, observationWeights } from "../src/parzen-estimator.js";
import { randomPoint } from "../src/random-sampler.js";
import { type FinishedTrial, samplePoint } from "../src/search-sampler.js";
import { parseSearchSpace } from "../src/search-space.js";
import { SeededRandom } from "../src/seeded-random.js";
import { gamma, splitTrials } from "../src/tpe-sampler.js";

const space = parseSearchSpace([
  "lr=loguniform:1e-5:1e-1",
  "dropout=uniform:0:0.5",
  "layers=int:1:8",
  "width=logint:16:1024",
  "act=choice:relu,tanh,gelu",
]);

test("random points lie in the space: whole numbers where asked, every choice drawn", () => {
  const rng = new SeededRandom(1);
  const points = Array.from({ length: 2000 }, () => randomPoint(space, rng));
  for (const p of points) {
    assert.ok(p.lr >= 1e-5 && p.lr <= 0.1);
    assert.ok(p.dropout >= 0 && p.dropout <= 0.5);
    assert.ok(Number.isInteger(p.layers) && p.layers >= 1 && p.layers <= 8);
    assert.ok(Number.isInteger(p.width) && p.width >= 16 && p.width <= 1024);
  }
  assert.deepEqual(new Set(points.map((p) => p.act)), new Set([0, 1, 2]));
  assert.deepEqual(new Set(points.map((p) => p.layers)), new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  // Log-uniform: as many draws in each decade.
  const decades = [0, 0, 0, 0];
  for (const p of points) decades[Math.min(3, Math.floor(Math.log10(p.lr) + 5))]++;
  for (const n of decades) assert.ok(n > 400 && n < 600, `decades ${decades}`);
});

test("a seed gives the same points again; another seed gives others", () => {
  const settings = { sampler: "tpe" as const, direction: "min" as const, seed: 42 };
  const history = trialsOf(15, (p) => (Math.log10(p.lr) + 3) ** 2, 42);
  assert.deepEqual(samplePoint(space, history, 15, settings), samplePoint(space, history, 15, settings));
  assert.notDeepEqual(
    samplePoint(space, history, 15, settings),
    samplePoint(space, history, 15, { ...settings, seed: 43 }),
  );
});

test("TPE draws its first 10 trials at random, as random search would", () => {
  const history = trialsOf(9, (p) => p.dropout, 5);
  const tpe = samplePoint(space, history, 9, { sampler: "tpe", direction: "min", seed: 5 });
  const random = samplePoint(space, history, 9, { sampler: "random", direction: "min", seed: 5 });
  assert.deepEqual(tpe, random);
});

test("gamma and the weights of older observations are Optuna's defaults (weights against numpy)", () => {
  assert.deepEqual([1, 9, 10, 11, 100, 250, 1000].map(gamma), [1, 1, 1, 2, 10, 25, 25]);
  assert.deepEqual(observationWeights(0), []);
  assert.deepEqual(observationWeights(24), new Array(24).fill(1));
  for (const n of [26, 30, 77]) {
    const expected = JSON.parse(
      execFileSync(REFEREE_PYTHON, [
        "-c",
        `import numpy as np, json; print(json.dumps(np.concatenate([np.linspace(1.0/${n}, 1.0, num=${n}-25), np.ones(25)]).tolist()))`,
      ]).toString(),
    ) as number[];
    observationWeights(n).forEach((w, i) => {
      assert.ok(Math.abs(w - expected[i]) < 1e-12, `weight ${i} of ${n}`);
    });
  }
});

test("kernel widths: the larger gap to a neighbour, inner gaps at the ends, clipped to range/(n+2)", () => {
  const { mus, sigmas } = kernelBandwidths([0.9, 0.2, 0.5], 0, 1);
  assert.deepEqual(mus, [0.9, 0.2, 0.5, 0.5]);
  // Sorted 0.2, 0.5, 0.9 within [0, 1]: first looks inward (0.3), middle max(0.3, 0.4), last inward (0.4).
  assertClose(sigmas, [0.4, 0.3, 0.4, 1]);
  // Crowded observations are clipped to the magic-clip minimum: range / min(100, 1 + kernels).
  assertClose(kernelBandwidths([0.5, 0.5001, 0.5002], 0, 1).sigmas, [0.2, 0.2, 0.2, 1]);
  // One observation: the larger gap to an end.
  assertClose(kernelBandwidths([0.1], 0, 1).sigmas, [0.9, 1]);
});

test("each Parzen estimator is a distribution: its density integrates (or its masses sum) to 1", () => {
  const [lr, dropout, layers, width, act] = space;
  const continuous = (param: (typeof space)[number], observations: number[], log: boolean) => {
    const estimator = buildParzenEstimator(param, observations);
    const p = param as { low: number; high: number };
    const [a, b] = log ? [Math.log(p.low), Math.log(p.high)] : [p.low, p.high];
    const n = 20000;
    let integral = 0;
    for (let i = 0; i < n; i++) {
      const u = a + ((i + 0.5) * (b - a)) / n;
      integral += Math.exp(estimator.logPdf(log ? Math.exp(u) : u)) * ((b - a) / n);
    }
    assert.ok(Math.abs(integral - 1) < 1e-3, `${param.name}: ${integral}`);
  };
  continuous(dropout, [0.01, 0.2, 0.21, 0.49], false);
  continuous(dropout, [], false);
  continuous(lr, [1e-4, 3e-2], true);
  const sum = (param: (typeof space)[number], observations: number[], values: number[]) => {
    const estimator = buildParzenEstimator(param, observations);
    const total = values.reduce((s, v) => s + Math.exp(estimator.logPdf(v)), 0);
    assert.ok(Math.abs(total - 1) < 1e-6, `${param.name}: ${total}`);
  };
  sum(layers, [2, 2, 7], [1, 2, 3, 4, 5, 6, 7, 8]);
  sum(
    width,
    [16, 100],
    Array.from({ length: 1009 }, (_, i) => 16 + i),
  );
  sum(act, [0, 0, 2], [0, 1, 2]);
});

test("the Parzen estimator's draws follow its density (chi-square on a choice, in-range whole numbers)", () => {
  const [, , layers, , act] = space;
  const rng = new SeededRandom(3);
  const estimator = buildParzenEstimator(act, [0, 0, 2, 1, 0]);
  const draws = estimator.sample(rng, 6000);
  const counts = [0, 1, 2].map((v) => draws.filter((d) => d === v).length);
  const chiSquare = [0, 1, 2].reduce((s, v) => {
    const expected = 6000 * Math.exp(estimator.logPdf(v));
    return s + (counts[v] - expected) ** 2 / expected;
  }, 0);
  assert.ok(chiSquare < 13.8, `chi-square ${chiSquare} (2 degrees of freedom, p = 0.001)`);
  const ints = buildParzenEstimator(layers, [1, 8, 8]).sample(rng, 500);
  assert.ok(ints.every((x) => Number.isInteger(x) && x >= 1 && x <= 8));
});

test("the split: best gamma(n) complete trials below, then pruned ones that got furthest", () => {
  const params = {};
  const trials: FinishedTrial[] = [
    { number: 0, params, state: "complete", value: 5 },
    { number: 1, params, state: "pruned", last: { step: 3, value: 9 } },
    { number: 2, params, state: "pruned", last: { step: 9, value: 7 } },
    { number: 3, params, state: "complete", value: 1 },
    { number: 4, params, state: "pruned", last: null },
    { number: 5, params, state: "pruned", last: { step: 9, value: 2 } },
  ];
  const numbers = (n: number, direction: "min" | "max") => {
    const { below, above } = splitTrials(trials, n, direction);
    return [below.map((t) => t.number), above.map((t) => t.number)];
  };
  assert.deepEqual(numbers(1, "min"), [[3], [0, 1, 2, 4, 5]]);
  assert.deepEqual(numbers(3, "min"), [
    [0, 3, 5],
    [1, 2, 4],
  ]);
  assert.deepEqual(numbers(3, "max"), [
    [0, 2, 3],
    [1, 4, 5],
  ]);
  assert.deepEqual(numbers(5, "min"), [[0, 1, 2, 3, 5], [4]]);
});

test("TPE finds a better point than random search in 40 trials (median over 11 seeds)", () => {
  const objective = (p: Record<string, number>) =>
    (Math.log10(p.lr) + 3) ** 2 + 10 * (p.dropout - 0.1) ** 2 + 0.1 * (p.layers - 3) ** 2 + (p.act === 1 ? 0 : 1);
  const best = (sampler: "tpe" | "random", seed: number) => {
    const trials: FinishedTrial[] = [];
    for (let number = 0; number < 40; number++) {
      const params = samplePoint(space, trials, number, { sampler, direction: "min", seed });
      trials.push({ number, params, state: "complete", value: objective(params) });
    }
    return Math.min(...trials.map((t) => (t.state === "complete" ? t.value : Number.POSITIVE_INFINITY)));
  };
  const seeds = Array.from({ length: 11 }, (_, i) => i);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[5];
  const tpe = median(seeds.map((s) => best("tpe", s)));
  const random = median(seeds.map((s) => best("random", s)));
  assert.ok(tpe < random, `TPE ${tpe}, random ${random}`);
});

function trialsOf(count: number, objective: (p: Record<string, number>) => number, seed: number): FinishedTrial[] {
  const rng = new SeededRandom(seed, 1000);
  return Array.from({ length: count }, (_, number) => {
    const params = randomPoint(space, rng);
    return { number, params, state: "complete" as const, value: objective(params) };
  });
}

function assertClose(actual: number[], expected: number[]) {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    assert.ok(Math.abs(a - expected[i]) < 1e-12, `${actual} against ${expected}`);
  });
}
