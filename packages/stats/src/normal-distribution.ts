/** The standard normal distribution: its distribution function Φ, in logarithms where a tail would
 * underflow, the log of the mass it puts on an interval, and its quantile function Φ⁻¹. One owner for
 * both tools: loopai's intervals and tests, kogine's Parzen estimator (its truncated normal kernels). */

/** log(erfc(z)) for z >= 0 (Numerical Recipes' erfcc, relative error below 1.2e-7), without the underflow
 * erfc itself has beyond z of about 27. */
function logErfc(z: number): number {
  const t = 2 / (2 + z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

/** log Φ(x). */
export function logNormalCdf(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < 0) return Math.log(0.5) + logErfc(-x / Math.SQRT2);
  return Math.log1p(-0.5 * Math.exp(logErfc(x / Math.SQRT2)));
}

/** Φ(x), with a relative error below 1.2e-7 in both tails (it is taken from log Φ). */
export function normalCdf(x: number): number {
  return Math.exp(logNormalCdf(x));
}

/** log(Φ(b) - Φ(a)) for a < b, taken on the side of 0 where the tails are small. */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) return logDiff(logNormalCdf(b), logNormalCdf(a));
  if (a >= 0) return logDiff(logNormalCdf(-a), logNormalCdf(-b));
  return Math.log1p(-normalCdf(a) - normalCdf(-b));
}

/** Φ⁻¹(p) by Acklam's rational approximation (relative error below 1.2e-9); -∞ at 0 and ∞ at 1, where a
 * draw by inversion can land. The upper tail is computed from 1 - p through log1p, so it keeps its digits. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log1p(-p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** log(e^p - e^q) for p >= q. */
function logDiff(p: number, q: number): number {
  if (q === Number.NEGATIVE_INFINITY) return p;
  return p + Math.log1p(-Math.exp(q - p));
}
