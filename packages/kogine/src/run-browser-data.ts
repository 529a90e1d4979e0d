/** What the run browser (`kogine ui`) shows, read from the run store as it is on disk at each request: the
 * runs; a run's tasks as `kogine runs compare` has them (runs-compare.ts: varied settings, status, duration,
 * each metric's last and best value) with the rest of their records; a task's metric series; its logs. A
 * task still running has no metrics summary in its record yet: it gets one folded from its metrics file,
 * which is read on only from where the last request left off. Numbers JSON cannot hold (NaN, infinities)
 * travel as the strings "NaN", "Infinity" and "-Infinity". */
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { KogineError } from "./errors.js";
import { type LogChunk, readLogChunk } from "./log-tail.js";
import { type MetricSummary, metricsPath, readMetrics, summarizeMetrics } from "./metrics-file.js";
import { listRunIds, type Manifest, RunStore, type TaskRecord, taskDirOf } from "./run-store.js";
import { type ComparedTask, compareRun } from "./runs-compare.js";

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

/** A task as the tasks table shows it: its row of `kogine runs compare`, and more of its record. */
export interface TaskRow extends ComparedTask {
  step: number;
  script: string;
  attempts: number;
  startedAt: string | null;
  endedAt: string | null;
  failure: TaskRecord["failure"];
}

export interface RunDetail {
  run: RunSummary;
  /** The settings whose values differ between the run's tasks (the keys of each task's `settings`). */
  varied: string[];
  /** Every metric any task logged, sorted. */
  metrics: string[];
  /** In the order `kogine runs compare` gives: a search's best trial first, else by index. */
  tasks: TaskRow[];
}

/** One chunk of a task's metric series: its `log` calls from byte `from` on, and where the next read starts. */
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

  /** The summaries of runs that were not running when read, by the manifest's modification time then. */
  private readonly finishedRuns = new Map<string, { modified: number; summary: RunSummary }>();

  constructor(readonly root: string) {}

  runs(): RunSummary[] {
    return listRunIds(this.root).flatMap((id) => {
      const manifest = join(this.root, id, "manifest.json");
      try {
        // A run no process works on changes only when its manifest does (a resume rewrites it); a running
        // one, or one submitted to Slurm (whose tasks report in their own files), is read whole each time.
        const modified = statSync(manifest).mtimeMs;
        const known = this.finishedRuns.get(id);
        if (known?.modified === modified) return [known.summary];
        const summary = runSummary(RunStore.open(join(this.root, id)).snapshot());
        if (summary.status !== "running" && summary.status !== "submitted")
          this.finishedRuns.set(id, { modified, summary });
        return [summary];
      } catch {
        return []; // a manifest half-written by a run starting this very moment: it shows at the next poll
      }
    });
  }

  run(id: string): RunDetail {
    const store = this.open(id);
    // The summaries of running tasks go into this in-memory copy of their records only, for compareRun.
    for (const record of store.tasks)
      if (!record.metrics && record.status === "running")
        record.metrics = this.followedSummary(store.taskDir(record.index));
    const compared = compareRun(store, {});
    const tasks = compared.map((row): TaskRow => {
      const record = store.record(row.index)!;
      return {
        ...row,
        metrics: finiteOrText(row.metrics) as ComparedTask["metrics"],
        step: record.step,
        script: record.script,
        attempts: record.attempts,
        startedAt: record.startedAt,
        endedAt: record.endedAt,
        failure: record.failure,
      };
    });
    return {
      run: runSummary(store.snapshot()),
      varied: [...new Set(compared.flatMap((row) => Object.keys(row.settings)))],
      metrics: [...new Set(compared.flatMap((row) => Object.keys(row.metrics)))].sort(),
      tasks,
    };
  }

  metricSeries(id: string, index: number, from: number): MetricSeries {
    const chunk = readMetrics(metricsPath(this.taskDir(id, index)), from);
    return {
      rows: chunk.entries.map((e) => ({ ...e, values: finiteOrText(e.values) as Record<string, number | string> })),
      next: chunk.nextOffset,
    };
  }

  log(id: string, index: number, stream: "stdout" | "stderr", from: number | undefined): LogChunk {
    return readLogChunk(join(this.taskDir(id, index), `${stream}.log`), from);
  }

  private open(id: string): RunStore {
    return RunStore.open(this.runDir(id));
  }

  /** Only ids of the store's shape (`<date>/<name>`, as listRunIds lists them) are served: a request cannot
   * name a directory outside the store. */
  private runDir(id: string): string {
    const [date, name, ...rest] = id.split("/");
    const shaped = /^\d{4}-\d{2}-\d{2}$/.test(date ?? "") && name && name !== "." && name !== ".." && rest.length === 0;
    const dir = join(this.root, id);
    if (!shaped || !existsSync(join(dir, "manifest.json"))) throw new KogineError(`no run "${id}" under ${this.root}`);
    return dir;
  }

  /** A task's directory, without reading the run's records: the metrics and logs of every task of a big run
   * are asked for one request each. A planned task's directory exists (its spec is written at planning). */
  private taskDir(id: string, index: number): string {
    const dir = taskDirOf(this.runDir(id), index);
    if (!existsSync(dir)) throw new KogineError(`run ${id} has no task ${index}`);
    return dir;
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
    return structuredClone(followed.summary);
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

/** A copy with non-finite numbers as the text Python's json writes for them. */
function finiteOrText(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value, (_key, item) => (typeof item === "number" && !Number.isFinite(item) ? String(item) : item)),
  );
}
