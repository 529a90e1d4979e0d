/** What the run browser (`kogine ui`) shows, read from the run store as it is on disk at each request: the
 * runs, a run's tasks with their settings and metrics summaries, a task's metric series and its logs. A
 * task still running has no summary in its record yet: it is folded from its metrics file, which is read
 * only from where the last request left off. Numbers JSON cannot hold (NaN, infinities) travel as the
 * strings "NaN", "Infinity" and "-Infinity". */
import { statSync } from "node:fs";
import { basename, join } from "node:path";
import { KogineError } from "./errors.js";
import { type LogChunk, readLogChunk } from "./log-tail.js";
import { type MetricSummary, metricsPath, readMetrics, summarizeMetrics } from "./metrics-file.js";
import { listRunIds, type Manifest, RunStore, type TaskRecord } from "./run-store.js";
import { isRawValue, type TaskSpec } from "./task-spec.js";

/** A run as the runs list shows it. */
export interface RunSummary {
  id: string;
  name: string;
  mode: Manifest["mode"];
  status: Manifest["status"];
  launcher: string;
  scripts: string[];
  createdAt: string;
  updatedAt: string;
  tasks: number;
  counts: Manifest["counts"];
}

/** A task as the tasks table shows it: its record, the settings it ran under and its metrics' summaries. */
export interface TaskRow {
  index: number;
  step: number;
  script: string;
  label: string;
  status: TaskRecord["status"];
  attempts: number;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  failure: TaskRecord["failure"];
  settings: Record<string, unknown>;
  metrics: Record<string, MetricSummary>;
}

export interface RunDetail {
  run: RunSummary;
  /** The settings whose values differ between the run's tasks, in first-seen order. */
  varied: string[];
  /** Every metric any task logged, sorted. */
  metrics: string[];
  tasks: TaskRow[];
}

/** One metric series chunk of a task: `log` calls from byte `from` on, and where the next read starts. */
export interface MetricSeries {
  rows: { step: number; time: number; values: Record<string, number | string> }[];
  next: number;
}

export class RunBrowserData {
  /** Per running task's metrics file: how far it was read, and the summaries of what was read. */
  private readonly followed = new Map<
    string,
    { offset: number; size: number; summary: Record<string, MetricSummary> }
  >();

  constructor(readonly root: string) {}

  runs(): RunSummary[] {
    return listRunIds(this.root).flatMap((id) => {
      try {
        return [runSummary(RunStore.open(join(this.root, id)).snapshot())];
      } catch {
        return []; // a manifest half-written by a run starting this very moment: it shows at the next poll
      }
    });
  }

  run(id: string): RunDetail {
    const store = this.open(id);
    const manifest = store.snapshot();
    const tasks = manifest.tasks.map((record) => this.taskRow(store, record));
    const metrics = [...new Set(tasks.flatMap((t) => Object.keys(t.metrics)))].sort();
    for (const task of tasks) task.metrics = finiteOrText(task.metrics) as Record<string, MetricSummary>;
    return { run: runSummary(manifest), varied: variedSettings(tasks), metrics, tasks };
  }

  metricSeries(id: string, index: number, from: number): MetricSeries {
    const store = this.open(id);
    const chunk = readMetrics(metricsPath(this.taskDir(store, index)), from);
    return {
      rows: chunk.entries.map((e) => ({ ...e, values: finiteOrText(e.values) as Record<string, number | string> })),
      next: chunk.nextOffset,
    };
  }

  log(id: string, index: number, stream: "stdout" | "stderr", from: number | undefined): LogChunk {
    const store = this.open(id);
    return readLogChunk(join(this.taskDir(store, index), `${stream}.log`), from);
  }

  /** Only ids the store lists are opened: a request cannot name a directory outside it. */
  private open(id: string): RunStore {
    if (!listRunIds(this.root).includes(id)) throw new KogineError(`no run "${id}" under ${this.root}`);
    return RunStore.open(join(this.root, id));
  }

  private taskDir(store: RunStore, index: number): string {
    if (!store.record(index)) throw new KogineError(`run ${store.id} has no task ${index}`);
    return store.taskDir(index);
  }

  private taskRow(store: RunStore, record: TaskRecord): TaskRow {
    const recorded = (record as TaskRecord & { metrics?: Record<string, MetricSummary> | null }).metrics;
    return {
      index: record.index,
      step: record.step,
      script: record.script,
      label: record.label,
      status: record.status,
      attempts: record.attempts,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      durationMs: record.durationMs,
      failure: record.failure,
      settings: taskSettings(store, record.index),
      metrics: structuredClone(recorded ?? this.followedSummary(store.taskDir(record.index))),
    };
  }

  /** The summaries of a metrics file without one in its record (a running task), read on from last time. */
  private followedSummary(taskDir: string): Record<string, MetricSummary> {
    const path = metricsPath(taskDir);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return {};
    }
    let followed = this.followed.get(path);
    if (!followed || size < followed.size) {
      followed = { offset: 0, size: 0, summary: {} };
      this.followed.set(path, followed);
    }
    if (size > followed.offset) {
      const chunk = readMetrics(path, followed.offset);
      summarizeMetrics(chunk.entries, followed.summary);
      followed.offset = chunk.nextOffset;
    }
    followed.size = size;
    return followed.summary;
  }
}

function runSummary(manifest: Manifest): RunSummary {
  return {
    id: manifest.id,
    name: manifest.name,
    mode: manifest.mode,
    status: manifest.status,
    launcher: manifest.launcher,
    scripts: manifest.invocation.steps.map((step) => basename(step.script)),
    createdAt: manifest.createdAt,
    updatedAt: manifest.updatedAt,
    tasks: manifest.tasks.length,
    counts: manifest.counts,
  };
}

/**
 * The values a task ran under: its resolved config's globals once it has run (as the task process coerced
 * them), before that its config's values and its `--set`/`--sweep` overrides as planned.
 */
function taskSettings(store: RunStore, index: number): Record<string, unknown> {
  const resolved = store.resolvedConfig(index);
  if (resolved) return resolved.globals;
  const spec = store.readJson<TaskSpec>(index, "spec.json");
  if (!spec) return {};
  const planned = spec.config?.kind === "values" ? { ...spec.config.values.globals } : {};
  for (const [key, value] of Object.entries(spec.overrides))
    planned[key] = isRawValue(value) ? rawGuess(value.$raw) : value;
  return planned;
}

/** A value typed on the command line, read as JSON where it is (numbers, lists), else as the text typed. */
function rawGuess(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function variedSettings(tasks: readonly TaskRow[]): string[] {
  const seen = new Map<string, Set<string>>();
  for (const task of tasks)
    for (const [key, value] of Object.entries(task.settings)) {
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(JSON.stringify(value));
    }
  return [...seen]
    .filter(([key, values]) => values.size > 1 || tasks.some((t) => !(key in t.settings)))
    .map(([k]) => k);
}

/** A copy with non-finite numbers as the text Python's json writes for them. */
function finiteOrText(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value, (_key, item) => (typeof item === "number" && !Number.isFinite(item) ? String(item) : item)),
  );
}
