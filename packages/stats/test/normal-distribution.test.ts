/** The normal distribution's functions against SciPy's and mpmath's (the referees, run in a python3 process). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { logGaussMass, logNormalCdf, normalCdf, normalQuantile } from "../src/normal-distribution.js";
import { scipy } from "./referee-python.js";

function close(actual: number, expected: number, relative: number, what: string) {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} against the referee's ${expected}`);
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

test("Φ matches SciPy's ndtr to a relative 2e-7, in the tails too", () => {
  const xs = [-30, -8, -3, -1.5, -0.2, 0, 0.4, 1.96, 4, 9];
  const expected = scipy(
    "ndtr(p[0])",
    xs.map((x) => [x]),
  );
  xs.forEach((x, i) => {
    assert.ok(
      Math.abs(normalCdf(x) - expected[i]) <= 2e-7 * expected[i],
      `Φ(${x}): ${normalCdf(x)} against ${expected[i]}`,
    );
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

test("Φ⁻¹ matches SciPy's ndtri", () => {
  const ps = [1e-300, 1e-10, 0.001, 0.02, 0.3, 0.5, 0.77, 0.98, 0.999999];
  const expected = scipy(
    "ndtri(p[0])",
    ps.map((p) => [p]),
  );
  ps.forEach((p, i) => {
    close(normalQuantile(p), expected[i], 1e-8, `Φ⁻¹(${p})`);
  });
});

test("Φ⁻¹ inverts Φ, is infinite at 0 and 1 and refuses what is no probability", () => {
  for (const p of [0.001, 0.025, 0.3, 0.5, 0.9, 0.999]) assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-6);
  assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
  assert.equal(normalQuantile(1), Number.POSITIVE_INFINITY);
  for (const p of [-0.1, 1.5, Number.NaN]) assert.throws(() => normalQuantile(p), RangeError);
});
