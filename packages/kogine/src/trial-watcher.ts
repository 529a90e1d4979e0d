/** Follows the metrics files of a search's running trials for its scheduler (ASHA, the median rule), and
 * asks a trial the scheduler judges losing to stop (RunStore.requestStop: it ends `pruned`). */
import { existsSync, statSync } from "node:fs";
import { metricsPath, readMetrics } from "./metrics-file.js";
import type { RunStore, TaskRecord, TaskStatus } from "./run-store.js";
import type { TrialScheduler } from "./trial-scheduler.js";

const ENDED: readonly TaskStatus[] = ["succeeded", "pruned", "failed", "interrupted", "skipped"];

export class TrialWatcher {
  /** Running trial -> where the next read of its metrics file starts. */
  private readonly offsets = new Map<number, number>();

  constructor(
    private readonly run: RunStore,
    private readonly metric: string,
    private readonly scheduler: TrialScheduler,
  ) {}

  /** A trial that ended before this process: its values shape the rungs and medians all the same. */
  replay(record: TaskRecord): void {
    for (const entry of readMetrics(metricsPath(this.run.taskDir(record.index))).entries) {
      const value = entry.values[this.metric];
      if (value !== undefined) this.scheduler.report(record.index, entry.step, value);
    }
    this.scheduler.finish(record.index, endState(record.status));
  }

  /** Starts following a trial about to run, from the end of its metrics file so far (a trial run again
   * appends to it). */
  watch(index: number): void {
    const path = metricsPath(this.run.taskDir(index));
    this.offsets.set(index, existsSync(path) ? statSync(path).size : 0);
  }

  poll(): void {
    for (const index of this.offsets.keys()) this.read(index);
  }

  ended(record: TaskRecord): void {
    if (!this.offsets.has(record.index) || !ENDED.includes(record.status)) return;
    this.read(record.index);
    this.offsets.delete(record.index);
    this.scheduler.finish(record.index, endState(record.status));
  }

  private read(index: number): void {
    const chunk = readMetrics(metricsPath(this.run.taskDir(index)), this.offsets.get(index));
    this.offsets.set(index, chunk.nextOffset);
    for (const entry of chunk.entries) {
      const value = entry.values[this.metric];
      if (value === undefined) continue;
      if (this.scheduler.report(index, entry.step, value) && !this.run.stopRequested(index))
        this.run.requestStop(index);
    }
  }
}

function endState(status: TaskStatus): "complete" | "pruned" | "failed" {
  return status === "succeeded" ? "complete" : status === "pruned" ? "pruned" : "failed";
}
