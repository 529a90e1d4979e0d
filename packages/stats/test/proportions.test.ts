// The proportions' intervals and tests against independent computations (the score test's statistic,
// exact enumeration with big integers).

import assert from "node:assert/strict";
import { test } from "node:test";
import { normalQuantile } from "../src/normal-distribution.js";
import {
  compareProportions,
  fisherExactTest,
  mcnemarTest,
  twoProportionZTest,
  wilsonInterval,
} from "../src/proportions.js";
import { scipy } from "./referee-python.js";

test("Wilson bounds are where the score test's statistic equals z", () => {
  const z = normalQuantile(0.975);
  for (const [x, n] of [
    [0, 10],
    [7, 10],
    [95, 100],
    [4800, 5000],
  ]) {
    const ci = wilsonInterval(x, n);
    const p = x / n;
    // The score statistic at each bound (a bound at 0 or 1 is where the interval is clipped).
    for (const b of [ci.low, ci.high]) {
      if (b <= 0 || b >= 1) continue;
      const stat = Math.abs(p - b) / Math.sqrt((b * (1 - b)) / n);
      assert.ok(Math.abs(stat - z) < 1e-6, `x=${x} n=${n} bound=${b} stat=${stat}`);
    }
    assert.ok(ci.low <= p && p <= ci.high);
  }
  assert.throws(() => wilsonInterval(3, 10, 1), RangeError);
});

test("Fisher's exact test equals enumeration of the hypergeometric with exact integers", () => {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  for (const [a, b, c, d] of [
    [3, 7, 9, 1],
    [20, 10, 28, 2],
    [0, 5, 5, 0],
  ]) {
    const r1 = a + b;
    const c1 = a + c;
    const n = a + b + c + d;
    const total = choose(n, r1);
    let less = 0n;
    for (let x = Math.max(0, c1 - (n - r1)); x <= a; x++) less += choose(c1, x) * choose(n - c1, r1 - x);
    const expected = Number((less * 10n ** 12n) / total) / 1e12;
    assert.ok(Math.abs(fisherExactTest(a, b, c, d, "less").pValue - expected) < 1e-9);
  }
});

test("the two-proportion z statistic squared is the 2×2 chi-square statistic", () => {
  const [x1, n1, x2, n2] = [45, 60, 58, 62];
  const { statistic, pValue } = twoProportionZTest(x1, n1, x2, n2, "less");
  const obs = [x1, n1 - x1, x2, n2 - x2];
  const n = n1 + n2;
  const col = [x1 + x2, n - x1 - x2];
  const exp = [(n1 * col[0]) / n, (n1 * col[1]) / n, (n2 * col[0]) / n, (n2 * col[1]) / n];
  const chi2 = obs.reduce((s, o, i) => s + (o - exp[i]) ** 2 / exp[i], 0);
  assert.ok(Math.abs(statistic ** 2 - chi2) < 1e-9);
  assert.ok(statistic < 0 && pValue < 0.05);
});

test("the z-test's p-values are SciPy's normal tails, on each side and far out", () => {
  const cases: [number, number, number, number][] = [
    [45, 60, 58, 62],
    [300, 1000, 420, 1000],
    [5000, 10000, 5050, 10000],
  ];
  for (const alternative of ["less", "greater", "two-sided"] as const) {
    const results = cases.map(([x1, n1, x2, n2]) => twoProportionZTest(x1, n1, x2, n2, alternative));
    const tail = {
      less: "stats.norm.cdf(p[0])",
      greater: "stats.norm.sf(p[0])",
      "two-sided": "2 * stats.norm.sf(abs(p[0]))",
    };
    const expected = scipy(
      tail[alternative],
      results.map((r) => [r.statistic]),
    );
    results.forEach((r, i) => {
      assert.ok(
        Math.abs(r.pValue - expected[i]) <= 2e-7 * expected[i] + 1e-300,
        `${alternative} z=${r.statistic}: ${r.pValue} against ${expected[i]}`,
      );
    });
  }
});

test("compareProportions: Fisher's exact test for small counts, the z-test once every cell expects 10", () => {
  const small = compareProportions(27, 30, 29, 30, "less");
  assert.equal(small.test, "fisher-exact");
  assert.equal(small.pValue, fisherExactTest(27, 3, 29, 1, "less").pValue);
  const large = compareProportions(420, 500, 450, 500, "less");
  assert.equal(large.test, "two-proportion z");
  assert.equal(large.pValue, twoProportionZTest(420, 500, 450, 500, "less").pValue);
  // Where the z-test takes over, the two agree closely.
  const exact = fisherExactTest(420, 80, 450, 50, "less").pValue;
  assert.ok(Math.abs(large.pValue - exact) / exact < 0.35, `z ${large.pValue} vs exact ${exact}`);
  assert.ok(large.pValue < 0.05 && exact < 0.05);
});

test("McNemar's exact test is the binomial tail over the discordant pairs, computed with exact integers", () => {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  for (const [firstOnly, secondOnly] of [
    [0, 5],
    [2, 10],
    [7, 7],
    [30, 12],
  ]) {
    const n = firstOnly + secondOnly;
    let tail = 0n;
    for (let k = 0; k <= firstOnly; k++) tail += choose(n, k);
    const expected = Number((tail * 10n ** 12n) / 2n ** BigInt(n)) / 1e12;
    const r = mcnemarTest(firstOnly, secondOnly, "less");
    assert.equal(r.test, "mcnemar-exact");
    assert.ok(
      Math.abs(r.pValue - Math.min(1, expected)) < 1e-9,
      `${firstOnly}/${secondOnly}: ${r.pValue} vs ${expected}`,
    );
    assert.ok(Math.abs(mcnemarTest(secondOnly, firstOnly, "greater").pValue - r.pValue) < 1e-12);
  }
  assert.equal(mcnemarTest(0, 0, "less").pValue, 1);
});

test("McNemar's normal approximation agrees with the exact tail where it takes over", () => {
  const exact = mcnemarTest(480, 560, "less").pValue;
  const approx = mcnemarTest(480, 560, "less", 100);
  assert.equal(approx.test, "mcnemar z");
  assert.ok(Math.abs(approx.pValue - exact) / exact < 0.02, `${approx.pValue} vs ${exact}`);
});

test("on paired answers McNemar sees a regression that Fisher's test on the two accuracies misses", () => {
  // 200 requests both programs answered: the candidate gets 8 wrong that the incumbent gets right,
  // and nothing the other way; both get 180 right.
  const paired = mcnemarTest(0, 8, "less");
  const unpaired = fisherExactTest(180, 20, 188, 12, "less");
  assert.ok(paired.pValue < 0.05, `McNemar p = ${paired.pValue}`);
  assert.ok(unpaired.pValue > 0.05, `Fisher p = ${unpaired.pValue}`);
});
