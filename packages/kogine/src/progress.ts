/** What a run shows while it goes: a live line on a terminal (done, failed, running, ETA), plain lines
 * when output is a file or a pipe, or one JSON object per event with `--log-format json`. */
import { stringifyExtendedJson } from "./extended-json.js";
import type { TaskRecord } from "./run-store.js";
import type { TaskSpec } from "./task-spec.js";

export type LogFormat = "auto" | "plain" | "json" | "quiet";

export interface ProgressReporter {
  begin(total: number, alreadyDone: number): void;
  taskStarted(spec: TaskSpec, record: TaskRecord): void;
  taskRetrying(spec: TaskSpec, record: TaskRecord, delayMs: number, reason: string): void;
  taskFinished(spec: TaskSpec, record: TaskRecord, value: unknown): void;
  end(): void;
}

export function createReporter(format: LogFormat, echoing: boolean): ProgressReporter {
  if (format === "json") return new JsonLog();
  if (format === "quiet") return new SilentProgress();
  if (format === "auto" && process.stderr.isTTY && !echoing) return new LiveProgress();
  return new PlainProgress();
}

class Counts {
  total = 0;
  done = 0;
  failed = 0;
  running = 0;
  startedAt = Date.now();
  finishedThisRun = 0;

  line(): string {
    const remaining = this.total - this.done - this.failed;
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const rate = this.finishedThisRun / Math.max(elapsed, 0.001);
    const eta = this.finishedThisRun > 0 ? formatSeconds((remaining - this.running) / rate + this.running / rate) : "?";
    return `${this.done}/${this.total} done, ${this.failed} failed, ${this.running} running, ETA ${eta}`;
  }
}

export class SilentProgress implements ProgressReporter {
  begin(): void {}
  taskStarted(): void {}
  taskRetrying(): void {}
  taskFinished(): void {}
  end(): void {}
}

class PlainProgress implements ProgressReporter {
  protected counts = new Counts();

  begin(total: number, alreadyDone: number): void {
    this.counts.total = total;
    this.counts.done = alreadyDone;
  }

  taskStarted(_spec: TaskSpec, _record: TaskRecord): void {
    this.counts.running++;
  }

  taskRetrying(spec: TaskSpec, record: TaskRecord, delayMs: number, reason: string): void {
    this.print(
      `retry  [${spec.index}] ${spec.label}: attempt ${record.attempts} failed (${reason}); retrying in ${delayMs} ms`,
    );
  }

  taskFinished(spec: TaskSpec, record: TaskRecord, value: unknown): void {
    this.counts.running = Math.max(0, this.counts.running - 1);
    this.counts.finishedThisRun++;
    if (record.status === "succeeded" || record.status === "pruned") this.counts.done++;
    else if (record.status === "failed") this.counts.failed++;
    const seconds = ((record.durationMs ?? 0) / 1000).toFixed(2);
    const returned = record.status === "succeeded" || (record.status === "pruned" && !record.failure);
    const shown = returned ? ` -> ${abbreviate(stringifyExtendedJson(value))}` : `: ${record.failure?.message ?? ""}`;
    this.print(`${record.status.padEnd(9)} [${spec.index}] ${spec.label} (${seconds}s)${shown}`);
  }

  end(): void {}

  protected print(line: string): void {
    process.stderr.write(`kogine: ${line}\n`);
  }
}

class LiveProgress extends PlainProgress {
  private timer: NodeJS.Timeout | null = null;

  override begin(total: number, alreadyDone: number): void {
    super.begin(total, alreadyDone);
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  override taskStarted(spec: TaskSpec, record: TaskRecord): void {
    super.taskStarted(spec, record);
    this.draw();
  }

  override end(): void {
    if (this.timer) clearInterval(this.timer);
    this.draw();
    process.stderr.write("\n");
  }

  protected override print(line: string): void {
    // Finished tasks scroll above the live line; only failures and retries are worth a line of their own.
    if (!line.startsWith("succeeded")) process.stderr.write(`\r\x1b[2Kkogine: ${line}\n`);
    this.draw();
  }

  private draw(): void {
    const width = 24;
    const filled = Math.round((width * (this.counts.done + this.counts.failed)) / Math.max(this.counts.total, 1));
    const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
    process.stderr.write(`\r\x1b[2K[${bar}] ${this.counts.line()}`);
  }
}

class JsonLog implements ProgressReporter {
  begin(total: number, alreadyDone: number): void {
    this.emit({ event: "run-started", total, alreadyDone });
  }

  taskStarted(spec: TaskSpec, record: TaskRecord): void {
    this.emit({
      event: "task-started",
      index: spec.index,
      label: spec.label,
      attempt: record.attempts,
      workerId: record.workerId,
    });
  }

  taskRetrying(spec: TaskSpec, record: TaskRecord, delayMs: number, reason: string): void {
    this.emit({ event: "task-retrying", index: spec.index, attempt: record.attempts, delayMs, reason });
  }

  taskFinished(spec: TaskSpec, record: TaskRecord, value: unknown): void {
    this.emit({ event: "task-finished", ...record, label: spec.label, value });
  }

  end(): void {}

  private emit(event: Record<string, unknown>): void {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
  }
}

function abbreviate(text: string | undefined): string {
  if (text === undefined) return "null";
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}
