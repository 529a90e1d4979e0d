/** While a BullMQ worker runs a task: the metrics the task logs go to the submitting side as the job's
 * progress, so that a search's scheduler there follows them as it follows a local trial's; and a stop the
 * submitting side asks for (the scheduler pruning the trial) reaches the task, as a local stop request does:
 * its stop file (seen by `should_stop()` / `shouldStop()`), then a kill after the grace. Both every second,
 * the pace at which a task flushes its metrics. */
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { stopKey, type TaskJobProgress } from "./bullmq-job.js";
import { metricsPath, readCompleteLines, writeStopRequest } from "./metrics-file.js";

const REPORT_MS = 1000;

export class LiveTaskReport {
  private offset = 0;
  private stopGraceMs: number | null = null;
  private readonly stopListeners = new Set<(graceMs: number) => void>();
  private readonly timer: NodeJS.Timeout;
  private reporting: Promise<void> = Promise.resolve();

  constructor(
    private readonly job: Job,
    private readonly connection: Redis,
    private readonly taskDir: string,
  ) {
    this.timer = setInterval(() => {
      this.reporting = this.reporting.then(() => this.report());
    }, REPORT_MS);
  }

  /** For runTaskAttempt (task-process.ts): calls `listener` with the grace when a stop is asked for. */
  readonly watchStopRequests = (listener: (graceMs: number) => void): (() => void) => {
    if (this.stopGraceMs !== null) listener(this.stopGraceMs);
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  };

  /** Stops reporting once the report under way has been sent (the rest of the metrics go with the result). */
  async end(): Promise<void> {
    clearInterval(this.timer);
    await this.reporting;
  }

  private async report(): Promise<void> {
    const { lines, nextOffset } = readCompleteLines(metricsPath(this.taskDir), this.offset);
    this.offset = nextOffset;
    const progress: TaskJobProgress = { metrics: lines.toString("utf8") };
    if (lines.length > 0) await this.job.updateProgress(progress).catch(() => {});
    if (this.stopGraceMs !== null) return;
    const grace = await this.connection.get(stopKey(this.job.queueName, this.job.id as string)).catch(() => null);
    if (grace === null) return;
    this.stopGraceMs = Number(grace);
    writeStopRequest(this.taskDir, this.stopGraceMs);
    for (const listener of this.stopListeners) listener(this.stopGraceMs);
  }
}
