/** `log` and `shouldStop` from "kogine": a task's metrics stream and its early-stop request (the file layout
 * is metrics-file.ts's). Outside kogine (KOGINE_METRICS_FILE unset) `log` returns at once and `shouldStop()`
 * is false, so a script runs unchanged under plain `node`. Under kogine, `log` adds a line to a buffer in
 * memory, written out every second by a timer that does not keep the process alive, at exit, and on
 * SIGINT/SIGTERM when the script has no listener of its own for them. */
import { appendFileSync, existsSync } from "node:fs";
import { stringifyExtendedJson } from "../extended-json.js";

const FLUSH_INTERVAL_MS = 1000;
const STOP_CHECK_INTERVAL_MS = 100;
const RESERVED = new Set(["step", "time"]);

interface Stream {
  path: string;
  pending: string[];
  nextStep: number;
}

let stream: Stream | null = null;

/** Records metric values for this task: `log({ step: 3, loss: 0.25, acc: 0.9 })`, or `log({ loss }, 3)`.
 * The step defaults to one more than the last step logged (0 first). */
export function log(metrics: Record<string, unknown>, step?: number): void {
  if (stream === null) {
    const path = process.env.KOGINE_METRICS_FILE;
    if (!path) return;
    stream = openStream(path);
  }
  if (typeof metrics !== "object" || metrics === null || Array.isArray(metrics))
    throw new TypeError(`kogine log(): expected an object of metric names to numbers, got ${describe(metrics)}`);
  const { step: stepInObject, ...values } = metrics;
  const line: Record<string, number> = {
    step: wholeStep(step ?? stepInObject ?? stream.nextStep),
    time: Date.now() / 1000,
  };
  for (const [name, value] of Object.entries(values)) {
    if (RESERVED.has(name)) throw new TypeError(`kogine log(): "${name}" is reserved; pass the step as step`);
    line[name] = metricNumber(name, value);
  }
  stream.nextStep = line.step + 1;
  stream.pending.push(`${stringifyExtendedJson(line)}\n`);
}

function openStream(path: string): Stream {
  const opened: Stream = { path, pending: [], nextStep: 0 };
  const flush = () => {
    if (opened.pending.length === 0) return;
    const text = opened.pending.join("");
    opened.pending.length = 0;
    // One write of whole lines: a reader sees a line complete or not yet (it stops before a partial one).
    appendFileSync(opened.path, text);
  };
  setInterval(flush, FLUSH_INTERVAL_MS).unref();
  process.on("exit", flush);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // A listener of ours would keep the process from ending by the signal; it flushes and, unless the
    // script listens too, ends it by that signal as the default would have.
    const onSignal = () => {
      flush();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    if (process.listenerCount(signal) === 0) process.once(signal, onSignal);
  }
  return opened;
}

function wholeStep(step: unknown): number {
  if (typeof step === "bigint") return Number(step);
  if (typeof step !== "number" || !Number.isInteger(step))
    throw new TypeError(`kogine log(): step must be a whole number, got ${describe(step)}`);
  return step;
}

function metricNumber(name: string, value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw new TypeError(`kogine log(): metric "${name}" must be a number, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `string ${JSON.stringify(value)}`;
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return `${typeof value} ${String(value)}`;
}

let stopCheckedAt = Number.NEGATIVE_INFINITY;
let stopRequested = false;

/** True once kogine has asked this task to stop early (a search pruning it). Cheap to call every step: it
 * looks at the stop file at most every 100 ms. Always false outside kogine. */
export function shouldStop(): boolean {
  if (stopRequested) return true;
  const path = process.env.KOGINE_STOP_FILE;
  if (!path) return false;
  const now = performance.now();
  if (now - stopCheckedAt < STOP_CHECK_INTERVAL_MS) return false;
  stopCheckedAt = now;
  stopRequested = existsSync(path);
  return stopRequested;
}
