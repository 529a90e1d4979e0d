/** The Parzen estimator of TPE (Optuna's `_ParzenEstimator`, univariate): a mixture of one kernel per
 * observed value of a parameter plus a prior kernel over the whole range, weighted by the observations'
 * weights and the prior weight 1.
 *
 * Numbers are modelled in the log domain for `loguniform`/`logint`, and a whole number as the interval
 * ±0.5 around it. A kernel is a normal cut to the range, centred on its observation, as wide as the larger
 * gap to its neighbours among the sorted observations and the range's ends (the first and last kernels
 * look only inward), clipped to [range / min(100, 1 + kernels), range] ("magic clip"); the prior is
 * centred with the width of the range. A choice's kernel puts 1 + 1/kernels on its observed value and
 * 1/kernels on each value (renormalised), the prior is uniform. */
import { logGaussMass } from "@toolchain/stats";
import type { SearchParam } from "./search-space.js";
import type { SeededRandom } from "./seeded-random.js";
import { sampleTruncatedNormal, truncatedNormalLogPdf } from "./truncated-normal.js";

export const PRIOR_WEIGHT = 1;

export interface ParzenEstimator {
  sample(rng: SeededRandom, count: number): number[];
  logPdf(value: number): number;
}

/** Optuna's default weights of observations in trial order: all 1 up to 25, then the oldest ramp down
 * linearly from 1/n, the newest 25 keeping weight 1. */
export function observationWeights(n: number): number[] {
  if (n < 25) return new Array(n).fill(1);
  const rampLength = n - 25;
  const ramp = Array.from({ length: rampLength }, (_, i) =>
    rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (rampLength - 1),
  );
  return [...ramp, ...new Array(25).fill(1)];
}

/** `observations` in trial order: values of the parameter (a choice's index). */
export function buildParzenEstimator(param: SearchParam, observations: number[]): ParzenEstimator {
  const weights = observations.length === 0 ? [1] : [...observationWeights(observations.length), PRIOR_WEIGHT];
  const total = weights.reduce((a, b) => a + b, 0);
  const mixture = weights.map((w) => w / total);
  return param.kind === "choice"
    ? categoricalEstimator(param.choices.length, observations, mixture)
    : numericalEstimator(param, observations, mixture);
}

/** The kernels' centres and widths in the domain the kernels live in, the prior last. */
export function kernelBandwidths(
  observations: number[],
  low: number,
  high: number,
): { mus: number[]; sigmas: number[] } {
  const n = observations.length;
  const order = observations.map((_, i) => i).sort((i, j) => observations[i] - observations[j]);
  const withEnds = [low, ...order.map((i) => observations[i]), high];
  const sorted = order.map((_, k) => Math.max(withEnds[k + 1] - withEnds[k], withEnds[k + 2] - withEnds[k + 1]));
  if (withEnds.length >= 4) {
    sorted[0] = withEnds[2] - withEnds[1];
    sorted[n - 1] = withEnds[n] - withEnds[n - 1];
  }
  const minSigma = (high - low) / Math.min(100, 1 + (n + 1));
  const sigmas = new Array<number>(n);
  order.forEach((i, k) => {
    sigmas[i] = Math.min(high - low, Math.max(minSigma, sorted[k]));
  });
  return { mus: [...observations, 0.5 * (low + high)], sigmas: [...sigmas, high - low] };
}

function numericalEstimator(
  param: Extract<SearchParam, { low: number }>,
  observations: number[],
  mixture: number[],
): ParzenEstimator {
  const discrete = param.kind === "int" || param.kind === "logint";
  const log = param.kind === "loguniform" || param.kind === "logint";
  const intoDomain = (x: number) => (log ? Math.log(x) : x);
  const half = discrete ? 0.5 : 0;
  const low = intoDomain(param.low - half);
  const high = intoDomain(param.high + half);
  const { mus, sigmas } = kernelBandwidths(observations.map(intoDomain), low, high);
  const kernelLogPdf = (k: number, x: number): number => {
    if (!discrete) return truncatedNormalLogPdf(intoDomain(x), mus[k], sigmas[k], low, high);
    const s = sigmas[k];
    const left = (intoDomain(x - 0.5) - mus[k]) / s;
    const right = (intoDomain(x + 0.5) - mus[k]) / s;
    return logGaussMass(left, right) - logGaussMass((low - mus[k]) / s, (high - mus[k]) / s);
  };
  return {
    sample(rng, count) {
      return Array.from({ length: count }, () => {
        const k = rng.choose(mixture);
        const drawn = sampleTruncatedNormal(rng, mus[k], sigmas[k], low, high);
        const value = log ? Math.exp(drawn) : drawn;
        if (!discrete) return Math.min(param.high, Math.max(param.low, value));
        return Math.min(param.high, Math.max(param.low, Math.round(value)));
      });
    },
    logPdf: (x) => logSumExp(mixture.map((w, k) => Math.log(w) + kernelLogPdf(k, x))),
  };
}

function categoricalEstimator(choices: number, observations: number[], mixture: number[]): ParzenEstimator {
  const kernels = observations.length + 1;
  const rows =
    observations.length === 0
      ? [new Array(choices).fill(1 / choices)]
      : Array.from({ length: kernels }, (_, k) => {
          const row = new Array(choices).fill(PRIOR_WEIGHT / kernels);
          if (k < observations.length) row[observations[k]] += 1;
          const sum = row.reduce((a, b) => a + b, 0);
          return row.map((w) => w / sum);
        });
  return {
    sample(rng, count) {
      return Array.from({ length: count }, () => rng.choose(rows[rng.choose(mixture)]));
    },
    logPdf: (x) => logSumExp(mixture.map((w, k) => Math.log(w) + Math.log(rows[k][x]))),
  };
}

function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  if (max === Number.NEGATIVE_INFINITY) return max;
  return max + Math.log(values.reduce((sum, v) => sum + Math.exp(v - max), 0));
}
