/** A `node task-runner.js` started ahead of its task, waiting on fd 3 for it: Node cannot fork, so this is
 * how a JS/TS task's process gets its start-up out of the task's way. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { freshestBuild } from "./bundled-module.js";
import { type TaskMessage, TURN } from "./node-shim/task-message.js";
import { killGroup, signalGroup, trackGroup } from "./process-groups.js";
import type { OutputSink, ProcessExit, RunningTask } from "./process-types.js";

const NODE_RUNNER = freshestBuild(
  new URL("./node-shim/task-runner.js", import.meta.url),
  new URL("./node-shim/task-runner.bundle.js", import.meta.url),
);

/** The environment a spare starts with: kogine's own. Made once for many spares (copying process.env costs
 * more than a plain object). */
export function spareEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}

export class SpareNode {
  private readonly child: ChildProcess;
  private spawnError: Error | null = null;
  private exited = false;

  /** `env`: the environment spares start with (see spareEnvironment). `ownGroup`: the spare leads a process
   * group of its own (process-groups.ts). */
  constructor(env: NodeJS.ProcessEnv, slotId: number, ownGroup = false) {
    this.child = spawn(process.execPath, [NODE_RUNNER], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      detached: ownGroup,
      env: { ...env, KOGINE_WORKER_ID: String(slotId) },
    });
    if (ownGroup) trackGroup(this.child.pid);
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

  /** Sends the task at once; when `turn` is given (the slot's task before it ending), the spare gets its
   * task ready and starts it on its turn (see TaskMessage.turn), or is told it never comes when the task is
   * cancelled first. */
  run(message: TaskMessage, sink: OutputSink, turn: Promise<unknown> | null): RunningTask {
    const { child, channel } = this;
    child.stdout?.on("data", sink.stdout);
    child.stderr?.on("data", sink.stderr);
    const exited = new Promise<ProcessExit>((resolve) => {
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
    if (!turn) {
      channel.end(`${JSON.stringify(message)}\n`);
      return {
        started: Promise.resolve(new Date()),
        finished: exited,
        kill: (signal) => signalGroup(child.pid, signal),
        withdraw: () => {},
      };
    }
    channel.write(`${JSON.stringify(message)}\n`);
    let state: "waiting" | "running" | "cancelled" = "waiting";
    let cancel!: (exit: ProcessExit) => void;
    const cancelled = new Promise<ProcessExit>((resolve) => {
      cancel = resolve;
    });
    const go = () => {
      if (state !== "waiting") return new Promise<Date>(() => {});
      state = "running";
      channel.end(TURN);
      return new Date();
    };
    const withdraw = () => {
      if (state !== "waiting") return;
      state = "cancelled";
      channel.end();
      cancel({ exitCode: null, signal: null, cancelled: true });
    };
    return {
      // A spare that died waiting has its end reported as the task's.
      started: Promise.race([turn.then(go, go), exited.then(go)]),
      finished: Promise.race([cancelled, exited]),
      kill: (signal) => (state === "waiting" ? withdraw() : signalGroup(child.pid, signal)),
      withdraw,
    };
  }

  /** Ends every process of the group it leads (when it leads one): what a task left running included. */
  endGroup(): void {
    killGroup(this.child.pid);
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
