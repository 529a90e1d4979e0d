/** The processes tasks run in, kept ready per worker slot. Every task still gets a process of its own that
 * has run nothing else; what is saved is the start-up:
 *
 * - JS/TS: each slot keeps a spare Node already started (spare-node.ts); when a task takes it, the next
 *   spare starts, overlapping Node's start-up with the running task. The script's injection rewrite is made
 *   once per run in this process (script-cache.ts).
 * - Python: each slot has a zygote (python-zygote.ts) that forks a child per task.
 *
 * A slot runs one task at a time, in the order they are started here. A task started while its slot is
 * busy is handed to its process at once, which gets ready and waits for its turn: a JS task's spare is
 * told here when the task before ends; a Python task behind a Python task waits in the zygote, which
 * starts it the moment the one before ends (behind a JS task, it waits here). Output reaches the task's
 * sink (its logs, and the terminal when echoing) as it runs. */
import { rmSync } from "node:fs";
import type { TaskMessage } from "./node-shim/task-message.js";
import {
  type OutputSink,
  type ProcessExit,
  type RunningTask,
  stoppedByCtrlC,
  type TaskLaunch,
} from "./process-types.js";
import { PythonZygote, takeEarlyZygote } from "./python-zygote.js";
import { type PreparedScript, preparedScript } from "./script-cache.js";
import { SpareNode, spareEnvironment } from "./spare-node.js";
import type { ScriptLanguage, TaskSpec } from "./task-spec.js";

export interface StartOptions {
  /** The language of the task this slot most likely runs next (a spare of it is started), or null. */
  nextLanguage?: ScriptLanguage | null;
}

interface Slot {
  spare: SpareNode | null;
  zygote: PythonZygote | null;
  /** The task started last in the slot, and the zygote it was sent to (null for a JS task). */
  last: { finished: Promise<ProcessExit>; zygote: PythonZygote | null } | null;
}

export class TaskProcesses {
  private readonly slots = new Map<number, Slot>();
  private readonly prepared = new Map<string, PreparedScript | null>();
  private readonly spareEnv = spareEnvironment();
  /** Every zygote started, to end them all on close (a busy one ends after its tasks). */
  private readonly zygotes = new Set<PythonZygote>();
  private closed = false;
  /** Every zygote and spare started, whose process groups end on close (with ownGroups). */
  private readonly leaders: Array<{ endGroup(): void }> = [];

  /** `ownGroups`: each zygote and spare leads a process group of its own, ended at kogine's exit or on
   * `killAllGroups` (process-groups.ts); otherwise they stay in kogine's (a worker killed takes them along). */
  constructor(private readonly ownGroups = false) {}

  /** Starts the process a task in `language` takes in this slot, ahead of the task. */
  warm(slotId: number, language: ScriptLanguage): void {
    const slot = this.slot(slotId);
    if (language === "python" && !slot.zygote?.usable) {
      slot.zygote = (this.ownGroups ? takeEarlyZygote(slotId) : null) ?? new PythonZygote(slotId, this.ownGroups);
      this.zygotes.add(slot.zygote);
      this.leaders.push(slot.zygote);
    }
    if (language === "javascript" && !slot.spare?.usable) slot.spare = this.newSpare(slotId);
  }

  start(spec: TaskSpec, slotId: number, launch: TaskLaunch, sink: OutputSink, options: StartOptions = {}): RunningTask {
    const slot = this.slot(slotId);
    this.warm(slotId, spec.language);
    const zygote = spec.language === "python" ? (slot.zygote as PythonZygote) : null;
    // Behind a task of the same zygote, the zygote keeps the order; a spare Node gets its task at once and
    // waits for its turn; otherwise the task waits here.
    const last = slot.last && !(zygote && slot.last.zygote === zygote) ? slot.last.finished : null;
    const before = last?.then(graceAfterCtrlC) ?? null;
    let running: RunningTask;
    if (!zygote) running = this.runOnSpare(spec, slotId, launch, sink, options, before);
    else running = before ? startAfter(before, () => zygote.run(launch, sink)) : zygote.run(launch, sink);
    if (zygote && !this.closed && options.nextLanguage === "javascript") this.warm(slotId, "javascript");
    slot.last = { finished: running.finished, zygote };
    return running;
  }

  /** Stops the spares and zygotes; tasks already started are not affected, unless the processes lead
   * groups of their own (ownGroups): then every task must have ended, and whatever they left running is
   * ended too. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots.values()) slot.spare?.close();
    for (const zygote of this.zygotes) zygote.close();
    for (const leader of this.leaders.splice(0)) leader.endGroup();
    this.slots.clear();
    this.zygotes.clear();
  }

  private newSpare(slotId: number): SpareNode {
    const spare = new SpareNode(this.spareEnv, slotId, this.ownGroups);
    this.leaders.push(spare);
    return spare;
  }

  private runOnSpare(
    spec: TaskSpec,
    slotId: number,
    launch: TaskLaunch,
    sink: OutputSink,
    options: StartOptions,
    before: Promise<unknown> | null,
  ): RunningTask {
    const slot = this.slot(slotId);
    const prepared = this.preparedScript(spec);
    const spare = slot.spare?.usable ? slot.spare : this.newSpare(slotId);
    slot.spare = null;
    const exitFile = `${spec.resultFile}.exit`;
    rmSync(exitFile, { force: true });
    const waitsInScript = prepared?.importsOnlyBuiltins && spec.config?.kind !== "module";
    const message: TaskMessage = {
      ...launch,
      preparedUrl: prepared?.url ?? null,
      exitFile,
      turn: before === null ? null : waitsInScript ? "script" : "config",
    };
    const running = spare.run(message, sink, before);
    // Starting a process blocks this one for some milliseconds: first the events already waiting (another
    // slot's task may have ended), then the next spare.
    if (options.nextLanguage === "javascript") setImmediate(() => this.closed || this.warm(slotId, "javascript"));
    return running;
  }

  private slot(id: number): Slot {
    let slot = this.slots.get(id);
    if (!slot) {
      slot = { spare: null, zygote: null, last: null };
      this.slots.set(id, slot);
    }
    return slot;
  }

  private preparedScript(spec: Pick<TaskSpec, "script" | "entrypoint">): PreparedScript | null {
    const key = `${spec.script}\0${spec.entrypoint ?? ""}`;
    if (!this.prepared.has(key)) this.prepared.set(key, preparedScript(spec.script, spec.entrypoint));
    return this.prepared.get(key) ?? null;
  }
}

/** How long the next task in a slot waits after one a Ctrl-C stopped (see graceAfterCtrlC). */
const CTRL_C_GRACE_MS = 200;

/** A Ctrl-C on the terminal stops the running task and reaches kogine at the same moment, and kogine then
 * cancels the tasks waiting; it may hear of the task's end first, so the next task's turn waits a moment
 * for that (a task stopped by a SIGINT of its own goes on after the wait). */
function graceAfterCtrlC(exit: ProcessExit): Promise<void> | undefined {
  if (!stoppedByCtrlC(exit)) return undefined;
  return new Promise((resolve) => setTimeout(resolve, CTRL_C_GRACE_MS));
}

/** A task that starts once `before` has settled, unless it is killed first. */
function startAfter(before: Promise<unknown>, begin: () => RunningTask): RunningTask {
  let running: RunningTask | null = null;
  let cancel!: (exit: ProcessExit) => void;
  const cancelled = new Promise<ProcessExit>((resolve) => {
    cancel = resolve;
  });
  let isCancelled = false;
  const begun = before.then(() => {
    if (!isCancelled) running = begin();
    return running;
  });
  const withdraw = () => {
    if (running) running.withdraw();
    else if (!isCancelled) {
      isCancelled = true;
      cancel({ exitCode: null, signal: null, cancelled: true });
    }
  };
  return {
    started: begun.then((task) => task?.started ?? new Promise<Date>(() => {})),
    finished: Promise.race([cancelled, begun.then((task) => task?.finished ?? cancelled)]),
    kill(signal) {
      if (running) running.kill(signal);
      else withdraw();
    },
    withdraw,
  };
}
