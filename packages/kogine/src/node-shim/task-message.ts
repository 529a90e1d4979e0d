/** What kogine sends a spare Node (task-runner.ts) on fd 3: one line of JSON with the task, then, for a task
 * sent while its slot's task before it still runs, one byte when its turn comes. */

export interface TaskMessage {
  taskFile: string;
  env: Record<string, string>;
  cwd: string;
  /** The URL of the script's rewritten copy (script-cache.ts), or null when the module hooks rewrite the
   * script as it loads. */
  preparedUrl: string | null;
  /** Where the exit status goes when the task ends (see reportExitEarly in task-runner.ts). */
  exitFile: string;
  /** Null when the task may start at once. Otherwise it gets ready and waits for the `TURN` byte where code
   * of its own would first run: "config" before its config module runs or its script's modules load;
   * "script" as its script's top-level code begins, when the script imports only builtins and kogine's
   * API (their loading runs nothing of the task's), and its config is plain values. The end of fd 3 in its
   * place means the task was cancelled. */
  turn: "config" | "script" | null;
}

export const TURN = "g";
