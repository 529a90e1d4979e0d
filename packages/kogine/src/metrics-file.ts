/** A task's metrics stream, `<taskdir>/metrics.jsonl`: one extended-JSON object per `log` call of the script,
 * `{"step": <int>, "time": <unix seconds>, "<metric>": <number>, ...}`. Its readers (the task's record, the
 * search scheduler, the run browser) follow it while the task writes it: `readMetrics` starts at a byte
 * offset and stops before a last line not yet complete, so the next read picks that line up whole. */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseExtendedJson } from "./extended-json.js";

/** The file names in a task's directory, and the environment variables that tell a task where they are. */
export const METRICS_FILE = "metrics.jsonl";
export const STOP_FILE = "stop";
export const METRICS_FILE_VARIABLE = "KOGINE_METRICS_FILE";
export const STOP_FILE_VARIABLE = "KOGINE_STOP_FILE";

export function metricsPath(taskDir: string): string {
  return join(taskDir, METRICS_FILE);
}

export function stopPath(taskDir: string): string {
  return join(taskDir, STOP_FILE);
}

/** Asks the task in `taskDir` to stop: its stop file, holding when and the grace before it is killed (the
 * script only looks for the file; a process other than the one that asked, `kogine task` for Slurm, reads
 * the grace: stopGraceOf). */
export function writeStopRequest(taskDir: string, graceMs: number): void {
  writeFileSync(stopPath(taskDir), `${new Date().toISOString()} ${graceMs}\n`);
}

/** For a task run in another process than the one that asks it to stop (a Slurm element, a BullMQ worker):
 * looks for its stop file every second and calls `listener` with the grace the file holds (`fallbackMs`
 * if none) once it is there. Returns the unsubscribe. */
export function watchStopFile(taskDir: string, fallbackMs: number) {
  return (listener: (graceMs: number) => void): (() => void) => {
    const timer = setInterval(() => {
      const graceMs = stopGraceOf(taskDir, fallbackMs);
      if (graceMs === null) return;
      clearInterval(timer);
      listener(graceMs);
    }, STOP_POLL_MS);
    return () => clearInterval(timer);
  };
}

const STOP_POLL_MS = 1000;

/** The grace of the stop asked of the task in `taskDir`, or null if none was asked; `fallbackMs` for a stop
 * file without one (or caught half-written). */
function stopGraceOf(taskDir: string, fallbackMs: number): number | null {
  let text: string;
  try {
    text = readFileSync(stopPath(taskDir), "utf8");
  } catch {
    return null;
  }
  const grace = Number(text.trim().split(" ")[1]);
  return Number.isFinite(grace) && grace >= 0 ? grace : fallbackMs;
}

/** The variables every task process gets (see metricsPath and stopPath). */
export function metricsEnvironment(taskDir: string): Record<string, string> {
  return { [METRICS_FILE_VARIABLE]: metricsPath(taskDir), [STOP_FILE_VARIABLE]: stopPath(taskDir) };
}

/** One `log` call: its step, when it was made, and the metrics' values. */
export interface MetricsEntry {
  step: number;
  time: number;
  values: Record<string, number>;
}

export interface MetricsChunk {
  entries: MetricsEntry[];
  /** Where the next read starts: just after the last complete line read. */
  nextOffset: number;
  /** Lines that were not a metrics object (a damaged file), with their byte offsets. */
  skipped: { offset: number; text: string }[];
}

/** Reads the complete lines from `offset` on. A missing file reads as empty. */
export function readMetrics(path: string, offset = 0): MetricsChunk {
  const { lines, nextOffset } = readCompleteLines(path, offset);
  const chunk: MetricsChunk = { entries: [], nextOffset, skipped: [] };
  let start = 0;
  for (let end = lines.indexOf(10); end !== -1; start = end + 1, end = lines.indexOf(10, start)) {
    const text = lines.toString("utf8", start, end).trim();
    if (!text) continue;
    const entry = parseEntry(text);
    if (entry) chunk.entries.push(entry);
    else chunk.skipped.push({ offset: offset + start, text });
  }
  return chunk;
}

/** The bytes of `path` from `offset` up to the end of its last complete line (a line still being written
 * is left for the next read), and where the next read starts. */
export function readCompleteLines(path: string, offset = 0): { lines: Buffer; nextOffset: number } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { lines: Buffer.alloc(0), nextOffset: offset };
    throw error;
  }
  let bytes: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return { lines: Buffer.alloc(0), nextOffset: offset };
    bytes = Buffer.allocUnsafe(size - offset);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  const complete = bytes.lastIndexOf(10) + 1;
  return { lines: bytes.subarray(0, complete), nextOffset: offset + complete };
}

function parseEntry(text: string): MetricsEntry | null {
  let parsed: unknown;
  try {
    parsed = parseExtendedJson(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const { step, time, ...rest } = parsed as Record<string, unknown>;
  if (typeof step !== "number" || typeof time !== "number") return null;
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries(rest)) if (typeof value === "number") values[name] = value;
  return { step, time, values };
}

/** What a task's record keeps of each metric. `min`/`max` ignore NaN (null when every value was NaN). */
export interface MetricSummary {
  last: number;
  min: number | null;
  max: number | null;
  count: number;
  lastStep: number;
}

/** Folds entries into per-metric summaries; feed it chunk after chunk as a file grows. */
export function summarizeMetrics(
  entries: readonly MetricsEntry[],
  into: Record<string, MetricSummary> = {},
): Record<string, MetricSummary> {
  for (const { step, values } of entries) {
    for (const [name, value] of Object.entries(values)) {
      into[name] ??= { last: value, min: null, max: null, count: 0, lastStep: step };
      const summary = into[name];
      summary.last = value;
      summary.lastStep = step;
      summary.count++;
      if (!Number.isNaN(value)) {
        summary.min = summary.min === null ? value : Math.min(summary.min, value);
        summary.max = summary.max === null ? value : Math.max(summary.max, value);
      }
    }
  }
  return into;
}

/** The summaries of a task's whole metrics file, or null when it logged nothing. */
export function summarizeMetricsFile(taskDir: string): Record<string, MetricSummary> | null {
  const { entries } = readMetrics(metricsPath(taskDir));
  return entries.length === 0 ? null : summarizeMetrics(entries);
}
