// The TypeScript SDK: open a store, then createTask, execute, executeBatch, feedback, status,
// rollback on the returned Loopai.

import { Loopai, type LoopaiOptions } from "./loop.js";
import { openStore } from "./store.js";

export const DEFAULT_DB = ".loopai/loopai.db";

/**
 * Opens the store at `db` (a SQLite file, created if needed, or a PostgreSQL URL) and returns the
 * loop over it.
 */
export async function openLoopai(
  db = process.env.LOOPAI_DB ?? DEFAULT_DB,
  options: Omit<LoopaiOptions, "store"> = {},
): Promise<Loopai> {
  return new Loopai({ ...options, store: await openStore(db) });
}

export { costReduction } from "./cost.js";
export { LoopaiError } from "./errors.js";
export { compileDataProgram } from "./interpreter.js";
export { type ExecuteResult, Loopai, type LoopaiOptions } from "./loop.js";
export { DatasetOracle } from "./oracles/dataset.js";
export { HumanReviewOracle } from "./oracles/human.js";
export { LlmOracle } from "./oracles/llm.js";
export type { Oracle, OracleResult } from "./oracles/oracle.js";
export * from "./programs.js";
export * from "./providers/index.js";
export { createSamplingPolicy } from "./sampling.js";
export { loadSpecFile, parseSpec, type TaskSpec, taskSpecSchema, validateSpec } from "./spec.js";
export type { TaskStatus } from "./status.js";
export { type LoopaiStore, openStore, PostgresStore, SqliteStore } from "./store.js";
export { synthesize } from "./synthesizers/router.js";
export { WorkerPool } from "./worker-pool.js";
