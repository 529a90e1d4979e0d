/** Runs a task's attempts: a failure of the script (an exception, a crash) is retried up to `retries`
 * times with exponential backoff (a timeout too); bad input (no entrypoint, a config error) fails at once, since it
 * would fail the same way again. */
import { existsSync } from "node:fs";
import { stopPath } from "./metrics-file.js";
import { type AttemptOptions, type AttemptResult, runTaskAttempt } from "./task-process.js";
import type { TaskSpec } from "./task-spec.js";

export interface RetryPolicy {
  retries: number;
  retryDelayMs: number;
  /** Each attempt's time limit (`--timeout`); none when absent. */
  timeoutSeconds?: number | null;
}

const RETRIABLE = new Set(["exception", "crashed", "timeout"]);

/** `onAttempt` is called as each attempt's process starts running it. */
export async function runWithRetries(
  spec: TaskSpec,
  options: Omit<AttemptOptions, "attempt">,
  policy: RetryPolicy,
  onAttempt: (attempt: number) => void,
  onRetry: (attempt: number, delayMs: number, result: AttemptResult) => void,
  firstAttempt = 1,
): Promise<{ result: AttemptResult; attempts: number }> {
  for (let attempt = firstAttempt; ; attempt++) {
    const timeoutMs = policy.timeoutSeconds ? policy.timeoutSeconds * 1000 : null;
    const result = await runTaskAttempt(spec, { ...options, attempt, timeoutMs, onStarted: () => onAttempt(attempt) });
    const { outcome } = result;
    if (!result.ran) return { result, attempts: attempt }; // stopped or withdrawn before it started
    const canRetry = !outcome.ok && RETRIABLE.has(outcome.kind) && attempt - firstAttempt < policy.retries;
    const stopRequested = existsSync(stopPath(options.taskDir)); // a pruned task is not tried again
    if (!canRetry || options.signal?.aborted || stopRequested) return { result, attempts: attempt };
    await result.logsClosed; // the next attempt appends to them
    const delayMs = policy.retryDelayMs * 2 ** (attempt - firstAttempt);
    onRetry(attempt, delayMs, result);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}
