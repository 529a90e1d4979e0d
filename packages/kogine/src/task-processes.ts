/** The processes tasks run in, kept ready per worker slot. Every task still gets a process of its own that
 * has run nothing else; what is saved is the start-up:
 *
 * - JS/TS: Node cannot fork, so each slot keeps a spare `node task-runner.js` already started and waiting
 *   on fd 3 for its task; when a task takes it, the next spare starts, overlapping Node's start-up with the
 *   running task. The script's injection rewrite is made once per run in this process (script-cache.ts).
 * - Python: each slot has a zygote (`kogine_runner.py zygote`) that has imported the runner and nothing of
 *   the user's; it forks a child per task, which sets the task's environment and runs it.
 *
 * Output reaches the task's sink (its logs, and the terminal when echoing) while the task runs. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { TaskMessage } from "./node-shim/task-runner.js";
import { PYTHON_RUNNER, pythonEnvironment, pythonExecutable } from "./python-shim.js";
import { preparedScriptUrl } from "./script-cache.js";
import type { ScriptLanguage, TaskSpec } from "./task-spec.js";

const NODE_RUNNER = nodeRunner();

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
}

export interface RunningTask {
  finished: Promise<ProcessExit>;
  kill(signal: NodeJS.Signals): void;
}

export interface StartOptions {
  /** The language of the task this slot most likely runs next (a spare of it is started), or null. */
  nextLanguage?: ScriptLanguage | null;
}

interface Slot {
  spare: SpareNode | null;
  zygote: PythonZygote | null;
}

export class TaskProcesses {
  private readonly slots = new Map<number, Slot>();
  private readonly prepared = new Map<string, string | null>();
  /** Every zygote started, to end them all on close (a busy one ends after its task). */
  private readonly zygotes = new Set<PythonZygote>();
  private closed = false;

  /** Starts the process a task in `language` takes in this slot, ahead of the task. */
  warm(slotId: number, language: ScriptLanguage): void {
    const slot = this.slot(slotId);
    if (language === "python" && !slot.zygote?.usable) {
      slot.zygote = new PythonZygote(slotId);
      this.zygotes.add(slot.zygote);
    }
    if (language === "javascript" && !slot.spare?.usable) slot.spare = new SpareNode(slotId);
  }

  start(spec: TaskSpec, slotId: number, launch: TaskLaunch, sink: OutputSink, options: StartOptions = {}): RunningTask {
    const slot = this.slot(slotId);
    this.warm(slotId, spec.language);
    if (spec.language === "python") {
      const running = (slot.zygote as PythonZygote).run(launch, sink);
      if (!this.closed && options.nextLanguage === "javascript" && !slot.spare) slot.spare = new SpareNode(slotId);
      return running;
    }
    const spare = slot.spare as SpareNode;
    slot.spare = null;
    const exitFile = `${spec.resultFile}.exit`;
    rmSync(exitFile, { force: true });
    const running = spare.run({ ...launch, preparedUrl: this.preparedUrl(spec), exitFile }, sink);
    if (!this.closed && options.nextLanguage === "javascript") slot.spare = new SpareNode(slotId);
    return running;
  }

  /** Stops the spares and zygotes; tasks still running are not affected. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots.values()) slot.spare?.close();
    for (const zygote of this.zygotes) zygote.close();
    this.slots.clear();
    this.zygotes.clear();
  }

  private slot(id: number): Slot {
    let slot = this.slots.get(id);
    if (!slot) {
      slot = { spare: null, zygote: null };
      this.slots.set(id, slot);
    }
    return slot;
  }

  private preparedUrl(spec: TaskSpec): string | null {
    const key = `${spec.script}\0${spec.entrypoint ?? ""}`;
    if (!this.prepared.has(key)) this.prepared.set(key, preparedScriptUrl(spec.script, spec.entrypoint));
    return this.prepared.get(key) ?? null;
  }
}

/** The task runner as one bundled module (scripts/bundle.ts) while the bundle is newer than the
 * package's last tsc build, else as tsc built it: the same code, loaded faster. */
function nodeRunner(): string {
  const path = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  const modifiedAt = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const bundle = path("./node-shim/task-runner.bundle.js");
  return modifiedAt(bundle) >= modifiedAt(path("../tsconfig.tsbuildinfo"))
    ? bundle
    : path("./node-shim/task-runner.js");
}

/** A `node task-runner.js` started ahead of its task. */
class SpareNode {
  private readonly child: ChildProcess;
  private spawnError: Error | null = null;
  private exited = false;

  constructor(slotId: number) {
    this.child = spawn(process.execPath, [NODE_RUNNER], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env: { ...process.env, KOGINE_WORKER_ID: String(slotId) },
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
    return { finished, kill: (signal) => child.kill(signal) };
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

/** A slot's Python zygote; one task at a time. */
class PythonZygote {
  private readonly child: ChildProcess;
  /** Written by the zygote to stdout and stderr after each task: the task's output ends there. */
  private readonly token = randomBytes(12).toString("hex");
  private readonly marker = Buffer.from(`\0kogine-task-end-${this.token}\0`);
  private readonly out: MarkedStream;
  private readonly err: MarkedStream;
  private lines = "";
  private current: ZygoteTask | null = null;
  private dead = false;

  constructor(slotId: number) {
    this.child = spawn(pythonExecutable(), [PYTHON_RUNNER, "zygote"], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env: { ...pythonEnvironment(), KOGINE_WORKER_ID: String(slotId), KOGINE_ZYGOTE_TOKEN: this.token },
    });
    this.out = new MarkedStream(this.marker, this.child.stdout as Readable, (chunk) =>
      this.current?.sink.stdout(chunk),
    );
    this.err = new MarkedStream(this.marker, this.child.stderr as Readable, (chunk) =>
      this.current?.sink.stderr(chunk),
    );
    this.out.onMarker = () => this.markerSeen("out");
    this.err.onMarker = () => this.markerSeen("err");
    const channel = this.child.stdio[3] as Readable & Writable;
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
    return !this.dead && this.current === null;
  }

  run(launch: TaskLaunch, sink: OutputSink): RunningTask {
    let resolve!: (exit: ProcessExit) => void;
    const finished = new Promise<ProcessExit>((r) => {
      resolve = r;
    });
    const task: ZygoteTask = { sink, resolve, pid: null, pendingSignal: null, exit: null, markers: new Set() };
    this.current = task;
    (this.child.stdio[3] as Writable).write(`${JSON.stringify(launch)}\n`);
    const kill = (signal: NodeJS.Signals) => {
      if (task.pid === null) task.pendingSignal = signal;
      else if (!task.exit) signalProcess(task.pid, signal);
    };
    return { finished, kill };
  }

  close(): void {
    (this.child.stdio[3] as Writable).end();
  }

  private report(event: { event: string; pid: number; code?: number | null; signal?: string | null }): void {
    const task = this.current;
    if (!task) return;
    if (event.event === "started") {
      task.pid = event.pid;
      if (task.pendingSignal) signalProcess(task.pid, task.pendingSignal);
    } else if (event.event === "exited") {
      task.exit = { exitCode: event.code ?? null, signal: event.signal ?? null };
      this.settle();
    }
  }

  private markerSeen(stream: "out" | "err"): void {
    this.current?.markers.add(stream);
    this.settle();
  }

  /** A task is over when the zygote reported its exit and both streams reached its marker. */
  private settle(): void {
    const task = this.current;
    if (task?.exit && task.markers.size === 2) {
      this.current = null;
      task.resolve(task.exit);
    }
  }

  private die(exit: ProcessExit): void {
    this.dead = true;
    const task = this.current;
    if (!task) return;
    this.current = null;
    task.resolve(task.exit ?? exit);
  }
}

interface ZygoteTask {
  sink: OutputSink;
  resolve: (exit: ProcessExit) => void;
  pid: number | null;
  pendingSignal: NodeJS.Signals | null;
  exit: ProcessExit | null;
  markers: Set<"out" | "err">;
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** A stream carrying several tasks' output one after another, each followed by the marker. Bytes that might
 * be the start of a marker are held back until the next chunk shows whether they are. */
class MarkedStream {
  onMarker: () => void = () => {};
  private held = Buffer.alloc(0);

  constructor(
    private readonly marker: Buffer,
    stream: Readable,
    private readonly emit: (chunk: Buffer) => void,
  ) {
    stream.on("data", (chunk: Buffer) => this.push(chunk));
  }

  private push(chunk: Buffer): void {
    let data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    for (let at = data.indexOf(this.marker); at !== -1; at = data.indexOf(this.marker)) {
      if (at > 0) this.emit(data.subarray(0, at));
      data = data.subarray(at + this.marker.length);
      this.onMarker();
    }
    const keep = partialMarkerLength(data, this.marker);
    if (data.length > keep) this.emit(data.subarray(0, data.length - keep));
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
