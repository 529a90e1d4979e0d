/** What a search is, as its run's invocation keeps it: the space, how many trials, how points are drawn
 * and trials stopped early, and the seed. The invocation's `metric` and `mode` name the objective. A
 * resumed search reads all of this back and goes on from the trials in its run store. */
import { KogineError } from "./errors.js";
import type { Direction, SamplerName } from "./search-sampler.js";
import { parseSearchSpace, type SearchSpace } from "./search-space.js";
import type { SchedulerName } from "./trial-scheduler.js";

export interface SearchDefinition {
  /** The `--search` arguments as given. */
  arguments: string[];
  space: SearchSpace;
  trials: number;
  sampler: SamplerName;
  scheduler: SchedulerName | null;
  seed: number;
}

/** A search as the library API and the command line describe it. */
export interface SearchOptions {
  /** `NAME=KIND:ARGS` strings, as `--search` takes them. */
  space: string[];
  trials: number;
  metric: string;
  mode: Direction;
  sampler?: SamplerName;
  scheduler?: SchedulerName | null;
  /** Default: drawn now and kept in the run, so a resume draws as the first run would have. */
  seed?: number;
}

/** A search draws each trial from the results of those before: a launcher that takes a whole array of
 * tasks up front (Slurm) cannot run one. */
export function checkSearchLauncher(launcher: string): void {
  if (launcher === "slurm")
    throw new KogineError("--search cannot use --launcher slurm: it draws each trial from the results of those before");
}

/** Checks the options against the rest of the command line (the keys given other ways). */
export function buildSearch(
  options: SearchOptions,
  others: { setKeys: string[]; sweepKeys: string[] },
): { search: SearchDefinition; metric: string; metricMode: Direction } {
  const space = parseSearchSpace(options.space);
  if (space.length === 0) throw new KogineError("a search needs at least one --search NAME=KIND:ARGS");
  if (others.sweepKeys.length > 0)
    throw new KogineError("--search and --sweep cannot be combined: a search chooses its points itself");
  for (const param of space) {
    if (others.setKeys.includes(param.name)) {
      const argument = options.space.find((s) => s.startsWith(`${param.name}=`));
      throw new KogineError(`--search ${argument}: ${param.name} is also given a value by --set`);
    }
  }
  if (!Number.isInteger(options.trials) || options.trials < 1)
    throw new KogineError(`--trials ${options.trials}: expected a whole number >= 1`);
  if (!options.metric) throw new KogineError("--search needs --metric NAME, the metric the search optimises");
  if (options.mode !== "min" && options.mode !== "max")
    throw new KogineError("--search needs --mode min or --mode max: whether the metric is better low or high");
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed) || seed < 0) throw new KogineError(`--seed ${seed}: expected a whole number >= 0`);
  return {
    search: {
      arguments: options.space,
      space,
      trials: options.trials,
      sampler: options.sampler ?? "tpe",
      scheduler: options.scheduler ?? null,
      seed,
    },
    metric: options.metric,
    metricMode: options.mode,
  };
}
