/** The median stopping rule (Google Vizier; Optuna's `MedianPruner`): once `startupTrials` trials have
 * completed, a trial at step s (s >= `warmupSteps`) stops when the best value it has reported so far is
 * worse than the median, over the completed trials that got to step s, of their running averages up to s
 * (the mean of the values each reported at steps <= s). */
import type { Direction } from "./search-sampler.js";
import { better, type TrialScheduler } from "./trial-scheduler.js";

export interface MedianOptions {
  direction: Direction;
  /** Completed trials needed before any trial is stopped. */
  startupTrials?: number;
  /** No trial stops at a step below this. */
  warmupSteps?: number;
}

interface Curve {
  steps: number[];
  values: number[];
  best: number;
}

export class MedianStoppingScheduler implements TrialScheduler {
  readonly startupTrials: number;
  readonly warmupSteps: number;
  private readonly direction: Direction;
  private readonly curves = new Map<number, Curve>();
  private readonly completed: Curve[] = [];
  private readonly stopped = new Set<number>();

  constructor(options: MedianOptions) {
    this.direction = options.direction;
    this.startupTrials = options.startupTrials ?? 5;
    this.warmupSteps = options.warmupSteps ?? 0;
  }

  report(trial: number, step: number, value: number): boolean {
    if (this.stopped.has(trial)) return true;
    const curve = this.curve(trial);
    curve.steps.push(step);
    curve.values.push(value);
    if (!Number.isNaN(value) && (Number.isNaN(curve.best) || better(value, curve.best, this.direction)))
      curve.best = value;
    if (this.completed.length < this.startupTrials || step < this.warmupSteps) return false;
    if (Number.isNaN(curve.best)) return this.stop(trial);
    const averages = this.completed.flatMap((c) => {
      if (c.steps.length === 0 || c.steps[c.steps.length - 1] < step) return [];
      const upTo = c.values.filter((v, i) => c.steps[i] <= step && !Number.isNaN(v));
      return upTo.length === 0 ? [] : [upTo.reduce((a, b) => a + b, 0) / upTo.length];
    });
    if (averages.length === 0) return false;
    return better(median(averages), curve.best, this.direction) ? this.stop(trial) : false;
  }

  finish(trial: number, state: "complete" | "pruned" | "failed"): void {
    if (state === "complete") this.completed.push(this.curve(trial));
  }

  private curve(trial: number): Curve {
    let curve = this.curves.get(trial);
    if (!curve) {
      curve = { steps: [], values: [], best: Number.NaN };
      this.curves.set(trial, curve);
    }
    return curve;
  }

  private stop(trial: number): boolean {
    this.stopped.add(trial);
    return true;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
