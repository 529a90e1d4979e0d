/** Confidence intervals and significance tests for proportions: the Wilson interval, the two-proportion
 * z-test, Fisher's exact test and McNemar's test for paired answers. No tool's types, so any can use it. */
import { normalCdf, normalQuantile } from "./normal-distribution.js";

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Wilson score interval for `successes` out of `n` at the given two-sided confidence level. */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  if (!(confidence >= 0 && confidence < 1))
    throw new RangeError(`wilsonInterval: confidence must be in [0, 1), got ${confidence}`);
  if (n <= 0) return { estimate: Number.NaN, low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type Alternative = "two-sided" | "less" | "greater";

export interface TestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-proportion z-test (pooled) of H0: p1 = p2. With alternative "less" the test asks whether
 * p1 < p2 (e.g. a candidate's agreement below the incumbent's).
 */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  alternative: Alternative = "two-sided",
): TestResult {
  if (n1 <= 0 || n2 <= 0) return { statistic: 0, pValue: 1 };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: p1 === p2 ? 1 : 0 };
  const z = (p1 - p2) / se;
  return { statistic: z, pValue: normalPValue(z, alternative) };
}

/** The p-value of a statistic `z` that is standard normal under H0, its tails taken as Φ(−x) rather than
 * 1 − Φ(x) (no digits lost); `correction` is a continuity correction, moved towards H0. */
function normalPValue(z: number, alternative: Alternative, correction = 0): number {
  if (alternative === "less") return normalCdf(z + correction);
  if (alternative === "greater") return normalCdf(-(z - correction));
  return Math.min(1, 2 * normalCdf(-Math.max(0, Math.abs(z) - correction)));
}

/** ln k! for k = 0..n, each from the one before (the exact tests sum terms over a whole range). */
function logFactorials(n: number): number[] {
  const lf: number[] = new Array(n + 1);
  lf[0] = 0;
  for (let i = 1; i <= n; i++) lf[i] = lf[i - 1] + Math.log(i);
  return lf;
}

/**
 * Fisher's exact test on the 2×2 table [[a, b], [c, d]] (rows: groups, columns: success/failure).
 * "less" asks whether group 1's success odds are below group 2's. Exact for any sample size, so it
 * is the one to use when a canary has seen few samples.
 */
export function fisherExactTest(
  a: number,
  b: number,
  c: number,
  d: number,
  alternative: Alternative = "two-sided",
): TestResult {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, col1 - (n - row1));
  const hi = Math.min(row1, col1);
  const lf = logFactorials(n);
  const logP = (x: number) =>
    lf[row1] +
    lf[n - row1] +
    lf[col1] +
    lf[n - col1] -
    lf[n] -
    lf[x] -
    lf[row1 - x] -
    lf[col1 - x] -
    lf[n - row1 - col1 + x];
  const observed = logP(a);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (alternative === "less" ? x <= a : alternative === "greater" ? x >= a : lp <= observed + 1e-7) p += Math.exp(lp);
  }
  const oddsRatio = b * c === 0 ? Number.POSITIVE_INFINITY : (a * d) / (b * c);
  return { statistic: oddsRatio, pValue: Math.min(1, p) };
}

export interface ProportionComparison extends TestResult {
  test: "two-proportion z" | "fisher-exact";
}

/**
 * Compares two proportions with the test that fits the counts: the two-proportion z-test once
 * every cell of the 2×2 table expects at least `minExpected` counts (the usual condition for its
 * normal approximation), Fisher's exact test below that, where the approximation is poor.
 */
export function compareProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  alternative: Alternative = "two-sided",
  minExpected = 10,
): ProportionComparison {
  const n = n1 + n2;
  const successes = x1 + x2;
  const smallestExpected = n > 0 ? (Math.min(n1, n2) * Math.min(successes, n - successes)) / n : 0;
  if (smallestExpected >= minExpected)
    return { ...twoProportionZTest(x1, n1, x2, n2, alternative), test: "two-proportion z" };
  return { ...fisherExactTest(x1, n1 - x1, x2, n2 - x2, alternative), test: "fisher-exact" };
}

export interface PairedComparison extends TestResult {
  test: "mcnemar-exact" | "mcnemar z";
}

/**
 * McNemar's test for two classifiers answering the same items: only the discordant pairs carry
 * evidence, `firstOnly` items where just the first is right and `secondOnly` where just the second
 * is. Under H0 (equal accuracy) each discordant pair goes either way with probability ½, so the
 * exact test is a binomial tail; "less" asks whether the first is the less accurate. Pairs both
 * get right or both get wrong cancel, which is why this is far more powerful than comparing the two
 * accuracies as independent proportions when the programs mostly agree. The exact tail costs one
 * term per discordant pair; past `exactUpTo` of them the normal approximation (with continuity
 * correction) is used, where the two agree to several decimals.
 */
export function mcnemarTest(
  firstOnly: number,
  secondOnly: number,
  alternative: Alternative = "two-sided",
  exactUpTo = 10_000,
): PairedComparison {
  const n = firstOnly + secondOnly;
  if (n === 0) return { statistic: 0, pValue: 1, test: "mcnemar-exact" };
  if (n > exactUpTo) {
    const z = (firstOnly - secondOnly) / Math.sqrt(n);
    return { statistic: z, pValue: normalPValue(z, alternative, 1 / Math.sqrt(n)), test: "mcnemar z" };
  }
  // log C(n, k) − n·ln 2 for k = 0..n, summed over the tail.
  const lf = logFactorials(n);
  const term = (k: number) => Math.exp(lf[n] - lf[k] - lf[n - k] - n * Math.LN2);
  const lower = (upTo: number) => {
    let s = 0;
    for (let k = 0; k <= upTo; k++) s += term(k);
    return s;
  };
  const pValue =
    alternative === "less"
      ? lower(firstOnly)
      : alternative === "greater"
        ? lower(secondOnly)
        : 2 * lower(Math.min(firstOnly, secondOnly));
  return { statistic: firstOnly - secondOnly, pValue: Math.min(1, pValue), test: "mcnemar-exact" };
}
