/** A worker slot's Python zygote (`kogine_main.py zygote`): a Python process that has imported kogine's
 * runner and nothing of the user's, and forks a fresh child per task. Tasks are sent to it as they are
 * queued in the slot: it runs them one at a time in that order, each as soon as the one before has ended,
 * so the slot's next task does not wait for kogine to hear of the end and answer. The next task is handed
 * to the child forked for it while the one before still runs, to get ready in (see main_zygote).
 *
 * The zygote reports on fd 3 when a task starts (its pid), ends (its exit status) or is cancelled before it
 * started. The children share the zygote's stdout and stderr, on which the zygote writes a marker before
 * each task's output and one after it, so each byte reaches the right task's sink. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import { killGroup, trackGroup } from "./process-groups.js";
import type { OutputSink, ProcessExit, RunningTask, TaskLaunch } from "./process-types.js";
import { PYTHON_RUNNER, pythonEnvironment, pythonExecutable } from "./python-shim.js";

interface ZygoteTask {
  id: number;
  sink: OutputSink;
  resolveStarted: (at: Date) => void;
  resolve: (exit: ProcessExit) => void;
  pid: number | null;
  pendingSignal: NodeJS.Signals | null;
  cancelRequested: boolean;
  exit: ProcessExit | null;
  /** The streams on which the task's output has ended. */
  ended: Set<"out" | "err">;
}

type ZygoteEvent =
  | { event: "started"; id: number; pid: number }
  | { event: "exited"; id: number; code: number | null; signal: string | null }
  | { event: "cancelled"; id: number };

export class PythonZygote {
  private readonly child: ChildProcess;
  private readonly token = randomBytes(12).toString("hex");
  /** Sent and not yet ended, by id. */
  private readonly tasks = new Map<number, ZygoteTask>();
  private nextId = 0;
  private lines = "";
  private dead = false;

  /** `ownGroup`: the zygote leads a process group of its own (see process-groups.ts). */
  constructor(slotId: number, ownGroup = false) {
    this.child = spawn(pythonExecutable(), [PYTHON_RUNNER, "zygote"], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      detached: ownGroup,
      env: { ...pythonEnvironment(), KOGINE_WORKER_ID: String(slotId), KOGINE_ZYGOTE_TOKEN: this.token },
    });
    if (ownGroup) trackGroup(this.child.pid);
    const prefix = Buffer.from(`\0kogine-${this.token}-`);
    for (const name of ["out", "err"] as const) {
      const stream = name === "out" ? this.child.stdout : this.child.stderr;
      let task: ZygoteTask | undefined;
      new MarkedStream(prefix, stream as Readable, {
        output: (chunk) => (name === "out" ? task?.sink.stdout(chunk) : task?.sink.stderr(chunk)),
        taskStarts: (id) => {
          task = this.tasks.get(id);
        },
        taskEnds: () => {
          task?.ended.add(name);
          if (task) this.settle(task);
          task = undefined;
        },
      });
    }
    const channel = this.channel as Readable & Writable;
    channel.on("error", () => {});
    channel.setEncoding("utf8");
    channel.on("data", (text: string) => {
      this.lines += text;
      for (let end = this.lines.indexOf("\n"); end !== -1; end = this.lines.indexOf("\n")) {
        this.report(JSON.parse(this.lines.slice(0, end)));
        this.lines = this.lines.slice(end + 1);
      }
    });
    this.child.once("error", (error) => this.die({ exitCode: null, signal: null, error }));
    this.child.once("close", (exitCode, signal) => this.die({ exitCode, signal }));
  }

  get usable(): boolean {
    return !this.dead;
  }

  private get channel(): Writable {
    return this.child.stdio[3] as Writable;
  }

  /** Queues a task: it starts when the tasks sent before it have ended. */
  run(launch: TaskLaunch, sink: OutputSink): RunningTask {
    let resolveStarted!: (at: Date) => void;
    const started = new Promise<Date>((r) => {
      resolveStarted = r;
    });
    let resolve!: (exit: ProcessExit) => void;
    const finished = new Promise<ProcessExit>((r) => {
      resolve = r;
    });
    const task: ZygoteTask = {
      id: this.nextId++,
      sink,
      resolveStarted,
      resolve,
      pid: null,
      pendingSignal: null,
      cancelRequested: false,
      exit: null,
      ended: new Set(),
    };
    if (this.dead) {
      resolve({ exitCode: null, signal: null, error: new Error("the Python zygote of this slot has ended") });
      return { started, finished, kill: () => {}, withdraw: () => {} };
    }
    this.tasks.set(task.id, task);
    this.channel.write(`${JSON.stringify({ id: task.id, ...launch })}\n`);
    const kill = (signal: NodeJS.Signals) => {
      if (task.exit) return;
      if (task.pid !== null) {
        signalProcess(task.pid, signal);
        return;
      }
      // Not started (as far as kogine knows): the zygote skips it, or if it has started it meanwhile, the
      // signal goes to it when its start is reported.
      task.pendingSignal = signal;
      if (!task.cancelRequested) this.channel.write(`${JSON.stringify({ cancel: task.id })}\n`);
      task.cancelRequested = true;
    };
    // Unlike a kill, a withdrawal never reaches a task that has started meanwhile.
    const withdraw = () => {
      if (task.exit || task.pid !== null || task.cancelRequested) return;
      task.cancelRequested = true;
      this.channel.write(`${JSON.stringify({ cancel: task.id })}\n`);
    };
    return { started, finished, kill, withdraw };
  }

  /** Ends every process of the group it leads (when it leads one): what a task left running included. */
  endGroup(): void {
    killGroup(this.child.pid);
  }

  close(): void {
    this.channel.end();
  }

  private report(event: ZygoteEvent): void {
    const task = this.tasks.get(event.id);
    if (!task) return;
    if (event.event === "started") {
      task.pid = event.pid;
      task.resolveStarted(new Date());
      if (task.pendingSignal) signalProcess(task.pid, task.pendingSignal);
    } else if (event.event === "exited") {
      task.exit = { exitCode: event.code, signal: event.signal };
      this.settle(task);
    } else {
      this.tasks.delete(task.id);
      task.resolve({ exitCode: null, signal: null, cancelled: true });
    }
  }

  /** A task is over when the zygote reported its exit and its output has ended on both streams. */
  private settle(task: ZygoteTask): void {
    if (task.exit && task.ended.size === 2 && this.tasks.delete(task.id)) task.resolve(task.exit);
  }

  private die(exit: ProcessExit): void {
    this.dead = true;
    for (const task of this.tasks.values()) task.resolve(task.exit ?? exit);
    this.tasks.clear();
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

interface MarkedStreamEvents {
  output(chunk: Buffer): void;
  taskStarts(id: number): void;
  taskEnds(): void;
}

/** A stream carrying several tasks' output one after another, each between the markers `<prefix>s<id>\0`
 * and `<prefix>e\0`. Bytes that might begin a marker are held back until the next chunk shows whether
 * they do. */
class MarkedStream {
  private held = Buffer.alloc(0);

  constructor(
    private readonly prefix: Buffer,
    stream: Readable,
    private readonly events: MarkedStreamEvents,
  ) {
    stream.on("data", (chunk: Buffer) => this.push(chunk));
  }

  private push(chunk: Buffer): void {
    let data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    for (let at = data.indexOf(this.prefix); at !== -1; at = data.indexOf(this.prefix)) {
      const close = data.indexOf(0, at + this.prefix.length);
      if (close === -1) break; // the marker's end is in the next chunk
      if (at > 0) this.events.output(data.subarray(0, at));
      const body = data.subarray(at + this.prefix.length, close).toString("latin1");
      data = data.subarray(close + 1);
      if (body === "e") this.events.taskEnds();
      else this.events.taskStarts(Number(body.slice(1)));
    }
    const open = data.indexOf(this.prefix);
    const keep = open !== -1 ? data.length - open : partialMarkerLength(data, this.prefix);
    if (data.length > keep) this.events.output(data.subarray(0, data.length - keep));
    this.held = Buffer.from(data.subarray(data.length - keep));
  }
}

/** The length of the longest end of `data` that is a beginning of `marker`. */
function partialMarkerLength(data: Buffer, marker: Buffer): number {
  for (let n = Math.min(data.length, marker.length - 1); n > 0; n--) {
    if (data.subarray(data.length - n).equals(marker.subarray(0, n))) return n;
  }
  return 0;
}
