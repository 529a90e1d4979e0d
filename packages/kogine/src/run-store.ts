/** The run store: one directory per invocation (`<root>/<date>/<time>-<name>/`) holding a manifest and,
 * per task, its spec, resolved config, stdout/stderr logs, return value and status. Each task's files are
 * written as it ends, so an interrupted or crashed run keeps everything that had finished. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { ConfigDescription } from "./display-value.js";
import { KogineError } from "./errors.js";
import { parseExtendedJson, stringifyExtendedJson } from "./extended-json.js";
import { type MetricSummary, stopPath, writeStopRequest } from "./metrics-file.js";
import { isAlive, lockOwner, lockRun, type ProcessIdentity } from "./run-lock.js";
import type { SearchDefinition } from "./search-definition.js";
import type { FailureKind, TaskSpec } from "./task-spec.js";

/** `pruned`: asked to stop early (a search's scheduler) and ended after that, its metrics kept. */
export type TaskStatus = "pending" | "running" | "succeeded" | "failed" | "interrupted" | "skipped" | "pruned";

export interface TaskRecord {
  index: number;
  step: number;
  script: string;
  label: string;
  status: TaskStatus;
  exitCode: number | null;
  signal: string | null;
  attempts: number;
  workerId: number | null;
  host: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  failure: { kind: FailureKind; message: string; traceback?: string } | null;
  /** Each metric the task logged (metrics-file.ts), summarised when the task ended; null if none. */
  metrics: Record<string, MetricSummary> | null;
}

export interface StepDefinition {
  script: string;
  config: string | null;
  entrypoint: string | null;
}

export type FlowMode = "run" | "sequential" | "pipeline" | "parallel";

/** Everything needed to plan the run's tasks again: what `--resume` and remote launchers work from. */
export interface Invocation {
  mode: FlowMode;
  steps: StepDefinition[];
  /** `--set k=v` and `--sweep k=a,b` as typed on the command line (coerced by the task process). */
  sets: string[];
  sweeps: string[];
  /** Typed values and sweeps given through the library API. */
  values: Record<string, unknown>;
  valueSweeps: Record<string, unknown[]>;
  inject: "before" | "after";
  lenient: boolean;
  strict: boolean;
  workers: number;
  retries: number;
  retryDelayMs: number;
  /** Each attempt's time limit (`--timeout`); none when absent. */
  timeoutSeconds?: number | null;
  cwd: string;
  /** A search (`--search`): its trials are the run's tasks, planned as earlier ones end. */
  search?: SearchDefinition;
  /** The metric a search optimises, and which end of it is best (`runs compare` sorts by it). `mode` is
   * taken by the flow's mode, hence `metricMode`. */
  metric?: string;
  metricMode?: "min" | "max";
}

export interface Manifest {
  id: string;
  name: string;
  mode: FlowMode;
  createdAt: string;
  updatedAt: string;
  /** `submitted`: handed to a batch system (Slurm) whose array elements report into the store later.
   * `crashed`: marked running, but the process that ran it is gone (never written, only shown). */
  status: "running" | "succeeded" | "failed" | "interrupted" | "submitted" | "crashed";
  /** The kogine process that last worked on the run (run-lock.ts). */
  owner?: ProcessIdentity;
  launcher: string;
  invocation: Invocation;
  counts: Record<TaskStatus, number>;
  tasks: TaskRecord[];
}

export function defaultRunsRoot(): string {
  return resolve(process.env.KOGINE_RUNS_DIR ?? "runs");
}

/** How long a task asked to stop gets to end by itself before it is killed. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

export class RunStore {
  private readonly stopListeners = new Map<number, Set<(graceMs: number) => void>>();
  private releaseLock: (() => void) | null = null;

  private constructor(
    readonly dir: string,
    private manifest: Manifest,
  ) {}

  static create(root: string, name: string, invocation: Invocation, launcher: string): RunStore {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
    const slug = name.replace(/[^\w.-]+/g, "_").slice(0, 60) || "run";
    let dir = join(root, date, `${time}-${slug}`);
    for (let n = 2; existsSync(dir); n++) dir = join(root, date, `${time}-${slug}-${n}`);
    mkdirSync(join(dir, "tasks"), { recursive: true });
    const releaseLock = lockRun(dir, relative(root, dir));
    const manifest: Manifest = {
      id: relative(root, dir),
      name,
      mode: invocation.mode,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: "running",
      launcher,
      invocation,
      counts: emptyCounts(),
      tasks: [],
      owner: lockOwner(dir) ?? undefined,
    };
    const store = new RunStore(dir, manifest);
    store.releaseLock = releaseLock;
    store.saveManifest();
    return store;
  }

  /** A run found as `find` does, locked for this process to work on (a resume); fails with EXIT_LOCKED
   * while another live kogine process works on it. */
  static findAndLock(root: string, reference: string): RunStore {
    const found = RunStore.find(root, reference);
    const releaseLock = lockRun(found.dir, found.id);
    try {
      const store = RunStore.open(found.dir); // read again: the owner before may have ended just now
      store.releaseLock = releaseLock;
      store.manifest.owner = lockOwner(found.dir) ?? undefined;
      store.manifest.status = "running"; // so that if this process dies, the run shows as crashed
      return store;
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  /** Gives up the lock taken by `create` or `findAndLock`. */
  unlock(): void {
    this.releaseLock?.();
    this.releaseLock = null;
  }

  static open(dir: string): RunStore {
    const path = join(dir, "manifest.json");
    if (!existsSync(path)) throw new KogineError(`not a kogine run directory (no manifest.json): ${dir}`);
    const store = new RunStore(resolve(dir), parseExtendedJson(readFileSync(path, "utf8")) as Manifest);
    // Task files are the truth for tasks that ended after the manifest was last written.
    for (const record of store.manifest.tasks) {
      const status = store.readJson<TaskRecord>(record.index, "status.json");
      if (status) Object.assign(record, status);
    }
    if (store.manifest.status === "running" && !store.hasLiveOwner()) store.showAsCrashed();
    store.countTasks();
    return store;
  }

  /** A run named by its directory, its id (`<date>/<time>-<name>`), a unique suffix of it, or `latest`. */
  static find(root: string, reference: string): RunStore {
    if (existsSync(join(reference, "manifest.json"))) return RunStore.open(reference);
    const ids = listRunIds(root);
    const matches =
      reference === "latest" ? ids.slice(-1) : ids.filter((id) => id === reference || id.endsWith(reference));
    if (matches.length === 1) return RunStore.open(join(root, matches[0]));
    if (matches.length === 0)
      throw new KogineError(`no run matches "${reference}" under ${root} (see kogine runs list)`);
    throw new KogineError(`"${reference}" matches ${matches.length} runs: ${matches.slice(0, 5).join(", ")}`);
  }

  get id(): string {
    return this.manifest.id;
  }

  get invocation(): Invocation {
    return this.manifest.invocation;
  }

  get tasks(): readonly TaskRecord[] {
    return this.manifest.tasks;
  }

  snapshot(): Manifest {
    return structuredClone(this.manifest);
  }

  taskDir(index: number): string {
    return taskDirOf(this.dir, index);
  }

  record(index: number): TaskRecord | undefined {
    return this.manifest.tasks.find((t) => t.index === index);
  }

  /** Adds a planned task (or, on resume, keeps its earlier record) and writes its spec. */
  planTask(spec: TaskSpec): TaskSpec {
    const dir = this.taskDir(spec.index);
    mkdirSync(dir, { recursive: true });
    const planned = { ...spec, resultFile: join(dir, "outcome.json") };
    writeJson(join(dir, "spec.json"), planned);
    rmSync(stopPath(dir), { force: true }); // a stop asked of an earlier run of it (then interrupted) is void
    if (!this.record(spec.index)) {
      this.manifest.tasks.push(pendingRecord(planned));
      this.manifest.tasks.sort((a, b) => a.index - b.index);
    }
    return planned;
  }

  updateTask(record: TaskRecord): void {
    const existing = this.record(record.index);
    if (existing) Object.assign(existing, record);
    else this.manifest.tasks.push(record);
    writeJson(join(this.taskDir(record.index), "status.json"), record);
  }

  writeTaskFile(index: number, name: string, value: unknown): void {
    writeJson(join(this.taskDir(index), name), value);
  }

  readJson<T>(index: number, name: string): T | null {
    const path = join(this.taskDir(index), name);
    return existsSync(path) ? (parseExtendedJson(readFileSync(path, "utf8")) as T) : null;
  }

  readLog(index: number, stream: "stdout" | "stderr"): string {
    const path = join(this.taskDir(index), `${stream}.log`);
    return existsSync(path) ? readFileSync(path, "utf8") : "";
  }

  result(index: number): unknown {
    return this.readJson<{ value: unknown }>(index, "result.json")?.value ?? null;
  }

  resolvedConfig(index: number): ConfigDescription | null {
    return this.readJson<ConfigDescription>(index, "config.json");
  }

  /** Asks a task to stop early: creates its stop file, which the script sees through `should_stop()` /
   * `shouldStop()`. The task's launcher hears of it too (watchStopRequests) and kills the task if it has
   * not ended `graceMs` later; either way the task ends as `pruned`. */
  requestStop(index: number, graceMs: number = DEFAULT_STOP_GRACE_MS): void {
    const status = this.record(index)?.status;
    if (status !== "running" && status !== "pending") return; // ended already: nothing to stop
    writeStopRequest(this.taskDir(index), graceMs);
    for (const listener of this.stopListeners.get(index) ?? []) listener(graceMs);
  }

  stopRequested(index: number): boolean {
    return existsSync(stopPath(this.taskDir(index)));
  }

  /** Calls `listener` with the grace period when the task is asked to stop; returns the unsubscribe. */
  watchStopRequests(index: number, listener: (graceMs: number) => void): () => void {
    const listeners = this.stopListeners.get(index) ?? new Set();
    listeners.add(listener);
    this.stopListeners.set(index, listeners);
    return () => listeners.delete(listener);
  }

  finish(status: Manifest["status"]): void {
    this.manifest.status = status;
    this.saveManifest();
  }

  saveManifest(): void {
    this.manifest.updatedAt = new Date().toISOString();
    this.countTasks();
    writeJson(join(this.dir, "manifest.json"), this.manifest);
  }

  private countTasks(): void {
    this.manifest.counts = emptyCounts();
    for (const task of this.manifest.tasks) this.manifest.counts[task.status]++;
  }

  private hasLiveOwner(): boolean {
    const owner = lockOwner(this.dir);
    return owner !== null && isAlive(owner);
  }

  /** A run whose owner died: its tasks that had not ended will not, and a resume runs them again. */
  private showAsCrashed(): void {
    this.manifest.status = "crashed";
    const owner = this.manifest.owner;
    const who = owner ? `kogine (pid ${owner.pid} on ${owner.host})` : "kogine";
    for (const task of this.manifest.tasks) {
      if (task.status !== "running" && task.status !== "pending") continue;
      const when = task.status === "running" ? "before the task ended" : "before the task started";
      Object.assign(task, {
        status: "interrupted",
        failure: { kind: "crashed", message: `${who} ended ${when} (resume the run to run it)` },
      });
    }
  }
}

/** Where task `index` of the run in `runDir` keeps its files (for readers that need no more of the run). */
export function taskDirOf(runDir: string, index: number): string {
  return join(runDir, "tasks", String(index).padStart(4, "0"));
}

/**
 * The runs under `root`, oldest first. Directory names order runs only to the second, so runs started
 * within one second (a script invoking kogine twice) are ordered by their manifests' creation times.
 */
export function listRunIds(root: string): string[] {
  if (!existsSync(root)) return [];
  const runs: { id: string; createdAt: string }[] = [];
  for (const date of readdirSync(root).sort()) {
    const dateDir = join(root, date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    for (const run of readdirSync(dateDir).sort()) {
      const manifest = join(dateDir, run, "manifest.json");
      if (!existsSync(manifest)) continue;
      let createdAt = "";
      try {
        createdAt = (parseExtendedJson(readFileSync(manifest, "utf8")) as Partial<Manifest>).createdAt ?? "";
      } catch {
        // A manifest being written or damaged: its place by name is the best guess.
      }
      runs.push({ id: `${date}/${run}`, createdAt });
    }
  }
  const second = (id: string) => id.slice(0, id.indexOf("-", 11));
  runs.sort(
    (a, b) =>
      second(a.id).localeCompare(second(b.id)) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  return runs.map((r) => r.id);
}

export function pendingRecord(spec: TaskSpec): TaskRecord {
  return {
    index: spec.index,
    step: spec.step,
    script: basename(spec.script),
    label: spec.label,
    status: "pending",
    exitCode: null,
    signal: null,
    attempts: 0,
    workerId: null,
    host: null,
    startedAt: null,
    endedAt: null,
    durationMs: null,
    failure: null,
    metrics: null,
  };
}

function emptyCounts(): Record<TaskStatus, number> {
  return { pending: 0, running: 0, succeeded: 0, failed: 0, interrupted: 0, skipped: 0, pruned: 0 };
}

/** Written whole then renamed, so a reader never sees half a file. Extended JSON: a result may hold NaN. */
function writeJson(path: string, value: unknown): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${stringifyExtendedJson(value, 2)}\n`);
  renameSync(temporary, path);
}
