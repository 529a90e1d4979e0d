/** The truncated normal's density and draws against SciPy's (the referee, run in a python3 process); the
 * normal distribution's own functions are tested with @toolchain/stats. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { scipy } from "@toolchain/stats/testing";
import { SeededRandom } from "../src/seeded-random.js";
import { sampleTruncatedNormal, truncatedNormalLogPdf } from "../src/truncated-normal.js";

function close(actual: number, expected: number, relative: number, what: string) {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} against SciPy's ${expected}`);
}

test("the truncated normal's log density matches scipy.stats.truncnorm", () => {
  const cases = [
    [0.3, 0.5, 0.2, 0, 1],
    [0.99, 0.1, 0.05, 0, 1],
    [-4, -2, 3, -5, 5],
    [2, 1, 10, 0, 3],
  ];
  const expected = scipy(
    "stats.truncnorm.logpdf(p[0], (p[3]-p[1])/p[2], (p[4]-p[1])/p[2], loc=p[1], scale=p[2])",
    cases,
  );
  for (const [i, [x, mu, sigma, low, high]] of cases.entries())
    close(truncatedNormalLogPdf(x, mu, sigma, low, high), expected[i], 1e-6, `logpdf(${x})`);
  assert.equal(truncatedNormalLogPdf(1.5, 0.5, 1, 0, 1), Number.NEGATIVE_INFINITY);
});

test("draws of a truncated normal stay in range and follow its distribution (Kolmogorov-Smirnov vs SciPy)", () => {
  const rng = new SeededRandom(7);
  const [mu, sigma, low, high] = [0.9, 0.3, 0, 1];
  const draws = Array.from({ length: 4000 }, () => sampleTruncatedNormal(rng, mu, sigma, low, high));
  assert.ok(draws.every((x) => x >= low && x <= high));
  const [pValue] = scipy(
    `stats.kstest(p, stats.truncnorm((${low}-${mu})/${sigma}, (${high}-${mu})/${sigma}, loc=${mu}, scale=${sigma}).cdf).pvalue`,
    [draws],
  );
  assert.ok(pValue > 0.001, `KS p-value ${pValue}`);
});
