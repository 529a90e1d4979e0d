/** The library API: the same runs as the CLI, from TypeScript.
 *
 * ```ts
 * import { run, Pipeline, Parallel } from "@toolchain/kogine";
 * const one = await run("train.py", { config: "sweep.py", set: { epochs: 3 } });
 * const flow = await new Pipeline(["prep.py", "train.py", "eval.py"], { config: "pipeline.py" }).run();
 * const grid = await new Parallel(["train.py"], { sweep: { lr: [0.1, 0.01] }, workers: 4 }).run();
 * console.log(grid.results); // return values in submission order
 * ```
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { checkOverrideKeys, parseSets, parseSweeps } from "./cli-overrides.js";
import { KogineError } from "./errors.js";
import { type ExecuteOptions, executeFlow, type FlowResult } from "./flow-runner.js";
import type { FlowMode, Invocation, StepDefinition } from "./run-store.js";
import { resolveScript } from "./script-language.js";
import { buildSearch, type SearchOptions } from "./search-definition.js";

export type StepInput = string | { script: string; config?: string; entrypoint?: string };

export interface FlowOptions extends ExecuteOptions {
  /** A config file for every step (a step's own `config` wins). */
  config?: string;
  /** Values injected into every task, typed as given. */
  set?: Record<string, unknown>;
  /** Values to sweep over: the cartesian product of the lists. */
  sweep?: Record<string, unknown[]>;
  /** `--set`/`--sweep` strings, coerced to the type of the script's default like on the command line. */
  cliSets?: string[];
  cliSweeps?: string[];
  inject?: "before" | "after";
  lenient?: boolean;
  strict?: boolean;
  workers?: number;
  retries?: number;
  retryDelayMs?: number;
  /** Search the space instead of running each config once (`kogine run --search`). */
  search?: SearchOptions;
  /** Each attempt's time limit in seconds: a task still running then is killed and fails as `timeout`. */
  timeoutSeconds?: number | null;
}

export function buildInvocation(mode: FlowMode, steps: StepInput[], options: FlowOptions = {}): Invocation {
  if (steps.length === 0) throw new KogineError("no scripts given");
  const definitions: StepDefinition[] = steps.map((step) => {
    const input = typeof step === "string" ? { script: step } : step;
    const { path, entrypoint } = resolveScript(input.script, input.entrypoint ?? null);
    const config = input.config ?? options.config;
    if (config && !existsSync(config)) throw new KogineError(`config not found: ${config}`);
    return { script: path, config: config ? resolve(config) : null, entrypoint };
  });
  // Malformed or repeated overrides are refused here, before a run exists.
  checkOverrideKeys(options.cliSets ?? [], options.cliSweeps ?? [], options.set, options.sweep);
  parseSets(options.cliSets ?? []);
  parseSweeps(options.cliSweeps ?? []);
  const workers = options.workers ?? (mode === "parallel" ? availableParallelism() : 1);
  if (!Number.isInteger(workers) || workers < 1)
    throw new KogineError(`workers must be a positive whole number, got ${workers}`);
  const search = options.search ? searchOf(mode, definitions, options) : {};
  return {
    ...search,
    mode,
    steps: definitions,
    sets: options.cliSets ?? [],
    sweeps: options.cliSweeps ?? [],
    values: options.set ?? {},
    valueSweeps: options.sweep ?? {},
    inject: options.inject ?? "before",
    lenient: options.lenient ?? false,
    strict: options.strict ?? false,
    workers,
    retries: options.retries ?? 0,
    retryDelayMs: options.retryDelayMs ?? 500,
    timeoutSeconds: options.timeoutSeconds ?? null,
    cwd: process.cwd(),
  };
}

function searchOf(mode: FlowMode, steps: StepDefinition[], options: FlowOptions) {
  if (mode !== "run" || steps.length !== 1) throw new KogineError("--search applies to `kogine run` of one script");
  const keyOf = (assignment: string) => assignment.slice(0, Math.max(0, assignment.indexOf("=")));
  return buildSearch(options.search as SearchOptions, {
    setKeys: [...(options.cliSets ?? []).map(keyOf), ...Object.keys(options.set ?? {})],
    sweepKeys: [...(options.cliSweeps ?? []).map(keyOf), ...Object.keys(options.sweep ?? {})],
  });
}

/** Runs one script under every config its config file (and sweeps) yield. */
export function run(script: string, options: FlowOptions & { entrypoint?: string } = {}): Promise<FlowResult> {
  const invocation = buildInvocation("run", [{ script, entrypoint: options.entrypoint }], options);
  return executeFlow(invocation, options);
}

abstract class Workflow {
  protected abstract readonly mode: FlowMode;

  constructor(
    readonly steps: StepInput[],
    readonly options: FlowOptions = {},
  ) {}

  run(): Promise<FlowResult> {
    return executeFlow(buildInvocation(this.mode, this.steps, this.options), this.options);
  }
}

/** Steps one after another, each in its own process; stops at the first failure. */
export class Sequential extends Workflow {
  protected readonly mode = "sequential";
}

/** Sequential, and each step's config sees the previous step's return value as `prev` and all earlier
 * steps' values as `results`. */
export class Pipeline extends Workflow {
  protected readonly mode = "pipeline";
}

/** Every script under every config, in a pool of `workers` processes; failures don't stop the others. */
export class Parallel extends Workflow {
  protected readonly mode = "parallel";
}
