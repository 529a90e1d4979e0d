/** The Tree-structured Parzen Estimator as Optuna's default `TPESampler` defines it (univariate, prior
 * weight 1, magic clip, no endpoints, 24 candidates):
 *
 * - the first 10 finished trials are drawn at random;
 * - then the finished trials are split: the best gamma(n) = min(ceil(n / 10), 25) of n go "below" (complete
 *   trials by value first; then pruned ones, those that got furthest first, by the last value they
 *   reported); the rest "above";
 * - per parameter, a Parzen estimator l of the below trials' values and g of the above trials' values
 *   (each in trial order, for the weights of older trials); 24 candidates are drawn from l and the one
 *   with the largest log l(x) - log g(x) is taken. */
import { buildParzenEstimator } from "./parzen-estimator.js";
import { randomPoint } from "./random-sampler.js";
import type { Direction, FinishedTrial } from "./search-sampler.js";
import type { ParamValues, SearchSpace } from "./search-space.js";
import type { SeededRandom } from "./seeded-random.js";

export const STARTUP_TRIALS = 10;
export const EI_CANDIDATES = 24;

export function gamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

export function tpePoint(
  space: SearchSpace,
  finished: readonly FinishedTrial[],
  direction: Direction,
  rng: SeededRandom,
): ParamValues {
  if (finished.length < STARTUP_TRIALS) return randomPoint(space, rng);
  const { below, above } = splitTrials(finished, gamma(finished.length), direction);
  const point: ParamValues = {};
  for (const param of space) {
    const known = (trials: FinishedTrial[]) =>
      trials.filter((t) => param.name in t.params).map((t) => t.params[param.name]);
    const l = buildParzenEstimator(param, known(below));
    const g = buildParzenEstimator(param, known(above));
    const candidates = l.sample(rng, EI_CANDIDATES);
    let best = candidates[0];
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const x of candidates) {
      const score = l.logPdf(x) - g.logPdf(x);
      if (score > bestScore) {
        best = x;
        bestScore = score;
      }
    }
    point[param.name] = best;
  }
  return point;
}

/** The best `nBelow` trials and the rest, each in trial order. */
export function splitTrials(
  finished: readonly FinishedTrial[],
  nBelow: number,
  direction: Direction,
): { below: FinishedTrial[]; above: FinishedTrial[] } {
  const sign = direction === "min" ? 1 : -1;
  const complete = finished
    .filter((t) => t.state === "complete")
    .sort((a, b) => sign * (a.value - b.value) || a.number - b.number);
  const pruned = finished
    .filter((t) => t.state === "pruned")
    .sort((a, b) => comparePruned(prunedScore(a, sign), prunedScore(b, sign)) || a.number - b.number);
  const ranked = [...complete, ...pruned];
  const byNumber = (a: FinishedTrial, b: FinishedTrial) => a.number - b.number;
  return { below: ranked.slice(0, nBelow).sort(byNumber), above: ranked.slice(nBelow).sort(byNumber) };
}

/** Optuna's order of pruned trials: furthest step first, then by the value there; NaN last at its step;
 * a trial that reported nothing after every one that did. */
function prunedScore(trial: FinishedTrial, sign: number): [number, number] {
  if (trial.state !== "pruned" || trial.last === null) return [1, 0];
  const { step, value } = trial.last;
  return [-step, Number.isNaN(value) ? Number.POSITIVE_INFINITY : sign * value];
}

function comparePruned(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || (a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1);
}
