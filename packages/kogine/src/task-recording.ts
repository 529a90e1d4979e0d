/** Turns a finished attempt into the task's files and record in the run store. */
import { hostname } from "node:os";
import type { RunStore, TaskRecord, TaskStatus } from "./run-store.js";
import type { AttemptResult } from "./task-process.js";
import type { TaskOutcome, TaskSpec } from "./task-spec.js";

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
    startedAt: store.record(spec.index)?.startedAt ?? new Date().toISOString(),
    endedAt: null,
    durationMs: null,
  };
  store.updateTask(record);
  return record;
}

export function taskStatus(outcome: TaskOutcome): TaskStatus {
  return outcome.ok ? "succeeded" : outcome.kind === "interrupted" ? "interrupted" : "failed";
}

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
  const previous = store.record(spec.index);
  const startedAt = previous?.startedAt ?? attempt.startedAt.toISOString();
  const record: TaskRecord = {
    ...(previous as TaskRecord),
    status: taskStatus(outcome),
    exitCode: attempt.exitCode,
    signal: attempt.signal,
    attempts,
    workerId,
    host,
    startedAt,
    endedAt: attempt.endedAt.toISOString(),
    durationMs: attempt.endedAt.getTime() - Date.parse(startedAt),
    failure: outcome.ok ? null : { kind: outcome.kind, message: outcome.message, traceback: outcome.traceback },
  };
  store.updateTask(record);
  return record;
}
