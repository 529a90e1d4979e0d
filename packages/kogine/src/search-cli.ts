/** The command-line options of a search (`kogine run SCRIPT --search ...`), kept apart from cli.ts. */
import { type Command, Option } from "commander";
import { KogineError } from "./errors.js";
import { checkSearchLauncher, type SearchOptions } from "./search-definition.js";

export interface SearchFlags {
  search: string[];
  trials?: string;
  metric?: string;
  mode?: "min" | "max";
  sampler?: "random" | "tpe";
  scheduler?: "asha" | "median";
  seed?: string;
  launcher?: string;
}

export function withSearchOptions(command: Command): Command {
  return command
    .option(
      "--search <name=kind:args>",
      "search a value: uniform:LOW:HIGH, loguniform:LOW:HIGH, int:LOW:HIGH, logint:LOW:HIGH or choice:A,B,C (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--trials <n>", "how many trials the search runs")
    .option(
      "--metric <name>",
      "the metric the search optimises: the value returned under that name, else the best logged",
    )
    .addOption(new Option("--mode <mode>", "whether the metric is better low or high").choices(["min", "max"]))
    .addOption(new Option("--sampler <sampler>", "how points are drawn (default tpe)").choices(["random", "tpe"]))
    .addOption(
      new Option("--scheduler <scheduler>", "stop losing trials early, reading --metric as they log it").choices([
        "asha",
        "median",
      ]),
    )
    .option("--seed <n>", "seed of the search's draws (default: drawn, and kept in the run)");
}

/** The search the flags describe, or undefined when there is no --search (and then no search flag). */
export function searchFromFlags(flags: SearchFlags): SearchOptions | undefined {
  if (flags.search.length === 0) {
    const given = (["trials", "metric", "mode", "sampler", "scheduler", "seed"] as const).find((f) => flags[f]);
    if (given) throw new KogineError(`--${given} applies to a search: give the space with --search NAME=KIND:ARGS`);
    return undefined;
  }
  if (flags.trials === undefined) throw new KogineError("--search needs --trials N, how many trials to run");
  if (flags.metric === undefined) throw new KogineError("--search needs --metric NAME, the metric it optimises");
  if (flags.mode === undefined)
    throw new KogineError("--search needs --mode min or --mode max: whether the metric is better low or high");
  checkSearchLauncher(flags.launcher ?? "local");
  return {
    space: flags.search,
    trials: wholeNumber(flags.trials, "--trials"),
    metric: flags.metric,
    mode: flags.mode,
    sampler: flags.sampler,
    scheduler: flags.scheduler ?? null,
    seed: flags.seed === undefined ? undefined : wholeNumber(flags.seed, "--seed"),
  };
}

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value)) throw new KogineError(`${flag} ${text}: expected a whole number`);
  return value;
}
