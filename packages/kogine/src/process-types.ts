/** What the task processes (a spare Node, a Python zygote's child) give the code that runs tasks. */

export interface TaskLaunch {
  taskFile: string;
  env: Record<string, string>;
  cwd: string;
}

export interface OutputSink {
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
}

export interface ProcessExit {
  exitCode: number | null;
  signal: string | null;
  /** The process could not be started. */
  error?: Error;
  /** The task was stopped while it waited for its slot: it never ran. */
  cancelled?: boolean;
}

/** Whether a process ended as a Ctrl-C ends one: by SIGINT, or with status 130 (128 + SIGINT, how Python's
 * KeyboardInterrupt leaves a task runner and how shells report a Ctrl-C). */
export function stoppedByCtrlC(exit: Pick<ProcessExit, "exitCode" | "signal">): boolean {
  return exit.signal === "SIGINT" || exit.exitCode === 130;
}

export interface RunningTask {
  /** Settles when the task's process starts running it; a task may first wait behind its slot's current
   * one. Never settles for a task cancelled before it started. */
  started: Promise<Date>;
  finished: Promise<ProcessExit>;
  /** Signals the task's process, or cancels the task if it has not started. */
  kill(signal: NodeJS.Signals): void;
  /** Cancels the task if it has not started (it then finishes as `cancelled`); once started, it runs on. */
  withdraw(): void;
}
