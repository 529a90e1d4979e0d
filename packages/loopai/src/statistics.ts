// Small statistics kit: confidence intervals and significance tests for proportions.
// Kept free of any loopai type so another tool (kogine's sweeps, a bandit) can import it as is.

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Wilson score interval for `successes` out of `n` at the given two-sided confidence level. */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
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
  const pValue =
    alternative === "less"
      ? normalCdf(z)
      : alternative === "greater"
        ? 1 - normalCdf(z)
        : 2 * (1 - normalCdf(Math.abs(z)));
  return { statistic: z, pValue: Math.min(1, pValue) };
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
    const correction = 1 / Math.sqrt(n);
    const pValue =
      alternative === "less"
        ? normalCdf(z + correction)
        : alternative === "greater"
          ? 1 - normalCdf(z - correction)
          : 2 * (1 - normalCdf(Math.max(0, Math.abs(z) - correction)));
    return { statistic: z, pValue: Math.min(1, pValue), test: "mcnemar z" };
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
