/** While a BullMQ worker runs a task: the metrics the task logs go to the submitting side as the job's
 * progress, so that a search's scheduler there follows them as it follows a local trial's; and a stop the
 * submitting side asks for (the scheduler pruning the trial, through a Redis key: stopKey) becomes the
 * task's stop file here, which the script sees and the worker's watchStopFile acts on, as for a Slurm
 * element. Both every second, the pace at which a task flushes its metrics. */
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { stopKey, type TaskJobProgress } from "./bullmq-job.js";
import { metricsPath, readCompleteLines, writeStopRequest } from "./metrics-file.js";

const REPORT_MS = 1000;

export class LiveTaskReport {
  private offset = 0;
  private stopped = false;
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
    if (this.stopped) return;
    const grace = await this.connection.get(stopKey(this.job.queueName, this.job.id as string)).catch(() => null);
    if (grace === null) return;
    this.stopped = true;
    writeStopRequest(this.taskDir, Number(grace));
  }
}
