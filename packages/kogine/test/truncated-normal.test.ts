/** The normal distribution's functions against SciPy's (the referee, run in a python3 process). */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { SeededRandom } from "../src/seeded-random.js";
import {
  inverseNormalCdf,
  logGaussMass,
  logNormalCdf,
  sampleTruncatedNormal,
  truncatedNormalLogPdf,
} from "../src/truncated-normal.js";
import { REFEREE_PYTHON } from "./helpers.js";

function scipy(expression: string, points: number[][]): number[] {
  const program = [
    "import json, sys",
    "import numpy as np",
    "import mpmath",
    "mpmath.mp.dps = 50",
    "from scipy import stats",
    "from scipy.special import log_ndtr, ndtri",
    "points = json.load(sys.stdin)",
    `print(json.dumps([float(${expression}) for p in points]))`,
  ].join("\n");
  return JSON.parse(execFileSync(REFEREE_PYTHON, ["-c", program], { input: JSON.stringify(points) }).toString());
}

function close(actual: number, expected: number, relative: number, what: string) {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} against SciPy's ${expected}`);
}

test("log Φ matches SciPy's log_ndtr far into both tails", () => {
  const xs = [-60, -38, -20, -5, -1, -0.1, 0, 0.3, 2, 7, 30];
  const expected = scipy(
    "log_ndtr(p[0])",
    xs.map((x) => [x]),
  );
  xs.forEach((x, i) => {
    close(logNormalCdf(x), expected[i], 1e-6, `logΦ(${x})`);
  });
});

test("the log mass of an interval matches mpmath's", () => {
  const intervals = [
    [-50, -49],
    [-3, -1],
    [-1, 2],
    [0.5, 0.50001],
    [10, 40],
    [-Infinity, 0],
  ];
  const expected = scipy(
    "mpmath.log(mpmath.ncdf(p[1]) - mpmath.ncdf(p[0] if p[0] > -1e308 else mpmath.ninf))",
    intervals.map((p) => p.map((v) => (v === Number.NEGATIVE_INFINITY ? -1e308 : v))),
  );
  intervals.forEach(([a, b], i) => {
    close(logGaussMass(a, b), expected[i], 1e-6, `mass of [${a}, ${b}]`);
  });
});

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

test("Φ⁻¹ matches SciPy's ndtri", () => {
  const ps = [1e-300, 1e-10, 0.001, 0.02, 0.3, 0.5, 0.77, 0.98, 0.999999];
  const expected = scipy(
    "ndtri(p[0])",
    ps.map((p) => [p]),
  );
  ps.forEach((p, i) => {
    close(inverseNormalCdf(p), expected[i], 1e-8, `Φ⁻¹(${p})`);
  });
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
