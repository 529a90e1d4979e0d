/** ASHA, asynchronous successive halving (Li et al. 2020; Optuna's `SuccessiveHalvingPruner`): rungs at
 * steps minResource * eta^k (1, 3, 9, 27, ... by default). When a trial's report reaches the next rung's
 * step, its value there joins the rung's values; it goes on only if it is among the best 1/eta of all
 * values the rung has seen (or the best, while the rung has fewer than eta), otherwise it stops. No trial
 * waits for others: a rung compares with whoever got there before. A NaN at a rung stops the trial. */
import type { Direction } from "./search-sampler.js";
import type { TrialScheduler } from "./trial-scheduler.js";

export interface AshaOptions {
  direction: Direction;
  /** eta: the share of a rung that goes on is 1/eta, and each rung is eta times further. */
  reductionFactor?: number;
  /** The step of the first rung (its grace period): no trial stops before it. */
  minResource?: number;
}

export class AshaScheduler implements TrialScheduler {
  readonly reductionFactor: number;
  readonly minResource: number;
  private readonly direction: Direction;
  /** rung -> trial -> the value it had on reaching the rung. */
  private readonly rungs: Array<Map<number, number>> = [];
  /** trial -> the next rung it has to pass. */
  private readonly nextRung = new Map<number, number>();
  private readonly stopped = new Set<number>();

  constructor(options: AshaOptions) {
    this.direction = options.direction;
    this.reductionFactor = options.reductionFactor ?? 3;
    this.minResource = options.minResource ?? 1;
  }

  rungStep(rung: number): number {
    return this.minResource * this.reductionFactor ** rung;
  }

  report(trial: number, step: number, value: number): boolean {
    if (this.stopped.has(trial)) return true;
    let rung = this.nextRung.get(trial) ?? 0;
    while (step >= this.rungStep(rung)) {
      if (Number.isNaN(value) || !this.promotable(rung, trial, value)) {
        this.stopped.add(trial);
        return true;
      }
      rung++;
      this.nextRung.set(trial, rung);
    }
    return false;
  }

  finish(_trial: number, _state: "complete" | "pruned" | "failed"): void {
    // A rung keeps the values of trials that ended: later trials are compared with them.
  }

  private promotable(rung: number, trial: number, value: number): boolean {
    this.rungs[rung] ??= new Map();
    const values = this.rungs[rung];
    values.set(trial, value);
    const sorted = [...values.values()].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    if (this.direction === "max") sorted.reverse();
    const cutoff = sorted[Math.max(0, Math.floor(sorted.length / this.reductionFactor) - 1)];
    return this.direction === "min" ? value <= cutoff : value >= cutoff;
  }
}
