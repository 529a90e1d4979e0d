/** The lock a kogine process holds on a run directory while it works on it (`<run>/lock`), naming its
 * owner. It keeps a second `kogine resume` of the same run from running every task again, and tells
 * `runs list`/`runs show` that a run still marked running has lost its owner (`kill -9`, a machine that
 * went down): then the run is `crashed`. An owner is a pid on a host, with the machine's boot id and the
 * process's start time, so that a pid reused by another process, or after a reboot, is not taken for it. */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { EXIT_LOCKED, KogineError } from "./errors.js";

export interface ProcessIdentity {
  pid: number;
  host: string;
  /** /proc/sys/kernel/random/boot_id; null where there is none (not Linux). */
  bootId: string | null;
  /** The process's start time in clock ticks since boot (/proc/PID/stat); null where there is none. */
  startTicks: string | null;
  /** When it took the lock. */
  since: string;
}

const LOCK_FILE = "lock";

export function currentProcess(): ProcessIdentity {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    startTicks: startTicks(process.pid),
    since: new Date().toISOString(),
  };
}

/** Whether the owner still runs. One on another host cannot be checked from here and counts as alive. */
export function isAlive(owner: ProcessIdentity): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.bootId !== null && bootId() !== null && owner.bootId !== bootId()) return false;
  if (owner.startTicks !== null) {
    const now = startTicks(owner.pid);
    if (now !== null || bootId() !== null) return now === owner.startTicks;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockOwner(runDir: string): ProcessIdentity | null {
  return readIdentity(join(runDir, LOCK_FILE));
}

/** Takes the run's lock for this process, or fails (exit status EXIT_LOCKED) naming the live owner. A lock
 * whose owner is gone is taken over. Returns the release. */
export function lockRun(runDir: string, runId: string): () => void {
  const path = join(runDir, LOCK_FILE);
  const me = currentProcess();
  const mine = `${path}.${me.pid}.tmp`;
  writeFileSync(mine, `${JSON.stringify(me)}\n`);
  try {
    for (let tries = 0; tries < 3; tries++) {
      try {
        linkSync(mine, path); // fails if the lock exists: no two processes both take it
        return () => rmSync(path, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = lockOwner(runDir);
      if (owner && isAlive(owner)) {
        const where = owner.host === me.host ? `pid ${owner.pid}` : `pid ${owner.pid} on ${owner.host}`;
        throw new KogineError(
          `run ${runId} is in use by another kogine process (${where}, since ${owner.since}); wait for it to end, or stop it first`,
          EXIT_LOCKED,
        );
      }
      setAsideStaleLock(path, owner);
    }
    throw new KogineError(`run ${runId}: could not take its lock (${path}); try again`, EXIT_LOCKED);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Moves a dead owner's lock away. Two processes may find it stale at once: the one whose rename moved a
 * lock other than the stale one it read (the other's, just taken) puts it back. */
function setAsideStaleLock(path: string, stale: ProcessIdentity | null): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone already: the next try links ours
  }
  const moved = readIdentity(aside);
  if (stale !== null && moved !== null && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds it now, and will be found alive on the next try.
    }
  }
  rmSync(aside, { force: true });
}

function readIdentity(path: string): ProcessIdentity | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ProcessIdentity;
  } catch {
    return null;
  }
}

let cachedBootId: string | null | undefined;

function bootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
}

function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may hold spaces and parentheses: starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
