// Storage behind one interface (`LoopaiStore`), with SQLite (better-sqlite3: synchronous, so a
// sample's row is on disk before the request that produced it returns) as the embedded default.
// A shared database (Postgres) can implement the same interface later.

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { LoopaiError } from "./errors.js";
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

export interface TaskRow {
  name: string;
  spec: TaskSpec;
  activeVersion: number | null;
  canary: CanaryState | null;
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

export interface LoopaiStore {
  saveTask(spec: TaskSpec): void;
  getTask(name: string): TaskRow | undefined;
  listTasks(): string[];
  setActiveVersion(task: string, version: number | null): void;
  setCanary(task: string, canary: CanaryState | null): void;
  addLabel(task: string, input: unknown, output: unknown, source: LabelSource): number;
  labels(task: string): LabelRow[];
  labelCount(task: string): number;
  nextVersionNumber(task: string): number;
  saveVersion(v: ProgramVersion): void;
  setVersionStatus(task: string, version: number, status: VersionStatus): void;
  getVersion(task: string, version: number): ProgramVersion | undefined;
  versions(task: string): ProgramVersion[];
  addSample(s: SampleRow): void;
  samples(task: string, limit?: number): SampleRow[];
  addFailure(task: string, version: number, input: unknown, predicted: unknown, expected: unknown): number;
  failures(task: string, limit?: number): FailureRow[];
  setFailureClusters(assignments: { id: number; cluster: number }[]): void;
  enqueueReview(task: string, version: number, input: unknown, predicted: unknown, confidence: number): number;
  pendingReviews(task: string, limit?: number): ReviewRow[];
  pendingReviewCount(task: string): number;
  getReview(id: number): ReviewRow | undefined;
  completeReview(id: number, label: unknown): void;
  addOracleCall(c: OracleCallRow): void;
  oracleTotals(task: string): { calls: number; valid: number; cost: number; inputTokens: number; outputTokens: number };
  /** Every valid answer the task's oracle gave, oldest first: the answer cache's contents. */
  oracleAnswers(task: string): { input: unknown; output: unknown }[];
  addCounters(task: string, version: number, c: ExecutionCounters): void;
  counters(task: string): ExecutionCounters;
  /**
   * Dollars spent generating programs: every version's generation cost, plus what generations that
   * produced no version cost (the `cost` of their `generation-failed` audit rows).
   */
  generationSpend(task: string): number;
  audit(task: string, action: string, fromVersion: number | null, toVersion: number | null, detail?: unknown): void;
  /** The task's audit entries in order; with `action`, only those of that action. */
  auditLog(task: string, action?: string): AuditRow[];
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (name TEXT PRIMARY KEY, spec TEXT NOT NULL, active_version INTEGER, canary TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
  task TEXT NOT NULL, version INTEGER NOT NULL, strategy TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL,
  training_hash TEXT NOT NULL, training_size INTEGER NOT NULL, accuracy REAL, accuracy_low REAL, accuracy_high REAL,
  holdout_size INTEGER NOT NULL, cost_micros REAL NOT NULL, generation_cost REAL NOT NULL, generation_ms REAL NOT NULL,
  status TEXT NOT NULL, created_at TEXT NOT NULL, parent INTEGER, notes TEXT, PRIMARY KEY (task, version));
CREATE TABLE IF NOT EXISTS labels (id INTEGER PRIMARY KEY, task TEXT NOT NULL, input TEXT NOT NULL, output TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS labels_task ON labels(task);
CREATE TABLE IF NOT EXISTS samples (id INTEGER PRIMARY KEY, task TEXT NOT NULL, version INTEGER NOT NULL, input TEXT NOT NULL, predicted TEXT,
  confidence REAL, oracle_output TEXT, agree INTEGER, reason TEXT NOT NULL, error TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS samples_task ON samples(task);
CREATE TABLE IF NOT EXISTS failures (id INTEGER PRIMARY KEY, task TEXT NOT NULL, version INTEGER NOT NULL, input TEXT NOT NULL, predicted TEXT,
  expected TEXT, cluster INTEGER, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS failures_task ON failures(task);
CREATE TABLE IF NOT EXISTS reviews (id INTEGER PRIMARY KEY, task TEXT NOT NULL, version INTEGER NOT NULL, input TEXT NOT NULL, predicted TEXT,
  confidence REAL, status TEXT NOT NULL, label TEXT, created_at TEXT NOT NULL, answered_at TEXT);
CREATE INDEX IF NOT EXISTS reviews_task ON reviews(task, status);
CREATE TABLE IF NOT EXISTS oracle_calls (id INTEGER PRIMARY KEY, task TEXT NOT NULL, oracle TEXT NOT NULL, input TEXT NOT NULL, output TEXT,
  valid INTEGER NOT NULL, cost REAL NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, error TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS oracle_calls_task ON oracle_calls(task);
CREATE TABLE IF NOT EXISTS executions (task TEXT NOT NULL, version INTEGER NOT NULL, requests INTEGER NOT NULL DEFAULT 0,
  program_answers INTEGER NOT NULL DEFAULT 0, fallback_answers INTEGER NOT NULL DEFAULT 0, oracle_answers INTEGER NOT NULL DEFAULT 0,
  unanswered INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0, exec_micros REAL NOT NULL DEFAULT 0, PRIMARY KEY (task, version));
CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, task TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, from_version INTEGER,
  to_version INTEGER, detail TEXT);
`;

const json = (v: unknown) => JSON.stringify(v ?? null);
const parse = (s: string | null) => (s === null ? null : JSON.parse(s));
const now = () => new Date().toISOString();

interface VersionDbRow {
  task: string;
  version: number;
  strategy: string;
  kind: string;
  body: string;
  training_hash: string;
  training_size: number;
  accuracy: number | null;
  accuracy_low: number | null;
  accuracy_high: number | null;
  holdout_size: number;
  cost_micros: number;
  generation_cost: number;
  generation_ms: number;
  status: string;
  created_at: string;
  parent: number | null;
  notes: string | null;
}

function toVersion(r: VersionDbRow): ProgramVersion {
  return {
    task: r.task,
    version: r.version,
    strategy: r.strategy as ProgramVersion["strategy"],
    kind: r.kind as ProgramVersion["kind"],
    body: r.body,
    trainingHash: r.training_hash,
    trainingSize: r.training_size,
    accuracy: { estimate: r.accuracy ?? Number.NaN, low: r.accuracy_low ?? 0, high: r.accuracy_high ?? 1 },
    holdoutSize: r.holdout_size,
    costMicros: r.cost_micros,
    generationCost: r.generation_cost,
    generationMs: r.generation_ms,
    status: r.status as VersionStatus,
    createdAt: r.created_at,
    parent: r.parent ?? undefined,
    notes: r.notes ?? undefined,
  };
}

export class SqliteStore implements LoopaiStore {
  private readonly db: Database.Database;
  /** Each query is compiled (prepared) once and kept: several run on every sampled request. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly path: string) {
    try {
      if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("busy_timeout = 5000");
      this.db.exec(SCHEMA);
    } catch (err) {
      throw new LoopaiError(`cannot open store ${path}: ${(err as Error).message}`, "store");
    }
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  saveTask(spec: TaskSpec): void {
    this.sql(
      "INSERT INTO tasks (name, spec, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET spec = excluded.spec",
    ).run(spec.name, json(spec), now());
  }

  getTask(name: string): TaskRow | undefined {
    const r = this.sql("SELECT * FROM tasks WHERE name = ?").get(name) as
      | { name: string; spec: string; active_version: number | null; canary: string | null }
      | undefined;
    if (!r) return undefined;
    return { name: r.name, spec: JSON.parse(r.spec), activeVersion: r.active_version, canary: parse(r.canary) };
  }

  listTasks(): string[] {
    return (this.sql("SELECT name FROM tasks ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  }

  setActiveVersion(task: string, version: number | null): void {
    this.sql("UPDATE tasks SET active_version = ? WHERE name = ?").run(version, task);
  }

  setCanary(task: string, canary: CanaryState | null): void {
    this.sql("UPDATE tasks SET canary = ? WHERE name = ?").run(canary ? json(canary) : null, task);
  }

  addLabel(task: string, input: unknown, output: unknown, source: LabelSource): number {
    return Number(
      this.sql("INSERT INTO labels (task, input, output, source, created_at) VALUES (?, ?, ?, ?, ?)").run(
        task,
        json(input),
        json(output),
        source,
        now(),
      ).lastInsertRowid,
    );
  }

  labels(task: string): LabelRow[] {
    return (
      this.sql("SELECT id, input, output, source FROM labels WHERE task = ? ORDER BY id").all(task) as {
        id: number;
        input: string;
        output: string;
        source: LabelSource;
      }[]
    ).map((r) => ({ id: r.id, input: JSON.parse(r.input), output: JSON.parse(r.output), source: r.source }));
  }

  labelCount(task: string): number {
    return (this.sql("SELECT COUNT(*) AS n FROM labels WHERE task = ?").get(task) as { n: number }).n;
  }

  nextVersionNumber(task: string): number {
    return (
      this.sql("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM versions WHERE task = ?").get(task) as {
        v: number;
      }
    ).v;
  }

  saveVersion(v: ProgramVersion): void {
    this.sql(
      `INSERT INTO versions (task, version, strategy, kind, body, training_hash, training_size, accuracy, accuracy_low, accuracy_high,
         holdout_size, cost_micros, generation_cost, generation_ms, status, created_at, parent, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.task,
      v.version,
      v.strategy,
      v.kind,
      v.body,
      v.trainingHash,
      v.trainingSize,
      Number.isFinite(v.accuracy.estimate) ? v.accuracy.estimate : null,
      v.accuracy.low,
      v.accuracy.high,
      v.holdoutSize,
      v.costMicros,
      v.generationCost,
      v.generationMs,
      v.status,
      v.createdAt,
      v.parent ?? null,
      v.notes ?? null,
    );
  }

  setVersionStatus(task: string, version: number, status: VersionStatus): void {
    this.sql("UPDATE versions SET status = ? WHERE task = ? AND version = ?").run(status, task, version);
  }

  getVersion(task: string, version: number): ProgramVersion | undefined {
    const r = this.sql("SELECT * FROM versions WHERE task = ? AND version = ?").get(task, version) as
      | VersionDbRow
      | undefined;
    return r ? toVersion(r) : undefined;
  }

  versions(task: string): ProgramVersion[] {
    return (this.sql("SELECT * FROM versions WHERE task = ? ORDER BY version").all(task) as VersionDbRow[]).map(
      toVersion,
    );
  }

  addSample(s: SampleRow): void {
    this.sql(
      "INSERT INTO samples (task, version, input, predicted, confidence, oracle_output, agree, reason, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      s.task,
      s.version,
      json(s.input),
      json(s.predicted),
      s.confidence,
      json(s.oracleOutput),
      s.agree === null ? null : s.agree ? 1 : 0,
      s.reason,
      s.error ?? null,
      now(),
    );
  }

  samples(task: string, limit = 1000): SampleRow[] {
    const rows = this.sql("SELECT * FROM samples WHERE task = ? ORDER BY id DESC LIMIT ?").all(task, limit) as {
      task: string;
      version: number;
      input: string;
      predicted: string;
      confidence: number;
      oracle_output: string;
      agree: number | null;
      reason: string;
      error: string | null;
    }[];
    return rows.map((r) => ({
      task: r.task,
      version: r.version,
      input: JSON.parse(r.input),
      predicted: parse(r.predicted),
      confidence: r.confidence,
      oracleOutput: parse(r.oracle_output),
      agree: r.agree === null ? null : r.agree === 1,
      reason: r.reason,
      error: r.error ?? undefined,
    }));
  }

  addFailure(task: string, version: number, input: unknown, predicted: unknown, expected: unknown): number {
    return Number(
      this.sql(
        "INSERT INTO failures (task, version, input, predicted, expected, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(task, version, json(input), json(predicted), json(expected), now()).lastInsertRowid,
    );
  }

  failures(task: string, limit = 1000): FailureRow[] {
    return (
      this.sql("SELECT * FROM failures WHERE task = ? ORDER BY id DESC LIMIT ?").all(task, limit) as {
        id: number;
        task: string;
        version: number;
        input: string;
        predicted: string;
        expected: string;
        cluster: number | null;
      }[]
    ).map((r) => ({
      id: r.id,
      task: r.task,
      version: r.version,
      input: JSON.parse(r.input),
      predicted: parse(r.predicted),
      expected: parse(r.expected),
      cluster: r.cluster,
    }));
  }

  setFailureClusters(assignments: { id: number; cluster: number }[]): void {
    const stmt = this.sql("UPDATE failures SET cluster = ? WHERE id = ?");
    this.db.transaction(() => {
      for (const a of assignments) stmt.run(a.cluster, a.id);
    })();
  }

  enqueueReview(task: string, version: number, input: unknown, predicted: unknown, confidence: number): number {
    return Number(
      this.sql(
        "INSERT INTO reviews (task, version, input, predicted, confidence, status, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
      ).run(task, version, json(input), json(predicted), confidence, now()).lastInsertRowid,
    );
  }

  private toReview(r: {
    id: number;
    task: string;
    version: number;
    input: string;
    predicted: string;
    confidence: number;
    status: string;
    label: string | null;
  }): ReviewRow {
    return {
      id: r.id,
      task: r.task,
      version: r.version,
      input: JSON.parse(r.input),
      predicted: parse(r.predicted),
      confidence: r.confidence,
      status: r.status as ReviewRow["status"],
      label: parse(r.label),
    };
  }

  pendingReviews(task: string, limit = 100): ReviewRow[] {
    return (
      this.sql(
        "SELECT * FROM reviews WHERE task = ? AND status = 'pending' ORDER BY confidence ASC, id ASC LIMIT ?",
      ).all(task, limit) as never[]
    ).map((r) => this.toReview(r));
  }

  pendingReviewCount(task: string): number {
    const row = this.sql("SELECT COUNT(*) AS n FROM reviews WHERE task = ? AND status = 'pending'").get(task);
    return (row as { n: number }).n;
  }

  getReview(id: number): ReviewRow | undefined {
    const r = this.sql("SELECT * FROM reviews WHERE id = ?").get(id);
    return r ? this.toReview(r as never) : undefined;
  }

  completeReview(id: number, label: unknown): void {
    this.sql("UPDATE reviews SET status = 'done', label = ?, answered_at = ? WHERE id = ?").run(json(label), now(), id);
  }

  addOracleCall(c: OracleCallRow): void {
    this.sql(
      "INSERT INTO oracle_calls (task, oracle, input, output, valid, cost, input_tokens, output_tokens, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      c.task,
      c.oracle,
      json(c.input),
      json(c.output),
      c.valid ? 1 : 0,
      c.cost,
      c.inputTokens,
      c.outputTokens,
      c.error ?? null,
      now(),
    );
  }

  oracleAnswers(task: string): { input: unknown; output: unknown }[] {
    const rows = this.sql("SELECT input, output FROM oracle_calls WHERE task = ? AND valid = 1 ORDER BY id").all(
      task,
    ) as {
      input: string;
      output: string;
    }[];
    return rows.map((r) => ({ input: JSON.parse(r.input), output: JSON.parse(r.output) }));
  }

  oracleTotals(task: string): {
    calls: number;
    valid: number;
    cost: number;
    inputTokens: number;
    outputTokens: number;
  } {
    return this.sql(
      "SELECT COUNT(*) AS calls, COALESCE(SUM(valid), 0) AS valid, COALESCE(SUM(cost), 0) AS cost, COALESCE(SUM(input_tokens), 0) AS inputTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens FROM oracle_calls WHERE task = ?",
    ).get(task) as { calls: number; valid: number; cost: number; inputTokens: number; outputTokens: number };
  }

  addCounters(task: string, version: number, c: ExecutionCounters): void {
    this.sql(
      `INSERT INTO executions (task, version, requests, program_answers, fallback_answers, oracle_answers, unanswered, errors, exec_micros)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(task, version) DO UPDATE SET requests = requests + excluded.requests,
         program_answers = program_answers + excluded.program_answers, fallback_answers = fallback_answers + excluded.fallback_answers,
         oracle_answers = oracle_answers + excluded.oracle_answers, unanswered = unanswered + excluded.unanswered,
         errors = errors + excluded.errors, exec_micros = exec_micros + excluded.exec_micros`,
    ).run(
      task,
      version,
      c.requests,
      c.programAnswers,
      c.fallbackAnswers,
      c.oracleAnswers,
      c.unanswered,
      c.errors,
      c.execMicros,
    );
  }

  counters(task: string): ExecutionCounters {
    return this.sql(
      `SELECT COALESCE(SUM(requests), 0) AS requests, COALESCE(SUM(program_answers), 0) AS programAnswers, COALESCE(SUM(fallback_answers), 0) AS fallbackAnswers,
         COALESCE(SUM(oracle_answers), 0) AS oracleAnswers, COALESCE(SUM(unanswered), 0) AS unanswered, COALESCE(SUM(errors), 0) AS errors,
         COALESCE(SUM(exec_micros), 0) AS execMicros FROM executions WHERE task = ?`,
    ).get(task) as ExecutionCounters;
  }

  generationSpend(task: string): number {
    const versions = this.sql("SELECT COALESCE(SUM(generation_cost), 0) AS c FROM versions WHERE task = ?").get(
      task,
    ) as { c: number };
    const failed = this.sql(
      "SELECT COALESCE(SUM(json_extract(detail, '$.cost')), 0) AS c FROM audit WHERE task = ? AND action = 'generation-failed'",
    ).get(task) as { c: number };
    return versions.c + failed.c;
  }

  audit(task: string, action: string, fromVersion: number | null, toVersion: number | null, detail?: unknown): void {
    this.sql("INSERT INTO audit (task, at, action, from_version, to_version, detail) VALUES (?, ?, ?, ?, ?, ?)").run(
      task,
      now(),
      action,
      fromVersion,
      toVersion,
      json(detail),
    );
  }

  auditLog(task: string, action?: string): AuditRow[] {
    const rows =
      action === undefined
        ? this.sql("SELECT * FROM audit WHERE task = ? ORDER BY id").all(task)
        : this.sql("SELECT * FROM audit WHERE task = ? AND action = ? ORDER BY id").all(task, action);
    return (
      rows as {
        id: number;
        task: string;
        at: string;
        action: string;
        from_version: number | null;
        to_version: number | null;
        detail: string | null;
      }[]
    ).map((r) => ({
      id: r.id,
      task: r.task,
      at: r.at,
      action: r.action,
      fromVersion: r.from_version,
      toVersion: r.to_version,
      detail: parse(r.detail),
    }));
  }

  close(): void {
    this.db.close();
  }
}
