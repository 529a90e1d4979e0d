/** A search trial's value of the metric it optimises: what it returned, else the best it logged. */
import type { TaskRecord } from "./run-store.js";
import type { Direction } from "./search-sampler.js";

/** The value of `metric` in a task's return value: a bare number, or a dict holding it; else null. */
export function returnedMetric(result: unknown, metric: string): number | null {
  if (typeof result === "number") return result;
  const held = typeof result === "object" && result !== null ? (result as Record<string, unknown>)[metric] : undefined;
  return typeof held === "number" ? held : null;
}

/** A finished trial's objective: the metric it returned, else the best per `direction` it logged; null
 * when neither (or NaN). */
export function trialObjective(
  record: TaskRecord,
  result: unknown,
  metric: string,
  direction: Direction,
): number | null {
  const logged = record.metrics?.[metric];
  const value = returnedMetric(result, metric) ?? (logged ? (direction === "min" ? logged.min : logged.max) : null);
  return value === null || Number.isNaN(value) ? null : value;
}
