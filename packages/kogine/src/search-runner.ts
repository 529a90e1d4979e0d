/** Runs a search (`--search`): its trials are tasks of the run, planned one at a time as launcher slots
 * free up (a TaskFeed), so each trial's point is drawn from every trial that ended before it (up to -w
 * run at once). While trials run, the scheduler, if any, follows their metrics (trial-watcher.ts).
 *
 * A trial's objective is the `--metric` value it returned, else the best it logged (trial-objective.ts);
 * a pruned trial counts for the sampler with the last value it logged; a failed trial, or one with no
 * value, does not count. Each task keeps its drawn point in `trial.json`, so a resume re-runs the trials
 * that neither succeeded nor were pruned, with their points, then draws the rest. */
import { KogineError } from "./errors.js";
import type { LaunchContext, Launcher, TaskFeed } from "./launcher.js";
import type { Invocation, RunStore, TaskRecord, TaskStatus } from "./run-store.js";
import { checkSearchLauncher, type SearchDefinition } from "./search-definition.js";
import { type Direction, type FinishedTrial, samplePoint } from "./search-sampler.js";
import { displayValue, overrideValue, type ParamValues } from "./search-space.js";
import { planStep } from "./task-planning.js";
import type { TaskSpec } from "./task-spec.js";
import { trialObjective } from "./trial-objective.js";
import { createScheduler } from "./trial-scheduler.js";
import { TrialWatcher } from "./trial-watcher.js";

/** The file in a trial's task directory holding its point (a choice as its index). */
export const TRIAL_FILE = "trial.json";

const DONE: readonly TaskStatus[] = ["succeeded", "pruned"];
const POLL_MS = 200;

export async function runSearch(
  invocation: Invocation,
  run: RunStore,
  launcher: Launcher,
  context: LaunchContext,
): Promise<void> {
  checkSearchLauncher(launcher.name);
  if (!launcher.executeFeed) throw new KogineError(`--search cannot use --launcher ${launcher.name}`);
  const feed = new TrialFeed(invocation, run, await baseSpec(invocation), context.signal);
  context.reporter.begin(feed.total, feed.done);
  const timer = setInterval(() => feed.watcher?.poll(), POLL_MS);
  try {
    await launcher.executeFeed(feed, context);
  } finally {
    clearInterval(timer);
    run.saveManifest();
  }
}

/** The search's trials, as slots ask for them: first those of an earlier run of it that did not end, then
 * new ones drawn from the trials ended so far. */
class TrialFeed implements TaskFeed {
  readonly watcher: TrialWatcher | null;
  private readonly search: SearchDefinition;
  private readonly metric: string;
  private readonly direction: Direction;
  /** Every trial planned, by number: its point. */
  private readonly points = new Map<number, ParamValues>();
  private readonly rerun: number[] = [];
  private nextNumber: number;
  private warned = false;

  constructor(
    invocation: Invocation,
    private readonly run: RunStore,
    private readonly base: TaskSpec,
    private readonly signal: AbortSignal,
  ) {
    this.search = invocation.search as SearchDefinition;
    this.metric = invocation.metric as string;
    this.direction = invocation.metricMode as Direction;
    const scheduler = this.search.scheduler ? createScheduler(this.search.scheduler, this.direction) : null;
    this.watcher = scheduler ? new TrialWatcher(run, this.metric, scheduler) : null;
    for (const record of run.tasks) {
      const point = run.readJson<{ params: ParamValues }>(record.index, TRIAL_FILE)?.params;
      if (!point) continue;
      this.points.set(record.index, point);
      if (!DONE.includes(record.status)) this.rerun.push(record.index);
      else this.watcher?.replay(record);
    }
    this.nextNumber = Math.max(-1, ...this.points.keys()) + 1;
  }

  get total(): number {
    return Math.max(this.search.trials, this.points.size);
  }

  get done(): number {
    return this.points.size - this.rerun.length;
  }

  async next(): Promise<TaskSpec | null> {
    if (this.signal.aborted) return null;
    let number = this.rerun.shift();
    if (number === undefined) {
      if (this.nextNumber >= this.search.trials) return null;
      number = this.nextNumber++;
      const settings = { ...this.search, direction: this.direction };
      this.points.set(number, samplePoint(this.search.space, this.finishedTrials(), number, settings));
    }
    const point = this.points.get(number) as ParamValues;
    const planned = this.run.planTask(trialSpec(this.base, this.search, number, point));
    this.run.writeTaskFile(number, TRIAL_FILE, { params: point });
    this.run.saveManifest();
    this.watcher?.watch(number);
    return planned;
  }

  finished(record: TaskRecord): void {
    this.watcher?.ended(record);
    if (this.warned || record.status !== "succeeded") return;
    if (trialObjective(record, this.run.result(record.index), this.metric, this.direction) !== null) return;
    this.warned = true;
    process.stderr.write(
      `kogine: warning: trial ${record.index} (${record.label}) gave no value of ${this.metric}: ` +
        `return {"${this.metric}": ...} or log it (kogine.log / log); the search leaves such trials out\n`,
    );
  }

  /** The trials the sampler learns from: those that ended with a value, in trial order. */
  private finishedTrials(): FinishedTrial[] {
    const finished: FinishedTrial[] = [];
    for (const record of this.run.tasks) {
      const params = this.points.get(record.index);
      if (!params) continue;
      const summary = record.metrics?.[this.metric];
      if (record.status === "pruned") {
        const last = summary ? { step: summary.lastStep, value: summary.last } : null;
        finished.push({ number: record.index, params, state: "pruned", last });
      } else if (record.status === "succeeded") {
        const value = trialObjective(record, this.run.result(record.index), this.metric, this.direction);
        if (value !== null) finished.push({ number: record.index, params, state: "complete", value });
      }
    }
    return finished;
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
