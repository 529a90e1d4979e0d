/** Puts a run's tasks on a BullMQ queue; `kogine worker` processes on any machine run them. Outcomes,
 * logs and exit statuses come back in the job's return value and are written to this side's run store.
 * A worker that dies mid-task loses its job lock; BullMQ's stalled-job check hands the task to another.
 * A running task's metrics come as the job's progress, and a stop request goes to its worker through
 * Redis (bullmq-live-report.ts), so a search's scheduler works as it does on the local pool. */
import { appendFileSync, existsSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Job, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { JOB_NAME, stopKey, type TaskJobData, type TaskJobProgress, type TaskJobResult } from "./bullmq-job.js";
import { parseExtendedJson, stringifyExtendedJson } from "./extended-json.js";
import type { LaunchContext, Launcher, TaskFeed } from "./launcher.js";
import { metricsPath } from "./metrics-file.js";
import { connectRedis } from "./redis-connection.js";
import type { TaskRecord } from "./run-store.js";
import { finishedRecord, startedRecord } from "./task-recording.js";
import type { TaskSpec } from "./task-spec.js";

export class BullmqLauncher implements Launcher {
  readonly name = "bullmq";

  private constructor(
    /** How many of a feed's tasks (a search's trials) are on the queue at once: -w. */
    private readonly lanes: number,
    private readonly connection: Redis,
    private readonly queue: Queue<TaskJobData, TaskJobResult>,
    private readonly events: QueueEvents,
    private readonly eventsConnection: Redis,
  ) {}

  static async connect(redisUrl: string, queueName: string, lanes: number): Promise<BullmqLauncher> {
    const connection = await connectRedis(redisUrl);
    const queue = new Queue<TaskJobData, TaskJobResult>(queueName, { connection });
    const eventsConnection = connection.duplicate();
    const events = new QueueEvents(queueName, { connection: eventsConnection });
    await events.waitUntilReady();
    return new BullmqLauncher(Math.max(1, lanes), connection, queue, events, eventsConnection);
  }

  async execute(specs: TaskSpec[], context: LaunchContext): Promise<TaskRecord[]> {
    const { store, reporter } = context;
    const nonce = Date.now().toString(36);
    const byJobId = new Map<string, TaskSpec>();
    const onActive = ({ jobId }: { jobId: string }) => {
      const spec = byJobId.get(jobId);
      if (spec)
        reporter.taskStarted(
          spec,
          startedRecord(store, spec, -1, (store.record(spec.index)?.attempts ?? 0) + 1, "queued"),
        );
    };
    // A running task's metrics, as the worker sends them (bullmq-live-report.ts), go to its metrics file here,
    // where a search's scheduler follows them; the file's length before is kept, to put the whole stream
    // the result carries in place of what came this way.
    const metricsBefore = new Map<number, number>();
    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
      const spec = byJobId.get(jobId);
      const metrics = (data as Partial<TaskJobProgress> | null)?.metrics;
      if (spec && typeof metrics === "string") appendFileSync(metricsPath(store.taskDir(spec.index)), metrics);
    };
    this.events.on("active", onActive);
    this.events.on("progress", onProgress);
    const unwatchStops: Array<() => void> = [];
    const jobs = await this.queue.addBulk(
      specs.map((spec) => {
        const jobId = `${store.id.replace(/[/:]/g, "_")}-${spec.index}-${nonce}`;
        byJobId.set(jobId, spec);
        const metricsFile = metricsPath(store.taskDir(spec.index));
        metricsBefore.set(spec.index, statSync(metricsFile, { throwIfNoEntry: false })?.size ?? 0);
        const askStop = (graceMs: number) =>
          void this.connection.set(stopKey(this.queue.name, jobId), String(graceMs), "EX", 86400).catch(() => {});
        unwatchStops.push(store.watchStopRequests(spec.index, askStop));
        const data: TaskJobData = {
          runId: store.id,
          extendedSpec: stringifyExtendedJson(spec),
          retries: context.retries,
          retryDelayMs: context.retryDelayMs,
          timeoutSeconds: context.timeoutSeconds ?? null,
        };
        return {
          name: JOB_NAME,
          data,
          opts: { jobId, removeOnComplete: { age: 86400 }, removeOnFail: { age: 86400 } },
        };
      }),
    );
    const aborted = new Promise<"aborted">((resolve) => {
      if (context.signal.aborted) resolve("aborted");
      context.signal.addEventListener("abort", () => resolve("aborted"), { once: true });
    });
    try {
      return await Promise.all(
        jobs.map((job, i) => this.awaitJob(job, specs[i], context, aborted, metricsBefore.get(specs[i].index) ?? 0)),
      );
    } finally {
      this.events.off("active", onActive);
      this.events.off("progress", onProgress);
      for (const unwatch of unwatchStops) unwatch();
    }
  }

  /** Keeps `lanes` of the feed's tasks on the queue at once, each lane asking for its next task once the one
   * before is recorded, as the local pool's slots do. */
  async executeFeed(feed: TaskFeed, context: LaunchContext): Promise<void> {
    const lane = async () => {
      for (let spec = await feed.next(); spec && !context.signal.aborted; spec = await feed.next()) {
        const [record] = await this.execute([spec], context);
        feed.finished?.(record);
      }
    };
    await Promise.all(Array.from({ length: this.lanes }, lane));
  }

  private async awaitJob(
    job: Job<TaskJobData, TaskJobResult>,
    spec: TaskSpec,
    context: LaunchContext,
    aborted: Promise<"aborted">,
    metricsBefore: number,
  ): Promise<TaskRecord> {
    const { store, reporter } = context;
    const attemptsBefore = store.record(spec.index)?.attempts ?? 0;
    let result: TaskJobResult | "aborted";
    try {
      result = await Promise.race([job.waitUntilFinished(this.events), aborted]);
    } catch (error) {
      result = lostJobResult(`the queue gave up on this task: ${(error as Error).message}`);
    }
    if (result === "aborted") {
      await job.remove().catch(() => {});
      result = {
        ...lostJobResult("interrupted (Ctrl-C) before a worker finished it"),
        outcome: { ok: false, kind: "interrupted", message: "interrupted (Ctrl-C) before a worker finished it" },
      };
    }
    if (result.outcome.ok && result.extendedValue !== undefined)
      result.outcome.value = parseExtendedJson(result.extendedValue);
    const dir = store.taskDir(spec.index);
    writeFileSync(join(dir, "stdout.log"), result.stdout);
    writeFileSync(join(dir, "stderr.log"), result.stderr);
    if (result.metrics) {
      if (existsSync(metricsPath(dir))) truncateSync(metricsPath(dir), metricsBefore);
      appendFileSync(metricsPath(dir), result.metrics);
    }
    const attempt = {
      outcome: result.outcome,
      exitCode: result.exitCode,
      signal: result.signal,
      startedAt: new Date(result.startedAt),
      endedAt: new Date(result.endedAt),
    };
    const attempts = attemptsBefore + result.attempts; // counted over resumes too
    const record = finishedRecord(store, spec, attempt, attempts, result.workerId, result.worker);
    reporter.taskFinished(spec, record, result.outcome.ok ? result.outcome.value : null);
    return record;
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    // Connections handed to BullMQ stay open until their owner closes them.
    this.eventsConnection.disconnect();
    this.connection.disconnect();
  }
}

function lostJobResult(message: string): TaskJobResult {
  const now = new Date().toISOString();
  return {
    outcome: { ok: false, kind: "crashed", message },
    stdout: "",
    stderr: "",
    exitCode: null,
    signal: null,
    startedAt: now,
    endedAt: now,
    attempts: 1,
    workerId: -1,
    worker: "none",
  };
}
