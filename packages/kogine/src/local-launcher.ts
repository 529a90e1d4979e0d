/** Runs tasks on this machine in a pool of N worker slots, one process per task; a slot's number is the
 * task's KOGINE_WORKER_ID. Results come back in submission order whatever order tasks end in. */
import { availableParallelism } from "node:os";
import type { LaunchContext, Launcher } from "./launcher.js";
import type { StepDefinition, TaskRecord } from "./run-store.js";
import { languageOf } from "./script-language.js";
import { TaskProcesses } from "./task-processes.js";
import { finishedRecord, startedRecord, taskStatus } from "./task-recording.js";
import { runWithRetries } from "./task-retry.js";
import type { TaskSpec } from "./task-spec.js";

export class LocalLauncher implements Launcher {
  readonly name = "local";
  readonly workers: number;

  /** The task processes kept from `prepare` to `close`, so a pipeline's steps share them. */
  private kept: TaskProcesses | null = null;

  constructor(workers: number = availableParallelism()) {
    this.workers = Math.max(1, Math.floor(workers));
  }

  prepare(first: StepDefinition, tasks: number): void {
    this.kept ??= new TaskProcesses();
    const language = languageOf(first.script);
    for (let slot = 0; slot < Math.min(this.workers, tasks); slot++) this.kept.warm(slot, language);
  }

  close(): void {
    this.kept?.close();
    this.kept = null;
  }

  async execute(specs: TaskSpec[], context: LaunchContext): Promise<TaskRecord[]> {
    const records: TaskRecord[] = new Array(specs.length);
    const freeSlots = Array.from({ length: Math.min(this.workers, specs.length) }, (_, i) => i);
    let next = 0;
    let stopped = false;
    const processes = this.kept ?? new TaskProcesses();
    // The task a slot takes after this one is the next not yet taken (with several slots, one of them).
    const nextLanguage = () => (next < specs.length && !stopped ? specs[next].language : null);
    // A slot takes its next task before it records the one that ended, so the run store's writes are off
    // the tasks' path. Where tasks need not wait for each other's outcome, a slot has a second task queued
    // behind the running one (two lanes feed it): a Python zygote starts it the moment the first ends.
    const lanes = context.stopOnFailure ? 1 : 2;
    const runLane = async (slot: number): Promise<void> => {
      let recordLast = async () => {};
      while (next < specs.length && !stopped && !context.signal.aborted) {
        const position = next++;
        const running = this.runOne(specs[position], slot, context, processes, nextLanguage);
        await recordLast();
        const ended = await running;
        if (context.stopOnFailure && ended.status !== "succeeded") stopped = true;
        recordLast = async () => {
          records[position] = await ended.record();
        };
      }
      await recordLast();
    };
    try {
      // Every slot's first lane takes a task before any second lane does: tasks start in submission order.
      const laneSlots = Array.from({ length: lanes }, () => freeSlots).flat();
      await Promise.all(laneSlots.map(runLane));
    } finally {
      if (processes !== this.kept) processes.close();
    }
    return specs.map((spec, i) => records[i] ?? (context.store.record(spec.index) as TaskRecord));
  }

  /** Runs a task's attempts; what it returns records the task (its files and the reporter's line). */
  private async runOne(
    spec: TaskSpec,
    workerId: number,
    context: LaunchContext,
    processes: TaskProcesses,
    nextLanguage: () => TaskSpec["language"] | null,
  ): Promise<{ status: TaskRecord["status"]; record: () => Promise<TaskRecord> }> {
    const { store, reporter } = context;
    const { result, attempts } = await runWithRetries(
      spec,
      {
        taskDir: store.taskDir(spec.index),
        workerId,
        echo: context.echo,
        signal: context.signal,
        processes,
        nextLanguage,
      },
      context,
      (attempt) => reporter.taskStarted(spec, startedRecord(store, spec, workerId, attempt)),
      (attempt, delayMs, failed) => {
        const record = { ...(store.record(spec.index) as TaskRecord), attempts: attempt };
        reporter.taskRetrying(spec, record, delayMs, failed.outcome.ok ? "" : failed.outcome.message);
      },
    );
    return {
      status: taskStatus(result.outcome),
      record: async () => {
        await result.logsClosed;
        if (!result.ran) return store.record(spec.index) as TaskRecord; // stopped before it started: pending
        const record = finishedRecord(store, spec, result, attempts, workerId);
        reporter.taskFinished(spec, record, result.outcome.ok ? result.outcome.value : null);
        return record;
      },
    };
  }
}
