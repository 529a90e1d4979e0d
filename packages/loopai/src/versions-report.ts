// A task's history as one document: every program version (without its program) and the audit log
// of activations, canary stages, promotions and rollbacks. `GET /v1/tasks/{task}/versions` serves it
// and `loopai versions TASK --json` prints the same document.

import type { ProgramVersion } from "./programs.js";
import type { AuditRow, LoopaiStore } from "./store.js";

/** A version as the report gives it: no program body; an accuracy never measured is null (as in JSON). */
export type VersionSummary = Omit<ProgramVersion, "body" | "accuracy"> & {
  accuracy: { estimate: number | null; low: number; high: number };
};

export interface VersionsReport {
  task: string;
  versions: VersionSummary[];
  audit: AuditRow[];
}

/**
 * The task's versions, oldest first, and its audit log in order, read from the store. The task is
 * not checked here: a caller that must refuse an unknown task does so first.
 */
export async function versionsReport(store: LoopaiStore, task: string): Promise<VersionsReport> {
  // The keys in the store's order (the accuracy replaced in place), as `JSON.stringify` writes them.
  const versions = (await store.versions(task)).map(({ body: _program, ...version }) => ({
    ...version,
    accuracy: {
      ...version.accuracy,
      estimate: Number.isFinite(version.accuracy.estimate) ? version.accuracy.estimate : null,
    },
  }));
  return { task, versions, audit: await store.auditLog(task) };
}
