/** `kogine runs compare RUN`: one row per task, with the settings that vary between the run's tasks, its
 * status and duration, and each metric's last and best value (from the task records' metric summaries).
 *
 * Which end of a metric is best: `--mode` for the `--sort` metric (for every metric without `--sort`);
 * else the run's own `mode` for its `metric` when the run was a search; else the metric's name decides:
 * a name with a word loss, err, error, mse, mae, rmse, perplexity or nll in it (words split at anything
 * but letters and digits: `val_loss`, `train/err`) is best at its minimum, any other at its maximum. */
import { basename } from "node:path";
import type { ConfigDescription } from "./display-value.js";
import { KogineError } from "./errors.js";
import { stringifyExtendedJson } from "./extended-json.js";
import type { MetricSummary } from "./metrics-file.js";
import type { Manifest, RunStore, TaskRecord } from "./run-store.js";
import { isRawValue, type TaskSpec } from "./task-spec.js";
import { returnedMetric } from "./trial-objective.js";

export type MetricMode = "min" | "max";
export type CompareFormat = "table" | "csv" | "json";

export interface CompareOptions {
  sort?: string;
  mode?: MetricMode;
  format: CompareFormat;
}

export interface ComparedTask {
  index: number;
  label: string;
  /** The task's values of the settings that differ between the run's tasks. */
  settings: Record<string, unknown>;
  status: TaskRecord["status"];
  durationMs: number | null;
  metrics: Record<string, { last: number; best: number | null; mode: MetricMode }>;
}

const LOWER_IS_BETTER = new Set(["loss", "err", "error", "mse", "mae", "rmse", "perplexity", "nll"]);

/** The end of `metric` that is best by its name alone (see the module's comment). */
export function modeByName(metric: string): MetricMode {
  return metric
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => LOWER_IS_BETTER.has(word))
    ? "min"
    : "max";
}

/** The run's tasks compared, best first by `options.sort` (or by the search's metric), else by index. */
export function compareRun(store: RunStore, options: Omit<CompareOptions, "format">): ComparedTask[] {
  const run = store.snapshot();
  const search = searchGoal(run);
  const sortMetric = options.sort ?? search?.metric;
  const modeOf = (metric: string): MetricMode => {
    if (options.mode && (options.sort === undefined || metric === options.sort)) return options.mode;
    if (search && metric === search.metric) return search.mode;
    return modeByName(metric);
  };
  const allSettings = run.tasks.map((task) => taskSettings(store, task));
  const varied = variedKeys(allSettings);
  const rows = run.tasks.map((task, i): ComparedTask => {
    const metrics: ComparedTask["metrics"] = {};
    for (const [name, summary] of Object.entries(task.metrics ?? {})) {
      const mode = modeOf(name);
      metrics[name] = { last: summary.last, best: bestOf(summary, mode), mode };
    }
    // A search's trial that returned its metric without logging it: the returned value is its result.
    const returned =
      search && !metrics[search.metric] && task.status === "succeeded"
        ? returnedMetric(store.result(task.index), search.metric)
        : null;
    if (search && returned !== null) metrics[search.metric] = { last: returned, best: returned, mode: search.mode };
    return {
      index: task.index,
      label: task.label,
      settings: Object.fromEntries(varied.map((key) => [key, allSettings[i][key]])),
      status: task.status,
      durationMs: task.durationMs,
      metrics,
    };
  });
  if (sortMetric !== undefined) {
    if (options.sort !== undefined && !rows.some((row) => sortMetric in row.metrics)) {
      const known = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))];
      throw new KogineError(
        `--sort ${sortMetric}: no task of run ${run.id} logged that metric (${known.length > 0 ? `logged: ${known.join(", ")}` : "no metrics logged"})`,
      );
    }
    const sign = modeOf(sortMetric) === "min" ? 1 : -1;
    const key = (row: ComparedTask) => row.metrics[sortMetric]?.best ?? null;
    rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === null || y === null) return x === null ? (y === null ? a.index - b.index : 1) : -1;
      return sign * (x - y) || a.index - b.index;
    });
  }
  return rows;
}

export function formatComparison(rows: ComparedTask[], format: CompareFormat): string {
  if (format === "json") return `${stringifyExtendedJson(rows, 2)}\n`;
  const settingKeys = [...new Set(rows.flatMap((row) => Object.keys(row.settings)))];
  const metricNames = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))].sort();
  if (format === "csv") {
    const header = [
      "index",
      ...settingKeys,
      "status",
      "duration_s",
      ...metricNames.flatMap((m) => [`${m}.last`, `${m}.best`]),
    ];
    const lines = rows.map((row) => [
      String(row.index),
      ...settingKeys.map((key) => settingText(row.settings[key])),
      row.status,
      row.durationMs === null ? "" : String(row.durationMs / 1000),
      ...metricNames.flatMap((m) => [numberText(row.metrics[m]?.last), numberText(row.metrics[m]?.best)]),
    ]);
    return [header, ...lines].map((cells) => `${cells.map(csvCell).join(",")}\r\n`).join("");
  }
  const header = [
    "#",
    ...settingKeys,
    "status",
    "duration",
    ...metricNames.flatMap((m) => {
      const mode = rows.find((row) => row.metrics[m])?.metrics[m].mode;
      return [`${m} last`, `${m} ${mode === "min" ? "min" : "max"}`];
    }),
  ];
  const lines = rows.map((row) => [
    String(row.index),
    ...settingKeys.map((key) => settingText(row.settings[key])),
    row.status,
    row.durationMs === null ? "-" : `${(row.durationMs / 1000).toFixed(2)}s`,
    ...metricNames.flatMap((m) => [shortNumber(row.metrics[m]?.last), shortNumber(row.metrics[m]?.best)]),
  ]);
  const numeric = header.map((_, column) =>
    lines.every((cells) => /^(-|[-+\d.e]+s?|NaN|-?Infinity)$/.test(cells[column])),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((cells) => cells[column].length)));
  const render = (cells: string[]) =>
    `${cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd()}\n`;
  return [header, ...lines].map(render).join("");
}

/** The search a run was, when its invocation says (`metric` and `metricMode`, written by `--search`). */
function searchGoal(run: Manifest): { metric: string; mode: MetricMode } | null {
  const { metric, metricMode: mode } = run.invocation as { metric?: unknown; metricMode?: unknown };
  if (typeof metric !== "string") return null;
  return { metric, mode: mode === "min" || mode === "max" ? mode : modeByName(metric) };
}

/** A task's settings: its resolved config's globals and keyword arguments once it has run, else what it was
 * planned with; and its script, for workflows of several. */
function taskSettings(store: RunStore, task: TaskRecord): Record<string, unknown> {
  const resolved = store.resolvedConfig(task.index);
  const spec = store.readJson<TaskSpec>(task.index, "spec.json");
  const planned = spec?.config?.kind === "values" ? (spec.config.values.globals ?? {}) : {};
  const values: Record<string, unknown> = {
    script: spec ? basename(spec.script) : task.script,
    ...(resolved ? resolvedValues(resolved) : { ...planned, ...rawOverrides(spec?.overrides ?? {}) }),
  };
  return values;
}

function resolvedValues(config: ConfigDescription): Record<string, unknown> {
  const kwargs = (config.kwargs ?? {}) as Record<string, unknown>;
  return { ...Object.fromEntries(Object.entries(kwargs).filter(([k]) => !(k in config.globals))), ...config.globals };
}

/** A value typed on the command line, before its task has coerced it to the script's default's type: as JSON
 * reads it (numbers, lists, true/false), else as typed. So a task not yet run compares equal to one that ran
 * with the same `--set epochs=30` (30, not "30"), and a sweep under way varies only in what it sweeps. */
function rawOverrides(overrides: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, isRawValue(v) ? jsonOrText(v.$raw) : v]));
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function variedKeys(settings: Record<string, unknown>[]): string[] {
  const keys = [...new Set(settings.flatMap((s) => Object.keys(s)))];
  return keys.filter((key) => new Set(settings.map((s) => stringifyExtendedJson(s[key] ?? null))).size > 1);
}

function bestOf(summary: MetricSummary, mode: MetricMode): number | null {
  return mode === "min" ? summary.min : summary.max;
}

function settingText(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : stringifyExtendedJson(value);
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

function shortNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "-";
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
