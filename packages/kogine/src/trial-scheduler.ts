/** An early-stopping rule of a search: it reads the values running trials report, step by step, and says
 * when a trial is losing and should stop. */
import { AshaScheduler } from "./asha-scheduler.js";
import { MedianStoppingScheduler } from "./median-scheduler.js";
import type { Direction } from "./search-sampler.js";

export type SchedulerName = "asha" | "median";

export interface TrialScheduler {
  /** Trial `trial` reported `value` at `step` (steps of a trial come in increasing order): true when it
   * should stop now. Once told to stop, a trial is told so again at every report. */
  report(trial: number, step: number, value: number): boolean;
  /** The trial ended: `complete` trials are the references of the median rule. */
  finish(trial: number, state: "complete" | "pruned" | "failed"): void;
}

export function createScheduler(name: SchedulerName, direction: Direction): TrialScheduler {
  return name === "asha" ? new AshaScheduler({ direction }) : new MedianStoppingScheduler({ direction });
}

/** Whether `a` is strictly better than `b` in `direction`. */
export function better(a: number, b: number, direction: Direction): boolean {
  return direction === "min" ? a < b : a > b;
}
