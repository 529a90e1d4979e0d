/** `kogine worker`: takes tasks from the BullMQ queue and runs them exactly as the local pool does (one
 * process per task, KOGINE_WORKER_ID its slot), sending the outcome and logs back as the job's result,
 * and the task's metrics as they come (bullmq-live-report.ts). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { type Job, Worker } from "bullmq";
import { JOB_NAME, type TaskJobData, type TaskJobResult } from "./bullmq-job.js";
import { LiveTaskReport } from "./bullmq-live-report.js";
import { parseExtendedJson, stringifyExtendedJson } from "./extended-json.js";
import { metricsPath, watchStopFile } from "./metrics-file.js";
import { connectRedis } from "./redis-connection.js";
import { DEFAULT_STOP_GRACE_MS } from "./run-store.js";
import { TaskProcesses } from "./task-processes.js";
import { runWithRetries } from "./task-retry.js";
import type { TaskSpec } from "./task-spec.js";

export interface WorkerOptions {
  redisUrl: string;
  concurrency: number;
  queue: string;
  /** How long a job stays locked to a worker that stops renewing it (it died) before another takes it. */
  lockDurationMs?: number;
}

export async function runBullmqWorker(options: WorkerOptions): Promise<void> {
  const connection = await connectRedis(options.redisUrl);
  const name = `${hostname()}:${process.pid}`;
  const freeSlots = Array.from({ length: options.concurrency }, (_, i) => i);
  const lockDuration = options.lockDurationMs ?? Number(process.env.KOGINE_LOCK_MS ?? 30000);
  // The same task processes as the local pool; the next task's language is unknown, so a slot keeps a
  // spare of the language it last ran.
  const processes = new TaskProcesses();
  const process_ = async (job: Job<TaskJobData, TaskJobResult>): Promise<TaskJobResult> => {
    if (job.name !== JOB_NAME) throw new Error(`unexpected job ${job.name}`);
    const slot = freeSlots.shift() ?? 0;
    const dir = mkdtempSync(join(tmpdir(), "kogine-task-"));
    try {
      const spec = { ...(parseExtendedJson(job.data.extendedSpec) as TaskSpec), resultFile: join(dir, "outcome.json") };
      writeFileSync(join(dir, "spec.json"), stringifyExtendedJson(spec));
      writeFileSync(join(dir, "stdout.log"), "");
      writeFileSync(join(dir, "stderr.log"), "");
      process.stderr.write(`kogine worker ${name}: task ${spec.index} (${spec.label}) of run ${job.data.runId}\n`);
      const live = new LiveTaskReport(job, connection, dir);
      const { result, attempts } = await runWithRetries(
        spec,
        {
          taskDir: dir,
          workerId: slot,
          echo: false,
          processes,
          nextLanguage: () => spec.language,
          watchStopRequests: watchStopFile(dir, DEFAULT_STOP_GRACE_MS),
        },
        job.data,
        () => {},
        () => {},
      ).finally(() => live.end());
      await result.logsClosed;
      return {
        outcome: result.outcome,
        extendedValue: result.outcome.ok ? stringifyExtendedJson(result.outcome.value) : undefined,
        stdout: readFileSync(join(dir, "stdout.log"), "utf8"),
        stderr: readFileSync(join(dir, "stderr.log"), "utf8"),
        metrics: existsSync(metricsPath(dir)) ? readFileSync(metricsPath(dir), "utf8") : undefined,
        exitCode: result.exitCode,
        signal: result.signal,
        startedAt: result.startedAt.toISOString(),
        endedAt: result.endedAt.toISOString(),
        attempts: attempts + Math.max(0, (job.attemptsStarted ?? 1) - 1),
        workerId: slot,
        worker: name,
      };
    } finally {
      freeSlots.push(slot);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const worker = new Worker<TaskJobData, TaskJobResult>(options.queue, process_, {
    connection,
    concurrency: options.concurrency,
    lockDuration,
    stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
    maxStalledCount: 3,
  });
  worker.on("error", (error) => process.stderr.write(`kogine worker ${name}: ${error.message}\n`));
  await worker.waitUntilReady();
  process.stderr.write(
    `kogine worker ${name}: waiting for tasks on queue "${options.queue}" (${options.concurrency} at a time)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write(`kogine worker ${name}: stopping after the running tasks\n`);
      worker.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  processes.close();
  connection.disconnect();
}
