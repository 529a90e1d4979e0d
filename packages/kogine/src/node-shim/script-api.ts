/** What a JS/TS script or config run by kogine can import from "kogine" (or "kohakuengine"). */
export { Config, ConfigGenerator } from "../config.js";
export { log, shouldStop } from "./metrics-log.js";

const ENTRYPOINT_MARK = Symbol.for("kogine.entrypoint");

type AnyFunction = (...args: never[]) => unknown;

/** Marks the function kogine calls, ahead of the main guard and a function named `main`. */
export function entrypoint<F extends AnyFunction>(fn: F): F {
  Object.defineProperty(fn, ENTRYPOINT_MARK, { value: true });
  const state = (globalThis as { __kogine__?: { marked: AnyFunction[] } }).__kogine__;
  state?.marked.push(fn);
  return fn;
}

export function isMarkedEntrypoint(value: unknown): boolean {
  return typeof value === "function" && (value as unknown as Record<symbol, unknown>)[ENTRYPOINT_MARK] === true;
}

/** The run's context inside a task: worker slot, task index, and in a pipeline the earlier results. */
export function taskContext(): { workerId: number; taskIndex: number; prev: unknown; results: unknown[] } {
  const state = (globalThis as { __kogine__?: { context: { prev?: unknown; results?: unknown[] } } }).__kogine__;
  return {
    workerId: Number(process.env.KOGINE_WORKER_ID ?? 0),
    taskIndex: Number(process.env.KOGINE_TASK_INDEX ?? 0),
    prev: state?.context.prev ?? null,
    results: state?.context.results ?? [],
  };
}
