/** Runs tasks on this machine in a pool of N worker slots taking tasks from one queue (slot-queue.ts), one
 * process per task; a slot's number is the task's KOGINE_WORKER_ID. Results come back in submission order
 * whatever order tasks end in. */
import { availableParallelism } from "node:os";
import type { LaunchContext, Launcher, TaskFeed } from "./launcher.js";
import type { StepDefinition, TaskRecord } from "./run-store.js";
import { languageOf } from "./script-language.js";
import { SlotQueue, type TakenTask } from "./slot-queue.js";
import { TaskProcesses } from "./task-processes.js";
import { finishedRecord, nextAttempt, startedRecord, taskStatus } from "./task-recording.js";
import { runWithRetries } from "./task-retry.js";
import type { TaskSpec } from "./task-spec.js";

export class LocalLauncher implements Launcher {
  readonly name = "local";
  readonly workers: number;

  /** The task processes kept from `prepare` to `close`, so a pipeline's steps share them. */
  private kept: TaskProcesses | null = null;

  /** `gpus`: each slot's GPUs (gpu-slots.ts), one list per slot; their number is then the pool's size. */
  constructor(
    workers: number = availableParallelism(),
    private readonly gpus: string[][] | null = null,
  ) {
    this.workers = gpus ? gpus.length : Math.max(1, Math.floor(workers));
  }

  prepare(first: StepDefinition, tasks: number): void {
    this.kept ??= new TaskProcesses(true);
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
    const queue = new SlotQueue(specs.length);
    const processes = this.kept ?? new TaskProcesses(true);
    // The task a slot takes after this one is the next in the queue (with several slots, one of them).
    const nextLanguage = () => {
      const upcoming = queue.upcoming;
      return upcoming === null ? null : specs[upcoming].language;
    };
    // A slot takes its next task before it records the one that ended, so the run store's writes are off
    // the tasks' path. Where tasks need not wait for each other's outcome, a slot has a second task queued
    // behind the running one (two lanes feed it): a Python zygote starts it the moment the first ends.
    const lanes = context.stopOnFailure ? 1 : 2;
    const runLane = async (slot: number): Promise<void> => {
      let recordLast = async () => {};
      while (!context.signal.aborted) {
        const task = await queue.take(slot);
        if (!task || context.signal.aborted) break;
        const running = this.runOne(specs[task.position], task, context, processes, nextLanguage, queue);
        await recordLast();
        recordLast = async () => {};
        const ended = await running;
        queue.ended(task, ended.ran);
        if (!ended.ran && task.withdraw.signal.aborted) continue; // another slot runs it
        if (context.stopOnFailure && ended.status !== "succeeded") queue.stop();
        recordLast = async () => {
          records[task.position] = await ended.record();
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

  async executeFeed(feed: TaskFeed, context: LaunchContext): Promise<void> {
    const processes = this.kept ?? new TaskProcesses(true);
    const runSlot = async (slot: number): Promise<void> => {
      while (!context.signal.aborted) {
        const spec = await feed.next();
        if (!spec) return;
        // A feed's next task is drawn only when a slot frees, so nothing waits ahead to be withdrawn.
        const task: TakenTask = { position: spec.index, slot, withdraw: new AbortController() };
        const ended = await this.runOne(spec, task, context, processes, () => spec.language);
        feed.finished?.(await ended.record());
      }
    };
    try {
      await Promise.all(Array.from({ length: this.workers }, (_, slot) => runSlot(slot)));
    } finally {
      if (processes !== this.kept) processes.close();
    }
  }

  /** Runs a task's attempts; what it returns records the task (its files and the reporter's line). */
  private async runOne(
    spec: TaskSpec,
    task: TakenTask,
    context: LaunchContext,
    processes: TaskProcesses,
    nextLanguage: () => TaskSpec["language"] | null,
    queue?: SlotQueue,
  ): Promise<{ status: TaskRecord["status"]; ran: boolean; record: () => Promise<TaskRecord> }> {
    const { store, reporter } = context;
    const workerId = task.slot;
    const { result, attempts } = await runWithRetries(
      spec,
      {
        taskDir: store.taskDir(spec.index),
        workerId,
        echo: context.echo,
        signal: context.signal,
        graceMs: context.graceMs,
        env: this.gpus ? { CUDA_VISIBLE_DEVICES: this.gpus[workerId].join(",") } : undefined,
        processes,
        nextLanguage,
        watchStopRequests: (listener) => store.watchStopRequests(spec.index, listener),
        withdraw: task.withdraw.signal,
      },
      context,
      (attempt) => {
        queue?.started(task);
        reporter.taskStarted(spec, startedRecord(store, spec, workerId, attempt));
      },
      (attempt, delayMs, failed) => {
        const record = { ...(store.record(spec.index) as TaskRecord), attempts: attempt };
        reporter.taskRetrying(spec, record, delayMs, failed.outcome.ok ? "" : failed.outcome.message);
      },
      nextAttempt(store, spec),
    );
    return {
      status: taskStatus(result.outcome),
      ran: result.ran,
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
