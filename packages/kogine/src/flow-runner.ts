/** Executes an invocation (a single run, a sequential or pipeline workflow, a parallel sweep) into a run
 * directory: plans tasks, hands them to a launcher, and on --resume skips the tasks that succeeded. */
import { basename, extname } from "node:path";
import type { Launcher } from "./launcher.js";
import { LocalLauncher } from "./local-launcher.js";
import { createReporter, type LogFormat } from "./progress.js";
import { defaultRunsRoot, type Invocation, type Manifest, RunStore, type TaskRecord } from "./run-store.js";
import { languageOf } from "./script-language.js";
import { runSearch } from "./search-runner.js";
import { planStep, sweepPointCount } from "./task-planning.js";
import type { TaskSpec } from "./task-spec.js";

export interface ExecuteOptions {
  runsDir?: string;
  name?: string;
  launcher?: Launcher;
  logFormat?: LogFormat;
  echo?: boolean;
  signal?: AbortSignal;
  /** How long tasks get to end after `signal` aborts before they are killed (default 30 s). */
  graceMs?: number;
  /** Re-run the tasks of this earlier run (a directory, id or `latest`) that did not succeed. */
  resume?: string;
  /** Called with the run's store once it is created or opened, before any task starts: what a caller uses
   * to follow the run or ask tasks to stop (RunStore.requestStop). */
  onStore?: (store: RunStore) => void;
}

export interface FlowResult {
  runDir: string;
  runId: string;
  status: Manifest["status"];
  records: TaskRecord[];
  /** Each task's return value in submission order (null for tasks that did not succeed, or were pruned
   * before they returned). */
  results: unknown[];
  manifest: Manifest;
}

export async function executeFlow(invocation: Invocation, options: ExecuteOptions = {}): Promise<FlowResult> {
  const root = options.runsDir ?? defaultRunsRoot();
  const store = options.resume ? RunStore.findAndLock(root, options.resume) : null;
  if (store) invocation = store.invocation;
  const sequentialFlow = invocation.mode === "sequential" || invocation.mode === "pipeline";
  const launcher = options.launcher ?? new LocalLauncher(sequentialFlow ? 1 : invocation.workers);
  prepareLauncher(launcher, invocation);
  // Planned before the run is created: bad input (a missing config, a value the script's default cannot
  // take, a syntax error) makes no run.
  let planned: TaskSpec[];
  try {
    planned = await planAhead(invocation);
  } catch (error) {
    launcher.close?.();
    throw error;
  }
  const run = store ?? RunStore.create(root, options.name ?? runName(invocation), invocation, launcher.name);
  options.onStore?.(run);
  const echo =
    options.echo ?? (launcher instanceof LocalLauncher && launcher.workers === 1 && options.logFormat !== "json");
  const reporter = createReporter(options.logFormat ?? "auto", echo);
  const signal = options.signal ?? new AbortController().signal;
  const context = {
    store: run,
    reporter,
    signal,
    echo,
    ...invocation,
    graceMs: options.graceMs,
    stopOnFailure: sequentialFlow,
  };
  const records: TaskRecord[] = [];
  const recordHardStop = () => stoppedAtOnce(run);
  process.once("exit", recordHardStop);
  try {
    if (invocation.search) {
      await runSearch(invocation, run, launcher, context);
      records.push(...run.tasks);
    } else if (invocation.mode === "pipeline") {
      await runPipeline(invocation, planned, run, launcher, context, records);
    } else {
      records.push(...(await runPlanned(planned, run, launcher, context)));
    }
  } finally {
    process.off("exit", recordHardStop);
    launcher.close?.();
    reporter.end();
    run.finish(launcher.name === "slurm" ? "submitted" : overallStatus(run.tasks, signal.aborted));
    run.unlock();
  }
  const manifest = run.snapshot();
  return {
    runDir: run.dir,
    runId: run.id,
    status: manifest.status,
    records: manifest.tasks,
    results: manifest.tasks.map((t) =>
      t.status === "succeeded" || t.status === "pruned" ? run.result(t.index) : null,
    ),
    manifest,
  };
}

type FlowContext = Parameters<Launcher["execute"]>[1];

/** The tasks known before any runs: every step's, or a pipeline's first step's (the others depend on it). */
async function planAhead(invocation: Invocation): Promise<TaskSpec[]> {
  const steps = invocation.mode === "pipeline" ? invocation.steps.slice(0, 1) : invocation.steps;
  const specs: TaskSpec[] = [];
  for (const [stepIndex, step] of steps.entries()) {
    specs.push(...(await planStep(step, stepIndex, specs.length, invocation, {})));
  }
  return specs;
}

/** Each step sees the previous step's return value as `prev` (a list when the step ran several configs)
 * and all earlier steps' values as `results`. `first`: the first step's tasks, planned already. */
async function runPipeline(
  invocation: Invocation,
  first: TaskSpec[],
  run: RunStore,
  launcher: Launcher,
  context: FlowContext,
  records: TaskRecord[],
) {
  const results: unknown[] = [];
  let nextIndex = 0;
  for (const [stepIndex, step] of invocation.steps.entries()) {
    const prev = results.length > 0 ? results[results.length - 1] : null;
    const specs =
      stepIndex === 0 ? first : await planStep(step, stepIndex, nextIndex, invocation, { prev, results: [...results] });
    nextIndex += specs.length;
    const stepRecords = await runPlanned(specs, run, launcher, context);
    records.push(...stepRecords);
    if (stepRecords.some((r) => r.status !== "succeeded")) return;
    const values = stepRecords.map((r) => run.result(r.index));
    results.push(values.length === 1 ? values[0] : values);
  }
}

async function runPlanned(
  specs: TaskSpec[],
  run: RunStore,
  launcher: Launcher,
  context: FlowContext,
): Promise<TaskRecord[]> {
  const planned = specs.map((spec) => run.planTask(spec));
  // A pruned task was stopped on purpose (a search): a resume does not run it again.
  const toRun = planned.filter((spec) => !["succeeded", "pruned"].includes(run.record(spec.index)?.status ?? ""));
  run.saveManifest();
  context.reporter.begin(planned.length, planned.length - toRun.length);
  if (toRun.length > 0) await launcher.execute(toRun, context);
  run.saveManifest();
  return planned.map((spec) => run.record(spec.index) as TaskRecord);
}

/** Task processes start while the flow loads configs and plans. They are for the first step's language, as
 * many as the tasks in that language known to run first fill: in a parallel flow, each step of that
 * language at its head times the sweeps' points. Bad input is reported by the planning, as without this. */
function prepareLauncher(launcher: Launcher, invocation: Invocation): void {
  try {
    const languages = invocation.steps.map((step) => languageOf(step.script));
    const leading = languages.findIndex((language) => language !== languages[0]);
    const steps = leading === -1 ? languages.length : leading;
    const tasks = invocation.search
      ? invocation.search.trials
      : invocation.mode === "parallel"
        ? steps * sweepPointCount(invocation)
        : 1;
    if (languages.length > 0) launcher.prepare?.(invocation.steps[0], tasks);
  } catch {
    // The planning names the problem.
  }
}

/** kogine exits while the run goes on only when stopped at once (a second Ctrl-C or SIGTERM, which kill
 * every process of the run): the tasks that ran are recorded as interrupted, as is the run. */
function stoppedAtOnce(run: RunStore): void {
  const message = "killed: kogine was stopped at once (a second Ctrl-C or SIGTERM)";
  for (const task of run.tasks.filter((t) => t.status === "running")) {
    run.updateTask({ ...task, status: "interrupted", failure: { kind: "interrupted", message } });
  }
  run.finish("interrupted");
}

function overallStatus(tasks: readonly TaskRecord[], aborted: boolean): Manifest["status"] {
  if (aborted || tasks.some((t) => t.status === "interrupted")) return "interrupted";
  // A pruned task was stopped on purpose, by a search's scheduler: it does not fail the run.
  if (tasks.length > 0 && tasks.every((t) => t.status === "succeeded" || t.status === "pruned")) return "succeeded";
  return "failed";
}

function runName(invocation: Invocation): string {
  const stems = invocation.steps.map((s) => basename(s.script, extname(s.script)));
  return invocation.mode === "run" ? stems[0] : `${invocation.mode}-${[...new Set(stems)].join("+")}`;
}
