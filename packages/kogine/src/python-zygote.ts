/** A worker slot's Python zygote (`kogine_main.py zygote`): a Python process that has imported kogine's
 * runner and nothing of the user's, and forks a fresh child per task. Tasks are sent to it as they are
 * queued in the slot: it runs them one at a time in that order, each as soon as the one before has ended,
 * so the slot's next task does not wait for kogine to hear of the end and answer. The next task is handed
 * to the child forked for it while the one before still runs, to get ready in (see main_zygote in
 * kogine_zygote.py).
 *
 * The zygote reports on its channel (its fd 3) when a task starts (its pid), ends (its exit status) or is cancelled before it
 * started. Each task's process has a stdout and a stderr of its own: connections to a Unix socket kogine
 * listens on, made by the zygote for each process it forks (see TaskOutput in kogine_zygote.py), so output
 * of a process a task started that outlives it cannot reach another task's logs. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmdirSync, unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import type { Duplex } from "node:stream";
import { forgetGroup, killGroup, signalGroup, trackGroup } from "./process-groups.js";
import type { OutputSink, ProcessExit, RunningTask, TaskLaunch } from "./process-types.js";
import { spawnZygoteProcess, takeEarlyZygoteProcess, type ZygoteProcess } from "./zygote-process.js";

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
  | { event: "started"; id: number; pid: number; output: number }
  | { event: "exited"; id: number; code: number | null; signal: string | null }
  | { event: "cancelled"; id: number };

export class PythonZygote {
  /** The zygote's process, which leads a group of its own with ownGroup. */
  private readonly pid: number | undefined;
  private readonly ownGroup: boolean;
  /** Tasks go to it and reports come from it, once there is one (see ZygoteProcess.onChannel); lines
   * written before wait in `unsent`, and a close asked for before in `closing`. */
  private channel: Duplex | null = null;
  private readonly unsent: string[] = [];
  private closing = false;
  /** Sent with each output connection the zygote makes, so that no other process can pose as a task. */
  private readonly token = randomBytes(12).toString("hex");
  /** Sent and not yet ended, by id. */
  private readonly tasks = new Map<number, ZygoteTask>();
  private nextId = 0;
  private lines = "";
  private dead = false;
  /** The folder of the socket where the zygote connects each task's stdout and stderr (see TaskOutput in
   * kogine_zygote.py). */
  private readonly outputDir = mkdtempSync(`${socketParent()}/kogine-output-`);
  private readonly outputServer: Server;
  /** Removes the socket and its folder: when the zygote ends, or kogine exits first (a signal's exit too).
   * (Not a recursive rmSync: its first use costs a millisecond more of a one-off run.) */
  private readonly removeOutputDir = () => {
    for (const remove of [() => unlinkSync(`${this.outputDir}/s`), () => rmdirSync(this.outputDir)]) {
      try {
        remove();
      } catch {
        // Removed already, or never made.
      }
    }
  };
  /** Each task's output streams, by the number the zygote gave them, until they end. */
  private readonly outputs = new Map<number, TaskOutputStreams>();

  /** Drives the zygote `started`, or one it starts for slot `slotId`; `ownGroup`: the zygote leads a
   * process group of its own (see process-groups.ts). */
  constructor(slotId: number, ownGroup = false, started: ZygoteProcess = spawnZygoteProcess(slotId, ownGroup)) {
    this.pid = started.pid;
    process.once("exit", this.removeOutputDir);
    const socketPath = `${this.outputDir}/s`;
    this.outputServer = createServer((connection) => this.accept(connection)).listen(socketPath);
    this.outputServer.unref();
    this.outputServer.on("error", (error) => {
      started.kill("SIGKILL");
      const message = `cannot listen on ${socketPath}: ${error.message}`;
      this.die({ exitCode: null, signal: null, error: new Error(message) });
    });
    if (ownGroup) trackGroup(started.pid);
    started.onChannel((channel) => this.attach(channel));
    started.onEnd((exit) => this.die(exit));
    // With groups of their own, each task's process leads one too (set by the zygote as the task starts):
    // a kill (a --timeout, a Ctrl-C passed on) reaches what the task started, a hard stop or kogine's exit
    // ends it while it runs, and the zygote ends it when the task has ended.
    this.ownGroup = ownGroup;
    this.send({ output: socketPath, token: this.token, taskGroups: ownGroup });
  }

  private attach(channel: Duplex): void {
    channel.on("error", () => {});
    channel.setEncoding("utf8");
    channel.on("data", (text: string) => {
      this.lines += text;
      for (let end = this.lines.indexOf("\n"); end !== -1; end = this.lines.indexOf("\n")) {
        this.report(JSON.parse(this.lines.slice(0, end)));
        this.lines = this.lines.slice(end + 1);
      }
    });
    for (const line of this.unsent.splice(0)) channel.write(line);
    if (this.closing) channel.end();
    this.channel = channel;
  }

  /** A connection the zygote made for a task's stdout or stderr: its first line names it. */
  private accept(connection: Socket): void {
    connection.on("error", () => {});
    let head = Buffer.alloc(0);
    const readHead = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const newline = head.indexOf(10);
      if (newline === -1) return;
      connection.off("data", readHead);
      const [token, number, name] = head.subarray(0, newline).toString("latin1").split(" ");
      if (token !== this.token || (name !== "out" && name !== "err")) return void connection.destroy();
      const streams = this.outputStreams(Number(number));
      streams.add(name, connection, head.subarray(newline + 1), this.endMarker, () => {
        if (streams.task) this.settle(streams.task);
        if (streams.over) this.outputs.delete(Number(number));
      });
    };
    connection.on("data", readHead);
  }

  private outputStreams(number: number): TaskOutputStreams {
    let streams = this.outputs.get(number);
    if (!streams) {
      streams = new TaskOutputStreams();
      this.outputs.set(number, streams);
    }
    return streams;
  }

  private get endMarker(): Buffer {
    return Buffer.from(`\0kogine-${this.token}-e\0`);
  }

  get usable(): boolean {
    return !this.dead;
  }

  private send(message: object): void {
    const line = `${JSON.stringify(message)}\n`;
    if (this.channel) this.channel.write(line);
    else this.unsent.push(line);
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
    this.send({ id: task.id, ...launch });
    const kill = (signal: NodeJS.Signals) => {
      if (task.exit) return;
      if (task.pid !== null) {
        signalGroup(task.pid, signal);
        return;
      }
      // Not started (as far as kogine knows): the zygote skips it, or if it has started it meanwhile, the
      // signal goes to it when its start is reported.
      task.pendingSignal = signal;
      if (!task.cancelRequested) this.send({ cancel: task.id });
      task.cancelRequested = true;
    };
    // Unlike a kill, a withdrawal never reaches a task that has started meanwhile.
    const withdraw = () => {
      if (task.exit || task.pid !== null || task.cancelRequested) return;
      task.cancelRequested = true;
      this.send({ cancel: task.id });
    };
    return { started, finished, kill, withdraw };
  }

  /** Ends every process of the group it leads (when it leads one): what a task left running included. */
  endGroup(): void {
    killGroup(this.pid);
  }

  close(): void {
    if (this.channel) this.channel.end();
    else this.closing = true;
  }

  private report(event: ZygoteEvent): void {
    const task = this.tasks.get(event.id);
    if (!task) return;
    if (event.event === "started") {
      task.pid = event.pid;
      if (this.ownGroup) trackGroup(task.pid);
      const streams = this.outputStreams(event.output);
      streams.assign(task);
      if (streams.over) this.outputs.delete(event.output);
      task.resolveStarted(new Date());
      if (task.pendingSignal) signalGroup(task.pid, task.pendingSignal);
    } else if (event.event === "exited") {
      if (this.ownGroup && task.pid !== null) forgetGroup(task.pid); // the zygote ended it (end_task_group)
      task.exit = { exitCode: event.code, signal: event.signal };
      this.settle(task);
    } else {
      this.tasks.delete(task.id);
      task.resolve({ exitCode: null, signal: null, cancelled: true });
    }
  }

  /** A task is over when the zygote reported its exit and its output has ended on both streams (whose end
   * the zygote marks after the exit). */
  private settle(task: ZygoteTask): void {
    if (task.exit && task.ended.size === 2 && this.tasks.delete(task.id)) task.resolve(task.exit);
  }

  private die(exit: ProcessExit): void {
    this.dead = true;
    this.outputServer.close();
    process.off("exit", this.removeOutputDir);
    this.removeOutputDir();
    for (const task of this.tasks.values()) task.resolve(task.exit ?? exit);
    this.tasks.clear();
  }
}

/** Slot `slotId`'s zygote for the local pool if the `kogine` command started it early (zygote-process.ts). */
export function takeEarlyZygote(slotId: number): PythonZygote | null {
  const started = takeEarlyZygoteProcess(slotId);
  return started && new PythonZygote(slotId, true, started);
}

/** A task's stdout and stderr connections. What comes before the task is known (the zygote's `started`
 * report and the first output race) is held; what comes after a stream's end marker (output of a process
 * the task started, outliving it) is read and dropped. */
class TaskOutputStreams {
  task: ZygoteTask | null = null;
  private readonly held: Array<["out" | "err", Buffer]> = [];
  private readonly ended = new Set<"out" | "err">();

  /** Whether the streams are of no more use: both ended and their task known. */
  get over(): boolean {
    return this.task !== null && this.ended.size === 2;
  }

  assign(task: ZygoteTask): void {
    this.task = task;
    for (const [name, chunk] of this.held.splice(0)) this.deliver(name, chunk);
    for (const name of this.ended) task.ended.add(name);
  }

  add(name: "out" | "err", connection: Socket, first: Buffer, marker: Buffer, onEnd: () => void): void {
    let held = Buffer.alloc(0);
    const end = () => {
      if (this.ended.has(name)) return;
      this.ended.add(name);
      connection.removeListener("data", push);
      connection.resume();
      connection.unref(); // a process the task started may hold it open: kogine need not wait for it
      this.task?.ended.add(name);
      onEnd();
    };
    const push = (chunk: Buffer) => {
      const data = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      const at = data.indexOf(marker);
      if (at !== -1) {
        if (at > 0) this.deliver(name, data.subarray(0, at));
        held = Buffer.alloc(0);
        end();
        return;
      }
      const keep = partialMarkerLength(data, marker);
      if (data.length > keep) this.deliver(name, data.subarray(0, data.length - keep));
      held = keep > 0 ? Buffer.from(data.subarray(data.length - keep)) : Buffer.alloc(0);
    };
    if (first.length > 0) push(first);
    if (this.ended.has(name)) return;
    connection.on("data", push);
    connection.once("close", end);
  }

  private deliver(name: "out" | "err", chunk: Buffer): void {
    if (!this.task) this.held.push([name, Buffer.from(chunk)]);
    else if (name === "out") this.task.sink.stdout(chunk);
    else this.task.sink.stderr(chunk);
  }
}

/** The length of the longest end of `data` that is a beginning of `marker`. */
function partialMarkerLength(data: Buffer, marker: Buffer): number {
  for (let n = Math.min(data.length, marker.length - 1); n > 0; n--) {
    if (data.subarray(data.length - n).equals(marker.subarray(0, n))) return n;
  }
  return 0;
}

/** Where the folder of a zygote's output socket goes: the temporary folder, unless its path is too long for
 * a socket's (108 bytes on Linux, 104 on macOS, the folder's and socket's names included). */
function socketParent(): string {
  return tmpdir().length <= 70 ? tmpdir() : "/tmp";
}
