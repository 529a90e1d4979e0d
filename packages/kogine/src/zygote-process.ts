/** The process of a Python zygote (`kogine_main.py zygote`) as started, before a PythonZygote drives it
 * (python-zygote.ts): the child, its token, and the socket its tasks' output comes through.
 *
 * `kogine run SCRIPT.py` starts slot 0's zygote here first thing (bin/kogine.js), with nothing loaded but
 * this module and Node's builtins: Python then starts while the CLI loads, and a one-off run's task waits
 * for Python's start-up no longer than for kogine's own. Started after python-zygote.js had loaded, the
 * zygote came some 30 ms later. This module imports no more than it must for that reason. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { PYTHON_RUNNER, pythonEnvironment, pythonExecutable } from "./python-shim.js";

export interface ZygoteProcess {
  child: ChildProcess;
  /** Sent with each output connection the zygote makes, so that no other process can pose as a task. */
  token: string;
  /** The folder of the socket kogine listens on for its tasks' output (see TaskOutput in kogine_runner.py). */
  outputDir: string;
  socketPath: string;
  /** Listening on `socketPath` from before the zygote starts (the zygote connects as it forks its first
   * task's process, which can be before kogine has sent a task). */
  outputServer: Server;
  /** Hands the output connections to `accept` (those made so far, then each as it comes), and a failure
   * to listen to `error`. */
  drive(handlers: OutputHandlers): void;
}

interface OutputHandlers {
  accept: (connection: Socket) => void;
  error: (error: Error) => void;
}

/** Starts a zygote for slot `slotId`; `ownGroup`: it leads a process group of its own (process-groups.ts). */
export function spawnZygoteProcess(slotId: number, ownGroup: boolean): ZygoteProcess {
  const token = randomBytes(12).toString("hex");
  const outputDir = mkdtempSync(`${socketParent()}/kogine-output-`);
  const socketPath = `${outputDir}/s`;
  const early: Socket[] = [];
  let accept: (connection: Socket) => void = (connection) => early.push(connection);
  const outputServer = createServer((connection) => accept(connection)).listen(socketPath);
  outputServer.unref();
  // Until a PythonZygote drives the zygote: its own handler reports a failure to listen (a later one).
  let listenError: Error | null = null;
  const holdError = (error: Error) => {
    listenError = error;
  };
  outputServer.once("error", holdError);
  const child = spawn(pythonExecutable(), [PYTHON_RUNNER, "zygote"], {
    cwd: process.cwd(),
    // The zygote's own output (not its tasks') is kogine's, on its stderr.
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: ownGroup,
    env: {
      ...pythonEnvironment(),
      KOGINE_WORKER_ID: String(slotId),
      KOGINE_ZYGOTE_TOKEN: token,
      KOGINE_OUTPUT_SOCKET: socketPath,
    },
  });
  const drive = (handlers: OutputHandlers) => {
    accept = handlers.accept;
    for (const connection of early.splice(0)) accept(connection);
    outputServer.off("error", holdError).on("error", handlers.error);
    if (listenError) handlers.error(listenError);
  };
  return { child, token, outputDir, socketPath, outputServer, drive };
}

/** Where the folder of a zygote's socket goes: the temporary folder, unless its path is too long for a
 * socket's (108 bytes on Linux, 104 on macOS, the folder's and socket's names included). */
function socketParent(): string {
  return tmpdir().length <= 70 ? tmpdir() : "/tmp";
}

/** Slot 0's zygote for the local pool (whose zygotes lead process groups of their own), started by the
 * `kogine` command as it starts when the command is `kogine run SCRIPT.py`. The slot's task processes take
 * it (takeEarlyZygoteProcess); the command closes it if nothing did. Until taken, a failure to start (or an
 * early end) only marks it: the slot then starts a zygote of its own, whose failure it reports. */
let early: { zygote: ZygoteProcess; failed: boolean; markFailed: () => void } | null = null;

export function startEarlyZygote(): void {
  if (early) return;
  const started = { zygote: spawnZygoteProcess(0, true), failed: false, markFailed: () => {} };
  started.markFailed = () => {
    started.failed = true;
  };
  started.zygote.child.once("error", started.markFailed).once("exit", started.markFailed);
  early = started;
}

export function takeEarlyZygoteProcess(slotId: number): ZygoteProcess | null {
  if (slotId !== 0 || !early) return null;
  const { zygote, failed, markFailed } = early;
  if (failed) {
    closeEarlyZygote();
    return null;
  }
  zygote.child.off("error", markFailed).off("exit", markFailed);
  early = null;
  return zygote;
}

/** Ends the early zygote if nothing took it: it exits when its fd 3 ends. */
export function closeEarlyZygote(): void {
  if (!early) return;
  (early.zygote.child.stdio[3] as NodeJS.WritableStream | null)?.end();
  early.zygote.outputServer.close();
  rmSync(early.zygote.outputDir, { recursive: true, force: true });
  early = null;
}
