/** What a sampler of a search sees and does: the finished trials so far, and the next point to try. */
import { randomPoint } from "./random-sampler.js";
import type { ParamValues, SearchSpace } from "./search-space.js";
import { SeededRandom } from "./seeded-random.js";
import { tpePoint } from "./tpe-sampler.js";

export type Direction = "min" | "max";
export type SamplerName = "random" | "tpe";

/** A trial that ended: `complete` with its objective value, or `pruned` by the scheduler with the last
 * value it reported (or none). Failed trials are not shown to samplers. */
export type FinishedTrial =
  | { number: number; params: ParamValues; state: "complete"; value: number }
  | { number: number; params: ParamValues; state: "pruned"; last: { step: number; value: number } | null };

export interface SamplerSettings {
  sampler: SamplerName;
  direction: Direction;
  seed: number;
}

/** The point trial `number` tries. Trial `number` draws from its own random stream, so the same finished
 * trials give the same point again. */
export function samplePoint(
  space: SearchSpace,
  finished: readonly FinishedTrial[],
  number: number,
  settings: SamplerSettings,
): ParamValues {
  const rng = new SeededRandom(settings.seed, number);
  return settings.sampler === "tpe" ? tpePoint(space, finished, settings.direction, rng) : randomPoint(space, rng);
}
