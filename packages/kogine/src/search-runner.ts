/** Runs a search (`--search`): its trials are tasks of the run, planned one at a time as launcher slots
 * free up, so each trial's point is drawn from every trial that ended before it (up to -w run at once).
 * While trials run, the scheduler (ASHA or the median rule) reads their metrics files and asks a losing
 * trial to stop (RunStore.requestStop); it ends `pruned`, its metrics kept.
 *
 * A trial's objective is the `--metric` value it returned (a dict holding it, or a bare number), else the
 * best per `--mode` of the values it logged. A pruned trial counts for the sampler with the last value it
 * logged; a failed trial, or one with no value, does not count. Each task keeps its drawn point in
 * `trial.json`, so a resume re-runs the trials that did not end and then draws the rest. */
import { existsSync, statSync } from "node:fs";
import { KogineError } from "./errors.js";
import type { LaunchContext, Launcher, TaskFeed } from "./launcher.js";
import { metricsPath, readMetrics } from "./metrics-file.js";
import type { Invocation, RunStore, TaskRecord, TaskStatus } from "./run-store.js";
import type { SearchDefinition } from "./search-definition.js";
import { type Direction, type FinishedTrial, samplePoint } from "./search-sampler.js";
import { displayValue, overrideValue, type ParamValues } from "./search-space.js";
import { planStep } from "./task-planning.js";
import type { TaskSpec } from "./task-spec.js";
import { trialObjective } from "./trial-objective.js";
import { createScheduler, type TrialScheduler } from "./trial-scheduler.js";

/** The file in a trial's task directory holding its point (a choice as its index). */
export const TRIAL_FILE = "trial.json";

const ENDED: readonly TaskStatus[] = ["succeeded", "pruned", "failed", "interrupted", "skipped"];
const DONE: readonly TaskStatus[] = ["succeeded", "pruned"];
const POLL_MS = 200;

export async function runSearch(
  invocation: Invocation,
  run: RunStore,
  launcher: Launcher,
  context: LaunchContext,
): Promise<void> {
  if (launcher.name === "slurm")
    throw new KogineError("--search cannot use --launcher slurm: it draws each trial from the results of those before");
  const search = invocation.search as SearchDefinition;
  const metric = invocation.metric as string;
  const direction = invocation.metricMode as Direction;
  const base = await baseSpec(invocation);
  const scheduler = search.scheduler ? createScheduler(search.scheduler, direction) : null;
  const points = new Map<number, ParamValues>();
  const rerun: number[] = [];
  for (const record of run.tasks) {
    const point = run.readJson<{ params: ParamValues }>(record.index, TRIAL_FILE)?.params;
    if (!point) continue;
    points.set(record.index, point);
    if (!DONE.includes(record.status)) rerun.push(record.index);
    else if (scheduler) replay(run, record, metric, scheduler);
  }
  const watcher = new TrialWatcher(run, metric, scheduler);
  let nextNumber = Math.max(-1, ...points.keys()) + 1;
  let warned = false;
  const feed: TaskFeed = {
    next: async () => {
      if (context.signal.aborted) return null;
      const again = rerun.shift();
      let spec: TaskSpec;
      if (again !== undefined) spec = trialSpec(base, search, again, points.get(again) as ParamValues);
      else {
        if (nextNumber >= search.trials) return null;
        const number = nextNumber++;
        const finished = finishedTrials(run, points, metric, direction);
        const point = samplePoint(search.space, finished, number, { ...search, direction });
        points.set(number, point);
        spec = trialSpec(base, search, number, point);
      }
      const planned = run.planTask(spec);
      run.writeTaskFile(spec.index, TRIAL_FILE, { params: points.get(spec.index) });
      run.saveManifest();
      watcher.watch(spec.index);
      return planned;
    },
    finished: (record) => {
      watcher.ended(record);
      if (
        !warned &&
        record.status === "succeeded" &&
        trialObjective(record, run.result(record.index), metric, direction) === null
      ) {
        warned = true;
        process.stderr.write(
          `kogine: warning: trial ${record.index} (${record.label}) gave no value of ${metric}: return {"${metric}": ...} ` +
            `or log it (kogine.log / log); the search leaves such trials out\n`,
        );
      }
    },
  };
  const already = [...points.keys()].length - rerun.length;
  context.reporter.begin(Math.max(search.trials, points.size), already);
  const timer = setInterval(() => watcher.poll(), POLL_MS);
  try {
    if (launcher.executeFeed) await launcher.executeFeed(feed, context);
    else await runInWaves(launcher, feed, context, invocation.workers);
  } finally {
    clearInterval(timer);
    run.saveManifest();
  }
}

/** For a launcher that takes whole lists only (BullMQ): trials go in waves of -w. */
async function runInWaves(launcher: Launcher, feed: TaskFeed, context: LaunchContext, workers: number) {
  for (;;) {
    const specs: TaskSpec[] = [];
    for (let spec = await feed.next(); spec; spec = specs.length < workers ? await feed.next() : null) specs.push(spec);
    if (specs.length === 0) return;
    for (const record of await launcher.execute(specs, context)) feed.finished?.(record);
  }
}

/** The task every trial starts from: the script under its config and `--set` values. */
async function baseSpec(invocation: Invocation): Promise<TaskSpec> {
  const specs = await planStep(invocation.steps[0], 0, 0, invocation, {});
  if (specs.length !== 1) {
    throw new KogineError(
      `--search runs every trial under one config, but ${invocation.steps[0].config} yields ${specs.length}: ` +
        "give a config file that yields one (the search varies the values itself)",
    );
  }
  return specs[0];
}

function trialSpec(base: TaskSpec, search: SearchDefinition, number: number, point: ParamValues): TaskSpec {
  const overrides: Record<string, unknown> = {};
  const shown: string[] = [];
  for (const param of search.space) {
    overrides[param.name] = overrideValue(param, point[param.name]);
    const value = displayValue(param, point[param.name]);
    shown.push(`${param.name}=${typeof value === "number" ? Number(value.toPrecision(4)) : value}`);
  }
  return {
    ...base,
    index: number,
    overrides: { ...base.overrides, ...overrides },
    label: `${base.label} ${shown.join(" ")}`,
  };
}

/** The trials the sampler learns from: those that ended with a value, in trial order. */
function finishedTrials(
  run: RunStore,
  points: Map<number, ParamValues>,
  metric: string,
  direction: Direction,
): FinishedTrial[] {
  const finished: FinishedTrial[] = [];
  for (const record of run.tasks) {
    const params = points.get(record.index);
    if (!params) continue;
    const summary = record.metrics?.[metric];
    if (record.status === "pruned") {
      const last = summary ? { step: summary.lastStep, value: summary.last } : null;
      finished.push({ number: record.index, params, state: "pruned", last });
    } else if (record.status === "succeeded") {
      const value = trialObjective(record, run.result(record.index), metric, direction);
      if (value !== null) finished.push({ number: record.index, params, state: "complete", value });
    }
  }
  return finished;
}

/** A trial that ended before this process: its reports shape the scheduler's rungs and medians. */
function replay(run: RunStore, record: TaskRecord, metric: string, scheduler: TrialScheduler): void {
  for (const entry of readMetrics(metricsPath(run.taskDir(record.index))).entries) {
    const value = entry.values[metric];
    if (value !== undefined) scheduler.report(record.index, entry.step, value);
  }
  scheduler.finish(
    record.index,
    record.status === "succeeded" ? "complete" : record.status === "pruned" ? "pruned" : "failed",
  );
}

/** Follows the metrics files of running trials for the scheduler, and asks losing trials to stop. */
class TrialWatcher {
  private readonly offsets = new Map<number, number>();

  constructor(
    private readonly run: RunStore,
    private readonly metric: string,
    private readonly scheduler: TrialScheduler | null,
  ) {}

  /** From the end of the trial's metrics file so far: a trial run again appends to it. */
  watch(index: number): void {
    const path = metricsPath(this.run.taskDir(index));
    if (this.scheduler) this.offsets.set(index, existsSync(path) ? statSync(path).size : 0);
  }

  poll(): void {
    for (const index of this.offsets.keys()) this.read(index);
  }

  ended(record: TaskRecord): void {
    if (!this.scheduler || !this.offsets.has(record.index) || !ENDED.includes(record.status)) return;
    this.read(record.index);
    this.offsets.delete(record.index);
    const state = record.status === "succeeded" ? "complete" : record.status === "pruned" ? "pruned" : "failed";
    this.scheduler.finish(record.index, state);
  }

  private read(index: number): void {
    const scheduler = this.scheduler as TrialScheduler;
    const chunk = readMetrics(metricsPath(this.run.taskDir(index)), this.offsets.get(index));
    this.offsets.set(index, chunk.nextOffset);
    for (const entry of chunk.entries) {
      const value = entry.values[this.metric];
      if (value === undefined) continue;
      if (scheduler.report(index, entry.step, value) && !this.run.stopRequested(index)) this.run.requestStop(index);
    }
  }
}
