/** What travels through the BullMQ queue: a task going out, its outcome and logs coming back. */
import type { TaskOutcome } from "./task-spec.js";

export interface TaskJobData {
  runId: string;
  /** The task's spec as extended JSON (extended-json.ts): BullMQ carries job data as plain JSON, where a NaN
   * or an infinity in the step before's result (the spec's `context.prev`) would become null. */
  extendedSpec: string;
  retries: number;
  retryDelayMs: number;
  timeoutSeconds?: number | null;
}

export interface TaskJobResult {
  outcome: TaskOutcome;
  /** A succeeded task's value as extended JSON (extended-json.ts): BullMQ carries results as plain JSON,
   * where NaN and the infinities would become null. */
  extendedValue?: string;
  stdout: string;
  stderr: string;
  /** The task's metrics.jsonl (metrics-file.ts), written on the worker's side. */
  metrics?: string;
  exitCode: number | null;
  signal: string | null;
  startedAt: string;
  endedAt: string;
  attempts: number;
  workerId: number;
  worker: string;
}

export const JOB_NAME = "kogine-task";

/** What a worker reports while a task runs, as the job's progress: the metrics lines the task logged since
 * the last report (bullmq-live-report.ts). */
export interface TaskJobProgress {
  metrics: string;
}

/** The Redis key through which the submitting side asks a running task to stop (a search's scheduler
 * pruning a trial); its value is the grace in milliseconds before the worker kills the task. */
export function stopKey(queue: string, jobId: string): string {
  return `kogine:${queue}:stop:${jobId}`;
}
