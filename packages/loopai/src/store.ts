// What loopai keeps, behind one asynchronous interface (`LoopaiStore`): tasks, versions, labels,
// samples, oracle calls, failures, reviews, execution counters, the audit log and training leases.
// One implementation over SQL (stores/sql-store.ts) runs on SQLite (embedded, the default) and on
// PostgreSQL (many instances on one database); `openStore` picks one from a path or a URL.
//
// Every change of a task's state (its active version, its canary, its versions' statuses, a new
// version's number) goes through `updateTask`, a transaction that reads the task's row under a lock
// and applies what the caller decides from that row: two instances can never promote against a
// stale incumbent or number two versions alike.

import type { ProgramVersion, VersionStatus } from "./programs.js";
import type { TaskSpec } from "./spec.js";

export type LabelSource = "example" | "oracle" | "feedback" | "human";

export interface LabelRow {
  id: number;
  input: unknown;
  output: unknown;
  source: LabelSource;
}

export interface SampleRow {
  task: string;
  version: number;
  input: unknown;
  predicted: unknown;
  confidence: number;
  oracleOutput: unknown;
  agree: boolean | null;
  reason: string;
  error?: string;
  /** When it was stored (ISO 8601); set by the store. */
  createdAt?: string;
}

export interface FailureRow {
  id: number;
  task: string;
  version: number;
  input: unknown;
  predicted: unknown;
  expected: unknown;
  cluster: number | null;
}

export interface ReviewRow {
  id: number;
  task: string;
  version: number;
  input: unknown;
  predicted: unknown;
  confidence: number;
  status: "pending" | "done";
  label: unknown;
}

export interface AuditRow {
  id: number;
  task: string;
  at: string;
  action: string;
  fromVersion: number | null;
  toVersion: number | null;
  detail: unknown;
}

export interface OracleCallRow {
  task: string;
  oracle: string;
  input: unknown;
  output: unknown;
  valid: boolean;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  error?: string;
}

/** Counters per task and version, accumulated in memory and added to the store in batches. */
export interface ExecutionCounters {
  requests: number;
  programAnswers: number;
  fallbackAnswers: number;
  oracleAnswers: number;
  unanswered: number;
  errors: number;
  execMicros: number;
}

/** What decides which program answers a request: read once a second by every serving process. */
export interface TaskState {
  activeVersion: number | null;
  canary: CanaryState | null;
}

export interface TaskRow extends TaskState {
  name: string;
  spec: TaskSpec;
}

export interface CanaryState {
  candidate: number;
  incumbent: number;
  /** Index into the spec's canaryStages: the candidate's share of traffic. */
  stage: number;
  /** Requests served (by either program) since the stage began: the stage's clock. */
  stageRequests: number;
  /**
   * Paired comparisons over the whole canary (every labelled request, both programs answering):
   * how many, how many each program got right, and the discordant pairs McNemar's test uses.
   */
  pairs: number;
  candidateAgree: number;
  incumbentAgree: number;
  candidateOnly: number;
  incumbentOnly: number;
  awaitingApproval: boolean;
}

export interface AuditEntry {
  action: string;
  fromVersion: number | null;
  toVersion: number | null;
  detail?: unknown;
}

/** What a task-state transaction changes; every field is optional. */
export interface TaskChange {
  activeVersion?: number | null;
  canary?: CanaryState | null;
  statuses?: { version: number; status: VersionStatus }[];
  /** A version to save under the number the transaction reserved (`next` of the decision). */
  newVersion?: ProgramVersion;
  audit?: AuditEntry[];
}

export interface LoopaiStore {
  /** `sqlite` or `postgres`: for messages. */
  readonly kind: string;
  saveTask(spec: TaskSpec): Promise<void>;
  getTask(name: string): Promise<TaskRow | undefined>;
  /** The task's serving state alone (no spec to parse: it is read on the request path). */
  taskState(name: string): Promise<TaskState | undefined>;
  listTasks(): Promise<string[]>;
  /**
   * The one way a task's state changes: in a transaction, the task's row is read under a lock and
   * `decide` says what to change given that row and the next free version number (or nothing, by
   * returning undefined). Returns the row as it was read and the change applied.
   */
  updateTask(
    task: string,
    decide: (row: TaskRow, nextVersion: number) => TaskChange | undefined,
  ): Promise<{ row: TaskRow; change?: TaskChange }>;
  /**
   * Takes the task's training lease for `owner` unless another owner holds one that has not
   * expired; true when `owner` holds it now.
   */
  acquireLease(task: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(task: string, owner: string): Promise<void>;
  addLabel(task: string, input: unknown, output: unknown, source: LabelSource): Promise<number>;
  labels(task: string): Promise<LabelRow[]>;
  labelCount(task: string): Promise<number>;
  getVersion(task: string, version: number): Promise<ProgramVersion | undefined>;
  versions(task: string): Promise<ProgramVersion[]>;
  addSample(s: SampleRow): Promise<void>;
  /** The newest `limit` samples, newest first. */
  samples(task: string, limit?: number): Promise<SampleRow[]>;
  addFailure(task: string, version: number, input: unknown, predicted: unknown, expected: unknown): Promise<number>;
  failures(task: string, limit?: number): Promise<FailureRow[]>;
  setFailureClusters(assignments: { id: number; cluster: number }[]): Promise<void>;
  enqueueReview(task: string, version: number, input: unknown, predicted: unknown, confidence: number): Promise<number>;
  pendingReviews(task: string, limit?: number): Promise<ReviewRow[]>;
  pendingReviewCount(task: string): Promise<number>;
  getReview(id: number): Promise<ReviewRow | undefined>;
  /** Labels a pending item; false when it was no longer pending (another person or instance was first). */
  completeReview(id: number, label: unknown): Promise<boolean>;
  addOracleCall(c: OracleCallRow): Promise<void>;
  oracleTotals(
    task: string,
  ): Promise<{ calls: number; valid: number; cost: number; inputTokens: number; outputTokens: number }>;
  /** Every valid answer the task's oracle gave, oldest first: the answer cache's contents. */
  oracleAnswers(task: string): Promise<{ input: unknown; output: unknown }[]>;
  addCounters(task: string, version: number, c: ExecutionCounters): Promise<void>;
  counters(task: string): Promise<ExecutionCounters>;
  /**
   * Dollars spent generating programs: every version's generation cost, plus what generations that
   * produced no version cost (the `cost` of their `generation-failed` audit rows).
   */
  generationSpend(task: string): Promise<number>;
  audit(task: string, entry: AuditEntry): Promise<void>;
  /** The task's audit entries in order; with `action`, only those of that action. */
  auditLog(task: string, action?: string): Promise<AuditRow[]>;
  close(): Promise<void>;
}

export { openStore } from "./stores/open-store.js";
export { PostgresStore } from "./stores/postgres-store.js";
export { SqliteStore } from "./stores/sqlite-store.js";
