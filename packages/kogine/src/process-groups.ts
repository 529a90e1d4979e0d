/** The process groups of a run. Each zygote and spare Node kogine starts leads a group of its own, which
 * holds the tasks it runs, their pre-forked successors and whatever the tasks start. A terminal's Ctrl-C
 * then reaches kogine alone, which decides what each task gets (SIGINT, then SIGKILL after the grace); and
 * a hard stop, or kogine's exit, ends every group at once, so no process of the run outlives kogine. */
const groups = new Set<number>();

/** Notes a process started with `detached: true` (so leading its own group). */
export function trackGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  if (groups.size === 0) process.once("exit", killAllGroups);
  groups.add(pid);
}

/** Stops noting the group `pid` leads, which has ended (or is ended by another: a task's by its zygote). */
export function forgetGroup(pid: number | undefined): void {
  if (pid !== undefined) groups.delete(pid);
}

/** SIGKILLs every process of the group `pid` leads (if noted), what a task left behind included. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined || !groups.delete(pid)) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group has ended.
  }
}

/** SIGKILLs every process of every group noted. */
export function killAllGroups(): void {
  for (const pid of [...groups]) killGroup(pid);
}

/** Sends `signal` to every process of the group the task process `pid` leads (what it started included),
 * as a terminal's Ctrl-C reaches a command's whole group; to `pid` alone when it leads none. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}
