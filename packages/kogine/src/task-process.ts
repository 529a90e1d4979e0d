/** Runs one attempt of a task in its own process (python3 with the shipped runner, or node with the JS
 * runner, kept ready by `TaskProcesses`), with stdout and stderr appended to the task's logs and optionally
 * echoed to the terminal. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseExtendedJson } from "./extended-json.js";
import { metricsEnvironment } from "./metrics-file.js";
import { stoppedByCtrlC } from "./process-types.js";
import { TaskOutput } from "./task-output.js";
import type { TaskProcesses } from "./task-processes.js";
import type { ScriptLanguage, TaskOutcome, TaskSpec } from "./task-spec.js";

/** How long an interrupted task gets to exit after SIGINT before it is killed, unless told (--grace). */
export const DEFAULT_GRACE_MS = 30_000;

export interface AttemptOptions {
  taskDir: string;
  workerId: number;
  attempt: number;
  echo: boolean;
  processes: TaskProcesses;
  /** The language of the task this worker slot will probably run next, so a process for it gets ready. */
  nextLanguage?: () => ScriptLanguage | null;
  /** Aborted to stop the task: SIGINT, then SIGKILL after `graceMs`. Its reason, "SIGTERM" or else, says
   * how the task is recorded (terminated or interrupted). */
  signal?: AbortSignal;
  graceMs?: number;
  /** The attempt is killed and fails as `timeout` this long after it starts running. */
  timeoutMs?: number | null;
  env?: NodeJS.ProcessEnv;
  /** Aborted to take back a task that waits for its slot (to run it elsewhere): if it has not started, it
   * never does, and the attempt ends with `ran` false. */
  withdraw?: AbortSignal;
  /** Called when the task's process starts running it: a task may first wait for its slot. */
  onStarted?: (at: Date) => void;
  /** Subscribes to requests that the task stop early (RunStore.watchStopRequests): the task is killed if it
   * has not ended the grace period after one. Returns the unsubscribe. */
  watchStopRequests?: (listener: (graceMs: number) => void) => () => void;
}

export interface AttemptResult {
  outcome: TaskOutcome;
  exitCode: number | null;
  signal: string | null;
  startedAt: Date;
  endedAt: Date;
  /** False for a task stopped while it waited for its slot: it never ran. */
  ran: boolean;
  /** Settles when the task's logs are written and closed. The result comes before, so that a worker slot
   * can start its next task while they close; read the logs, or append to them, after it. */
  logsClosed: Promise<unknown>;
}

/** How much of the end of a task's stderr a crash report quotes. */
const STDERR_TAIL_BYTES = 4096;

export function runTaskAttempt(spec: TaskSpec, options: AttemptOptions): Promise<AttemptResult> {
  rmSync(spec.resultFile, { force: true });
  const output = new TaskOutput(
    { stdout: join(options.taskDir, "stdout.log"), stderr: join(options.taskDir, "stderr.log") },
    options.echo,
  );
  if (options.attempt > 1) {
    for (const name of ["stdout", "stderr"] as const)
      output.note(name, `\n--- kogine: attempt ${options.attempt} ---\n`);
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  Object.assign(env, {
    KOGINE_TASK_FILE: join(options.taskDir, "spec.json"),
    KOGINE_WORKER_ID: String(options.workerId),
    KOGINE_TASK_INDEX: String(spec.index),
    KOGINE_ATTEMPT: String(options.attempt),
    ...metricsEnvironment(options.taskDir),
  });
  // Shown on a terminal, a Python task's output is line-buffered, as python3's is when run there directly.
  if (options.echo && process.stdout.isTTY) env.KOGINE_LINE_BUFFERED = "1";
  // The last chunks of stderr, at least STDERR_TAIL_BYTES of them when there are.
  const stderrTail: Buffer[] = [];
  let stderrTailBytes = 0;
  let startedAt = new Date();
  const child = options.processes.start(
    spec,
    options.workerId,
    { taskFile: env.KOGINE_TASK_FILE, env, cwd: process.cwd() },
    {
      stdout: (chunk) => output.write("stdout", chunk),
      stderr: (chunk) => {
        output.write("stderr", chunk);
        stderrTail.push(chunk);
        stderrTailBytes += chunk.length;
        while (stderrTailBytes - stderrTail[0].length >= STDERR_TAIL_BYTES)
          stderrTailBytes -= (stderrTail.shift() as Buffer).length;
      },
    },
    { nextLanguage: options.nextLanguage?.() ?? null },
  );
  let started = false;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  child.started.then((at) => {
    started = true;
    startedAt = at;
    options.onStarted?.(at);
    if (options.timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs);
    }
  });
  let interrupted: string | null = null;
  const interrupt = () => {
    interrupted = String(options.signal?.reason ?? "SIGINT");
    const stop = () => {
      child.kill("SIGINT");
      setTimeout(() => child.kill("SIGKILL"), options.graceMs ?? DEFAULT_GRACE_MS).unref();
    };
    // Tasks waiting for their slot are cancelled at once and running ones signalled just after, so that a
    // slot whose task stops does not start a waiting one before hearing it is cancelled.
    if (started) setImmediate(stop);
    else stop();
  };
  if (options.signal?.aborted) interrupt();
  options.signal?.addEventListener("abort", interrupt, { once: true });
  const stopTimers: NodeJS.Timeout[] = [];
  const unwatchStop = options.watchStopRequests?.((graceMs) => {
    // A task still waiting for its slot gets its grace from when it starts (it sees the request at once).
    const arm = () => stopTimers.push(setTimeout(() => child.kill("SIGKILL"), graceMs).unref());
    if (started) arm();
    else child.started.then(arm);
  });
  const withdraw = () => started || child.withdraw();
  options.withdraw?.addEventListener("abort", withdraw, { once: true });
  return child.finished.then(({ exitCode, signal, error, cancelled }) => {
    options.signal?.removeEventListener("abort", interrupt);
    options.withdraw?.removeEventListener("abort", withdraw);
    clearTimeout(timer);
    unwatchStop?.();
    for (const stopTimer of stopTimers) clearTimeout(stopTimer);
    stopTimers.length = 0;
    const logsClosed = output.end();
    const outcome = timedOut
      ? {
          ok: false as const,
          kind: "timeout" as const,
          message: `timed out after ${options.timeoutMs! / 1000} s (--timeout)`,
        }
      : readOutcome(
          spec,
          exitCode,
          signal,
          interrupted,
          Buffer.concat(stderrTail).subarray(-STDERR_TAIL_BYTES).toString("utf8"),
          error,
        );
    return { outcome, exitCode, signal, startedAt, endedAt: new Date(), ran: !cancelled, logsClosed };
  });
}

function readOutcome(
  spec: TaskSpec,
  exitCode: number | null,
  signal: string | null,
  interruptedBy: string | null,
  stderrTail: string,
  spawnError?: Error,
): TaskOutcome {
  if (interruptedBy === "SIGTERM")
    return { ok: false, kind: "interrupted", message: "terminated (SIGTERM) before it finished" };
  if (interruptedBy || stoppedByCtrlC({ exitCode, signal })) {
    return { ok: false, kind: "interrupted", message: "interrupted (Ctrl-C) before it finished" };
  }
  if (spawnError)
    return { ok: false, kind: "crashed", message: `could not start the task process: ${spawnError.message}` };
  if (existsSync(spec.resultFile)) {
    try {
      return parseExtendedJson(readFileSync(spec.resultFile, "utf8")) as TaskOutcome;
    } catch {
      // A half-written outcome means the process died while writing it: treated as a crash below.
    }
  }
  const how = signal ? `was killed by ${signal}` : `exited with status ${exitCode}`;
  const tail = stderrTail.trim().split("\n").slice(-5).join("\n");
  return { ok: false, kind: "crashed", message: `the task process ${how} before reporting a result`, traceback: tail };
}
