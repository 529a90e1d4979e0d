/** What travels through the BullMQ queue: a task going out, its outcome and logs coming back. */
import type { TaskOutcome, TaskSpec } from "./task-spec.js";

export interface TaskJobData {
  runId: string;
  spec: TaskSpec;
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
