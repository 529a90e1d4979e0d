/** The normal distribution cut to an interval [low, high], for the kernels of the Parzen estimator: its log
 * density and draws from it. Φ, its logarithm and inverse and the mass on an interval are @toolchain/stats'
 * (shared with loopai); everything is computed in logarithms where a kernel's tail could underflow. */
import { logGaussMass, normalCdf, normalQuantile } from "@toolchain/stats";
import type { SeededRandom } from "./seeded-random.js";

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log density at x of N(mu, sigma) cut to [low, high]. */
export function truncatedNormalLogPdf(x: number, mu: number, sigma: number, low: number, high: number): number {
  if (x < low || x > high) return Number.NEGATIVE_INFINITY;
  const z = (x - mu) / sigma;
  return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - logGaussMass((low - mu) / sigma, (high - mu) / sigma);
}

/** A draw of N(mu, sigma) cut to [low, high], by inverting the distribution function. */
export function sampleTruncatedNormal(rng: SeededRandom, mu: number, sigma: number, low: number, high: number): number {
  const a = (low - mu) / sigma;
  const b = (high - mu) / sigma;
  const u = rng.next();
  // Drawn on the side of 0 where the cut is, so that the probabilities are not all near 1.
  const z =
    a >= 0
      ? -normalQuantile(normalCdf(-b) + u * (normalCdf(-a) - normalCdf(-b)))
      : normalQuantile(normalCdf(a) + u * (normalCdf(b) - normalCdf(a)));
  return Math.min(high, Math.max(low, mu + sigma * z));
}
