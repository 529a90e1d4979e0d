/** Puts a run's tasks on a BullMQ queue; `kogine worker` processes on any machine run them. Outcomes,
 * logs and exit statuses come back in the job's return value and are written to this side's run store.
 * A worker that dies mid-task loses its job lock; BullMQ's stalled-job check hands the task to another. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Job, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { JOB_NAME, type TaskJobData, type TaskJobResult } from "./bullmq-job.js";
import { parseExtendedJson } from "./extended-json.js";
import type { LaunchContext, Launcher } from "./launcher.js";
import { metricsPath } from "./metrics-file.js";
import { connectRedis } from "./redis-connection.js";
import type { TaskRecord } from "./run-store.js";
import { finishedRecord, startedRecord } from "./task-recording.js";
import type { TaskSpec } from "./task-spec.js";

export class BullmqLauncher implements Launcher {
  readonly name = "bullmq";

  private constructor(
    private readonly connection: Redis,
    private readonly queue: Queue<TaskJobData, TaskJobResult>,
    private readonly events: QueueEvents,
    private readonly eventsConnection: Redis,
  ) {}

  static async connect(redisUrl: string, queueName: string): Promise<BullmqLauncher> {
    const connection = await connectRedis(redisUrl);
    const queue = new Queue<TaskJobData, TaskJobResult>(queueName, { connection });
    const eventsConnection = connection.duplicate();
    const events = new QueueEvents(queueName, { connection: eventsConnection });
    await events.waitUntilReady();
    return new BullmqLauncher(connection, queue, events, eventsConnection);
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
    this.events.on("active", onActive);
    const jobs = await this.queue.addBulk(
      specs.map((spec) => {
        const jobId = `${store.id.replace(/[/:]/g, "_")}-${spec.index}-${nonce}`;
        byJobId.set(jobId, spec);
        const data: TaskJobData = {
          runId: store.id,
          spec,
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
      return await Promise.all(jobs.map((job, i) => this.awaitJob(job, specs[i], context, aborted)));
    } finally {
      this.events.off("active", onActive);
    }
  }

  private async awaitJob(
    job: Job<TaskJobData, TaskJobResult>,
    spec: TaskSpec,
    context: LaunchContext,
    aborted: Promise<"aborted">,
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
    if (result.metrics) writeFileSync(metricsPath(dir), result.metrics);
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
