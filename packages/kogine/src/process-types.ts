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

export interface RunningTask {
  /** Settles when the task's process starts running it; a task may first wait behind its slot's current
   * one. Never settles for a task cancelled before it started. */
  started: Promise<Date>;
  finished: Promise<ProcessExit>;
  /** Signals the task's process, or cancels the task if it has not started. */
  kill(signal: NodeJS.Signals): void;
}
