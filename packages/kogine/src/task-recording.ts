/** Turns a finished attempt into the task's files and record in the run store. */
import { hostname } from "node:os";
import { summarizeMetricsFile } from "./metrics-file.js";
import type { RunStore, TaskRecord, TaskStatus } from "./run-store.js";
import type { AttemptResult } from "./task-process.js";
import type { TaskOutcome, TaskSpec } from "./task-spec.js";

/** The record of a task whose attempt `attempt` (counted over every run of the task, resumes included)
 * has started now. */
export function startedRecord(
  store: RunStore,
  spec: TaskSpec,
  workerId: number,
  attempt: number,
  host = hostname(),
): TaskRecord {
  const record: TaskRecord = {
    ...(store.record(spec.index) as TaskRecord),
    status: "running",
    attempts: attempt,
    workerId,
    host,
    startedAt: new Date().toISOString(),
    endedAt: null,
    durationMs: null,
  };
  store.updateTask(record);
  return record;
}

/** The attempt a task's next run starts at: one after those recorded, so resumes keep counting. */
export function nextAttempt(store: RunStore, spec: TaskSpec): number {
  return (store.record(spec.index)?.attempts ?? 0) + 1;
}

export function taskStatus(outcome: TaskOutcome, stopRequested = false): TaskStatus {
  if (!outcome.ok && outcome.kind === "interrupted") return "interrupted";
  if (stopRequested) return "pruned";
  return outcome.ok ? "succeeded" : "failed";
}

/** Records a task's end. A task asked to stop (RunStore.requestStop) ends `pruned`, whether it returned
 * or was killed for not stopping; a pruned task that returned keeps its value, and a killed one the reason. */
export function finishedRecord(
  store: RunStore,
  spec: TaskSpec,
  attempt: Omit<AttemptResult, "logsClosed" | "ran">,
  attempts: number,
  workerId: number,
  host = hostname(),
): TaskRecord {
  const { outcome } = attempt;
  if (outcome.config) store.writeTaskFile(spec.index, "config.json", outcome.config);
  if (outcome.ok) store.writeTaskFile(spec.index, "result.json", { value: outcome.value });
  const status = taskStatus(outcome, store.stopRequested(spec.index));
  const record: TaskRecord = {
    ...(store.record(spec.index) as TaskRecord),
    status,
    exitCode: attempt.exitCode,
    signal: attempt.signal,
    attempts,
    workerId,
    host,
    // The attempt's own run time: not the wait for its slot, nor earlier attempts or runs.
    startedAt: attempt.startedAt.toISOString(),
    endedAt: attempt.endedAt.toISOString(),
    durationMs: attempt.endedAt.getTime() - attempt.startedAt.getTime(),
    failure: outcome.ok ? null : { kind: outcome.kind, message: outcome.message, traceback: outcome.traceback },
    metrics: summarizeMetricsFile(store.taskDir(spec.index)),
  };
  store.updateTask(record);
  return record;
}
