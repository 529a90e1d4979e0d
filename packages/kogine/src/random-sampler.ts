/** Random search: every parameter drawn uniformly from its range (in its logarithm for the log kinds; a
 * whole number as the uniform interval ±0.5 around it, rounded), a choice uniformly among its values. */
import type { ParamValues, SearchParam, SearchSpace } from "./search-space.js";
import type { SeededRandom } from "./seeded-random.js";

export function randomPoint(space: SearchSpace, rng: SeededRandom): ParamValues {
  return Object.fromEntries(space.map((param) => [param.name, randomValue(param, rng)]));
}

export function randomValue(param: SearchParam, rng: SeededRandom): number {
  switch (param.kind) {
    case "choice":
      return Math.min(param.choices.length - 1, Math.floor(rng.next() * param.choices.length));
    case "uniform":
      return rng.uniform(param.low, param.high);
    case "loguniform":
      return Math.min(
        param.high,
        Math.max(param.low, Math.exp(rng.uniform(Math.log(param.low), Math.log(param.high)))),
      );
    case "int":
      return clampRound(rng.uniform(param.low - 0.5, param.high + 0.5), param.low, param.high);
    case "logint":
      return clampRound(
        Math.exp(rng.uniform(Math.log(param.low - 0.5), Math.log(param.high + 0.5))),
        param.low,
        param.high,
      );
  }
}

function clampRound(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.round(value)));
}
