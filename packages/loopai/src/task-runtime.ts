// What a process keeps in memory per task while it serves: the spec and the checks built from it,
// the oracle and its queue, compiled programs, counters not yet written, the canary's clock, and
// the label counts that decide when to regenerate.

import { OracleQueue } from "./oracle-queue.js";
import type { Oracle } from "./oracles/oracle.js";
import type { Answer } from "./programs.js";
import { createSamplingPolicy, type SamplingPolicy } from "./sampling.js";
import type { TaskSpec } from "./spec.js";
import type { ExecutionCounters, TaskState } from "./store.js";
import { inputChecker, outputChecker } from "./validation.js";

export type Runner = (input: unknown) => Answer | Promise<Answer>;

export interface TaskRuntime {
  spec: TaskSpec;
  policy: SamplingPolicy;
  check: (o: unknown) => string | undefined;
  /** Why an input cannot be answered (its type, schema or size), or undefined. */
  checkInput: (input: unknown) => string | undefined;
  /**
   * The oracle's answers by input (oracleKey), read from the store when first needed: an input the
   * oracle answered once is never paid for again.
   */
  answers?: Map<string, unknown>;
  oracle: Oracle;
  queue: OracleQueue;
  runners: Map<number, Runner>;
  counters: Map<number, ExecutionCounters>;
  pendingFlush: number;
  labelsAtTraining: number;
  labelsNow: number;
  /** The last AGREEMENT_WINDOW comparisons of a program's answer with a trusted one. */
  recent: boolean[];
  oracleCalls: number;
  /** Which version serves and the canary, re-read at most once a second (another process may roll back or promote). */
  row?: TaskState;
  rowAt: number;
  /** The read of it in flight, shared by the requests that need it. */
  rowRead?: Promise<TaskState | undefined>;
  /**
   * Requests served for a canary stage and not yet written to the store: the stage clock ticks on
   * every request, and a store write per request would cost more than the program does.
   */
  canaryClock?: { candidate: number; stage: number; requests: number };
  /** The version the sampling policy has been seeing. */
  policyVersion?: number | null;
  improving?: Promise<unknown>;
  /** When new labels may start the next training (performance.now()): see improvement.maxTrainingShare. */
  nextTrainingAt: number;
}

export function createRuntime(
  spec: TaskSpec,
  oracle: Oracle,
  known: { labels: number; labelsAtTraining: number; oracleCalls: number },
): TaskRuntime {
  return {
    spec,
    policy: createSamplingPolicy(spec.sampling, spec.accuracyTarget),
    check: outputChecker(spec),
    checkInput: inputChecker(spec),
    oracle,
    queue: new OracleQueue(spec.serving.oracleConcurrency, spec.serving.oracleBacklog),
    runners: new Map(),
    counters: new Map(),
    pendingFlush: 0,
    labelsAtTraining: known.labelsAtTraining,
    labelsNow: known.labels,
    recent: [],
    oracleCalls: known.oracleCalls,
    rowAt: 0,
    nextTrainingAt: 0,
  };
}

export const newCounters = (): ExecutionCounters => ({
  requests: 0,
  programAnswers: 0,
  fallbackAnswers: 0,
  oracleAnswers: 0,
  unanswered: 0,
  errors: 0,
  execMicros: 0,
});

export function countersOf(rt: TaskRuntime, version: number): ExecutionCounters {
  let c = rt.counters.get(version);
  if (!c) {
    c = newCounters();
    rt.counters.set(version, c);
  }
  return c;
}
