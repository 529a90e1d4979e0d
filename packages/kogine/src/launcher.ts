/** A launcher takes planned tasks and gets them run somewhere, reporting each into the run store. */
import type { ProgressReporter } from "./progress.js";
import type { RunStore, StepDefinition, TaskRecord } from "./run-store.js";
import type { TaskSpec } from "./task-spec.js";

export interface LaunchContext {
  store: RunStore;
  reporter: ProgressReporter;
  signal: AbortSignal;
  retries: number;
  retryDelayMs: number;
  /** Each attempt's time limit; none when absent. */
  timeoutSeconds?: number | null;
  /** How long a task gets to end after the first Ctrl-C or SIGTERM before it is killed. */
  graceMs?: number;
  /** Sequential flows stop at the first failed task; the rest stay pending. */
  stopOnFailure: boolean;
  /** Forward task output to this terminal as well as to the logs. */
  echo: boolean;
}

/** Tasks planned one at a time as slots free up (a search draws each trial from those ended before it). */
export interface TaskFeed {
  /** The next task to run, planned in the run store; null when there are no more. */
  next(): Promise<TaskSpec | null>;
  /** A task the feed gave has ended (its record written). */
  finished?(record: TaskRecord): void;
}

export interface Launcher {
  readonly name: string;
  execute(specs: TaskSpec[], context: LaunchContext): Promise<TaskRecord[]>;
  /** Runs a feed's tasks, each slot asking for its next task once the one before is recorded. */
  executeFeed?(feed: TaskFeed, context: LaunchContext): Promise<void>;
  /** Gets up to `tasks` worker slots ready for tasks of `first` (the flow's first step) while the flow still
   * plans them, and keeps what it starts for every `execute` until `close`. */
  prepare?(first: StepDefinition, tasks: number): void;
  close?(): void;
}
