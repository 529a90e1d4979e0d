/** A `node task-runner.js` started ahead of its task, waiting on fd 3 for it: Node cannot fork, so this is
 * how a JS/TS task's process gets its start-up out of the task's way. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { freshestBuild } from "./bundled-module.js";
import { deferringExtraCaCerts } from "./deferred-extra-ca.js";
import type { TaskMessage } from "./node-shim/task-runner.js";
import type { OutputSink, ProcessExit, RunningTask } from "./process-types.js";

const NODE_RUNNER = freshestBuild(
  new URL("./node-shim/task-runner.js", import.meta.url),
  new URL("./node-shim/task-runner.bundle.js", import.meta.url),
);

export class SpareNode {
  private readonly child: ChildProcess;
  private spawnError: Error | null = null;
  private exited = false;

  constructor(slotId: number) {
    this.child = spawn(process.execPath, [NODE_RUNNER], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env: deferringExtraCaCerts({ ...process.env, KOGINE_WORKER_ID: String(slotId) }),
    });
    this.child.once("error", (error) => {
      this.spawnError = error;
    });
    this.child.once("exit", () => {
      this.exited = true;
    });
    this.channel.on("error", () => {}); // a spare that died: reported through the process's exit
  }

  get usable(): boolean {
    return !this.exited && this.spawnError === null;
  }

  private get channel(): Writable {
    return this.child.stdio[3] as Writable;
  }

  run(message: TaskMessage, sink: OutputSink): RunningTask {
    const { child } = this;
    child.stdout?.on("data", sink.stdout);
    child.stderr?.on("data", sink.stderr);
    const finished = new Promise<ProcessExit>((resolve) => {
      if (this.spawnError) resolve({ exitCode: null, signal: null, error: this.spawnError });
      child.once("error", (error) => resolve({ exitCode: null, signal: null, error }));
      child.once("close", (exitCode, signal) => resolve({ exitCode, signal }));
      // The runner's early report of its exit status (task-runner.ts): both streams end, the status written.
      let openStreams = 2;
      const streamEnded = () => {
        const status = --openStreams === 0 ? reportedExitStatus(message.exitFile) : null;
        if (status !== null) resolve({ exitCode: status, signal: null });
      };
      child.stdout?.once("end", streamEnded);
      child.stderr?.once("end", streamEnded);
    });
    this.channel.end(`${JSON.stringify(message)}\n`);
    return { started: Promise.resolve(new Date()), finished, kill: (signal) => child.kill(signal) };
  }

  close(): void {
    this.channel.end();
  }
}

/** The exit status a task runner reported ahead of its exit, or null when it did not. */
function reportedExitStatus(file: string): number | null {
  try {
    return Number(readFileSync(file, "utf8"));
  } catch {
    return null; // the process ended otherwise: its exit tells how
  }
}
