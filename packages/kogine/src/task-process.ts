/** Runs one attempt of a task in its own process (python3 with the shipped runner, or node with the JS
 * runner, kept ready by `TaskProcesses`), with stdout and stderr appended to the task's logs and optionally
 * echoed to the terminal. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseExtendedJson } from "./extended-json.js";
import { stoppedByCtrlC } from "./process-types.js";
import { TaskOutput } from "./task-output.js";
import type { TaskProcesses } from "./task-processes.js";
import type { ScriptLanguage, TaskOutcome, TaskSpec } from "./task-spec.js";

/** How long an interrupted task gets to exit after SIGINT before it is killed. */
const INTERRUPT_GRACE_MS = 3000;

export interface AttemptOptions {
  taskDir: string;
  workerId: number;
  attempt: number;
  echo: boolean;
  processes: TaskProcesses;
  /** The language of the task this worker slot will probably run next, so a process for it gets ready. */
  nextLanguage?: () => ScriptLanguage | null;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Called when the task's process starts running it: a task may first wait for its slot. */
  onStarted?: (at: Date) => void;
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
  child.started.then((at) => {
    started = true;
    startedAt = at;
    options.onStarted?.(at);
  });
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    const stop = () => {
      child.kill("SIGINT");
      setTimeout(() => child.kill("SIGKILL"), INTERRUPT_GRACE_MS).unref();
    };
    // Tasks waiting for their slot are cancelled at once and running ones signalled just after, so that a
    // slot whose task stops does not start a waiting one before hearing it is cancelled.
    if (started) setImmediate(stop);
    else stop();
  };
  if (options.signal?.aborted) interrupt();
  options.signal?.addEventListener("abort", interrupt, { once: true });
  return child.finished.then(({ exitCode, signal, error, cancelled }) => {
    options.signal?.removeEventListener("abort", interrupt);
    const logsClosed = output.end();
    const outcome = readOutcome(
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
  interrupted: boolean,
  stderrTail: string,
  spawnError?: Error,
): TaskOutcome {
  // A Ctrl-C on a terminal reaches the task as soon as kogine, which may hear of the task's end first.
  if (interrupted || stoppedByCtrlC({ exitCode, signal })) {
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
