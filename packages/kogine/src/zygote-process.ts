/** The process of a Python zygote as a PythonZygote drives it (python-zygote.ts): one kogine starts
 * (`kogine_main.py zygote`, with the channel as its fd 3), or the one the `kogine` command started before
 * Node for `kogine run SCRIPT.py` (`kogine_main.py early-zygote`, see bin/kogine), to which it connects.
 *
 * The early zygote saves a one-off run the time Node takes to start and load the CLI before it could start
 * Python: Python's start-up then overlaps it. Measured on `kogine run noop.py`, a zygote Node started first
 * thing was ready some 100 ms later than the command's (bench:kogine, 2026-12-06). */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { dirname } from "node:path";
import type { Duplex } from "node:stream";
import type { ProcessExit } from "./process-types.js";
import { PYTHON_RUNNER, pythonEnvironment, pythonExecutable, pythonMissing } from "./python-shim.js";

export interface ZygoteProcess {
  pid: number | undefined;
  /** Calls `handler` with the channel once there is one (at once for a zygote kogine starts): the zygote's
   * reports are read from it, tasks written to it (see main_zygote in kogine_zygote.py). */
  onChannel(handler: (channel: Duplex) => void): void;
  /** Calls `handler` once, when the process has ended or could not be started or reached. */
  onEnd(handler: (exit: ProcessExit) => void): void;
  kill(signal: NodeJS.Signals): void;
}

/** Starts a zygote for slot `slotId`; `ownGroup`: it leads a process group of its own (process-groups.ts). */
export function spawnZygoteProcess(slotId: number, ownGroup: boolean): ZygoteProcess {
  const child = spawn(pythonExecutable(), [PYTHON_RUNNER, "zygote"], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: ownGroup,
    env: { ...pythonEnvironment(), KOGINE_WORKER_ID: String(slotId) },
  });
  // The zygote's own output (not its tasks') is kogine's, on its stderr.
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => process.stderr.write(chunk));
  return {
    pid: child.pid,
    onChannel: (handler) => handler(child.stdio[3] as Duplex),
    onEnd: (handler) => {
      const once = onceOnly(handler);
      child.once("error", (error) => once({ exitCode: null, signal: null, error: new Error(pythonMissing(error)) }));
      child.once("close", (exitCode, signal) => once({ exitCode, signal }));
    },
    kill: (signal) => child.kill(signal),
  };
}

/** The early zygote until a slot takes it: its pid and the socket it listens on, which the `kogine` command
 * passes in KOGINE_EARLY_ZYGOTE (taken out of the environment here, before kogine starts any process). If
 * no slot takes it, it is ended as kogine exits (it also ends by itself once its parent has gone). */
let early = readEarlyZygote();

function readEarlyZygote(): { pid: number; socketPath: string } | null {
  const match = /^(\d+) (\/.+)$/.exec(process.env.KOGINE_EARLY_ZYGOTE ?? "");
  delete process.env.KOGINE_EARLY_ZYGOTE;
  if (!match) return null;
  const started = { pid: Number(match[1]), socketPath: match[2] };
  process.once("exit", () => {
    if (early === started) signalProcess(started.pid, "SIGKILL");
    rmSync(dirname(started.socketPath), { recursive: true, force: true });
  });
  return started;
}

/** Slot `slotId`'s zygote for the local pool (whose zygotes lead process groups of their own) if the
 * `kogine` command started one and it has not ended; else null, and the slot starts its own. */
export function takeEarlyZygoteProcess(slotId: number): ZygoteProcess | null {
  if (slotId !== 0 || early === null || !isRunning(early.pid)) return null;
  const { pid, socketPath } = early;
  early = null;
  let attach: (channel: Duplex) => void = () => {};
  let ended: (exit: ProcessExit) => void = () => {};
  const end = onceOnly((exit: ProcessExit) => ended(exit));
  const attempt = () => {
    const socket = connect(socketPath);
    const retry = (error: NodeJS.ErrnoException) => {
      socket.destroy();
      // Not listening yet (Python still starting): tried again while the process runs.
      if ((error.code === "ENOENT" || error.code === "ECONNREFUSED") && isRunning(pid)) setTimeout(attempt, 5);
      else
        end({
          exitCode: null,
          signal: null,
          error: new Error(`the Python zygote ended before it was ready (${error.code})`),
        });
    };
    socket.once("error", retry);
    socket.once("connect", () => {
      socket.off("error", retry);
      attach(socket);
      socket.once("close", () =>
        end({ exitCode: null, signal: null, error: new Error("the slot's Python zygote has ended") }),
      );
    });
  };
  attempt();
  return {
    pid,
    onChannel: (handler) => {
      attach = handler;
    },
    onEnd: (handler) => {
      ended = handler;
    },
    kill: (signal) => signalProcess(pid, signal),
  };
}

/** Whether process `pid` (a child kogine does not reap, so a zombie once it has ended) still runs. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return stat[stat.lastIndexOf(")") + 2] !== "Z";
  } catch {
    return false;
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function onceOnly<T>(handler: (value: T) => void): (value: T) => void {
  let called = false;
  return (value) => {
    if (called) return;
    called = true;
    handler(value);
  };
}
