// The store's tables and queries, written once over a SqlDriver (SQLite or PostgreSQL). Values
// that are JSON (inputs, outputs, specs, canary state, audit details) are stored as JSON text;
// column names and aliases are quoted where PostgreSQL would fold their case.

import { LoopaiError } from "../errors.js";
import type { ProgramVersion, VersionStatus } from "../programs.js";
import type { TaskSpec } from "../spec.js";
import type {
  AuditEntry,
  AuditRow,
  ExecutionCounters,
  FailureRow,
  LabelRow,
  LabelSource,
  LoopaiStore,
  OracleCallRow,
  ReviewRow,
  SampleRow,
  TaskChange,
  TaskRow,
  TaskState,
} from "../store.js";
import type { Dialect, SqlDriver, SqlQueries } from "./sql-driver.js";

/** The tables; `DOUBLE PRECISION` and `BIGINT` mean the same to SQLite as to PostgreSQL. */
export function schema(d: Dialect): string {
  return `
CREATE TABLE IF NOT EXISTS tasks (name TEXT PRIMARY KEY, spec TEXT NOT NULL, active_version BIGINT, canary TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
  task TEXT NOT NULL, version BIGINT NOT NULL, strategy TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL,
  training_hash TEXT NOT NULL, training_size BIGINT NOT NULL, accuracy DOUBLE PRECISION, accuracy_low DOUBLE PRECISION,
  accuracy_high DOUBLE PRECISION, holdout_size BIGINT NOT NULL, cost_micros DOUBLE PRECISION NOT NULL,
  generation_cost DOUBLE PRECISION NOT NULL, generation_ms DOUBLE PRECISION NOT NULL,
  status TEXT NOT NULL, created_at TEXT NOT NULL, parent BIGINT, notes TEXT, PRIMARY KEY (task, version));
CREATE TABLE IF NOT EXISTS labels (id ${d.autoId}, task TEXT NOT NULL, input TEXT NOT NULL, output TEXT NOT NULL,
  source TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS labels_task ON labels(task);
CREATE TABLE IF NOT EXISTS samples (id ${d.autoId}, task TEXT NOT NULL, version BIGINT NOT NULL, input TEXT NOT NULL,
  predicted TEXT, confidence DOUBLE PRECISION, oracle_output TEXT, agree BIGINT, reason TEXT NOT NULL, error TEXT,
  created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS samples_task ON samples(task);
CREATE TABLE IF NOT EXISTS failures (id ${d.autoId}, task TEXT NOT NULL, version BIGINT NOT NULL, input TEXT NOT NULL,
  predicted TEXT, expected TEXT, cluster BIGINT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS failures_task ON failures(task);
CREATE TABLE IF NOT EXISTS reviews (id ${d.autoId}, task TEXT NOT NULL, version BIGINT NOT NULL, input TEXT NOT NULL,
  predicted TEXT, confidence DOUBLE PRECISION, status TEXT NOT NULL, label TEXT, created_at TEXT NOT NULL, answered_at TEXT);
CREATE INDEX IF NOT EXISTS reviews_task ON reviews(task, status);
CREATE TABLE IF NOT EXISTS oracle_calls (id ${d.autoId}, task TEXT NOT NULL, oracle TEXT NOT NULL, input TEXT NOT NULL,
  output TEXT, valid BIGINT NOT NULL, cost DOUBLE PRECISION NOT NULL, input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL, error TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS oracle_calls_task ON oracle_calls(task);
CREATE TABLE IF NOT EXISTS executions (task TEXT NOT NULL, version BIGINT NOT NULL, requests BIGINT NOT NULL DEFAULT 0,
  program_answers BIGINT NOT NULL DEFAULT 0, fallback_answers BIGINT NOT NULL DEFAULT 0,
  oracle_answers BIGINT NOT NULL DEFAULT 0, unanswered BIGINT NOT NULL DEFAULT 0, errors BIGINT NOT NULL DEFAULT 0,
  exec_micros DOUBLE PRECISION NOT NULL DEFAULT 0, PRIMARY KEY (task, version));
CREATE TABLE IF NOT EXISTS audit (id ${d.autoId}, task TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
  from_version BIGINT, to_version BIGINT, detail TEXT);
CREATE INDEX IF NOT EXISTS audit_task ON audit(task);
CREATE TABLE IF NOT EXISTS leases (task TEXT PRIMARY KEY, owner TEXT NOT NULL, expires BIGINT NOT NULL);
`;
}

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

interface TaskDbRow {
  name: string;
  spec: string;
  active_version: number | null;
  canary: string | null;
}

const toTask = (r: TaskDbRow): TaskRow => ({
  name: r.name,
  spec: JSON.parse(r.spec),
  activeVersion: r.active_version,
  canary: parse(r.canary),
});

interface ReviewDbRow {
  id: number;
  task: string;
  version: number;
  input: string;
  predicted: string;
  confidence: number;
  status: string;
  label: string | null;
}

const toReview = (r: ReviewDbRow): ReviewRow => ({
  id: r.id,
  task: r.task,
  version: r.version,
  input: JSON.parse(r.input),
  predicted: parse(r.predicted),
  confidence: r.confidence,
  status: r.status as ReviewRow["status"],
  label: parse(r.label),
});

const INSERT_AUDIT = "INSERT INTO audit (task, at, action, from_version, to_version, detail) VALUES (?, ?, ?, ?, ?, ?)";
const auditParams = (task: string, e: AuditEntry) => [
  task,
  now(),
  e.action,
  e.fromVersion,
  e.toVersion,
  json(e.detail),
];

export class SqlStore implements LoopaiStore {
  readonly kind: string;

  constructor(private readonly db: SqlDriver) {
    this.kind = db.kind;
  }

  /** Runs a store operation; a database failure becomes a LoopaiError naming the store. */
  private async guard<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof LoopaiError) throw err;
      throw new LoopaiError(`${this.kind} store: ${what}: ${(err as Error).message}`, "store");
    }
  }

  async saveTask(spec: TaskSpec): Promise<void> {
    await this.db.run(
      "INSERT INTO tasks (name, spec, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET spec = excluded.spec",
      [spec.name, json(spec), now()],
    );
  }

  async getTask(name: string): Promise<TaskRow | undefined> {
    const r = await this.db.get<TaskDbRow>("SELECT * FROM tasks WHERE name = ?", [name]);
    return r ? toTask(r) : undefined;
  }

  async taskState(name: string): Promise<TaskState | undefined> {
    const r = await this.db.get<{ active_version: number | null; canary: string | null }>(
      "SELECT active_version, canary FROM tasks WHERE name = ?",
      [name],
    );
    return r ? { activeVersion: r.active_version, canary: parse(r.canary) } : undefined;
  }

  async listTasks(): Promise<string[]> {
    return (await this.db.all<{ name: string }>("SELECT name FROM tasks ORDER BY name")).map((r) => r.name);
  }

  updateTask(
    task: string,
    decide: (row: TaskRow, nextVersion: number) => TaskChange | undefined,
  ): Promise<{ row: TaskRow; change?: TaskChange }> {
    return this.guard(`changing task "${task}"`, () =>
      this.db.transaction(async (tx) => {
        const r = await tx.get<TaskDbRow>(`SELECT * FROM tasks WHERE name = ?${this.db.dialect.forUpdate}`, [task]);
        if (!r) throw new LoopaiError(`unknown task "${task}"`, "missing");
        const row = toTask(r);
        const next = await tx.get<{ v: number }>(
          "SELECT COALESCE(MAX(version), 0) + 1 AS v FROM versions WHERE task = ?",
          [task],
        );
        const change = decide(row, Number(next?.v ?? 1));
        if (change) await this.apply(tx, task, change);
        return { row, change };
      }),
    );
  }

  private async apply(tx: SqlQueries, task: string, change: TaskChange): Promise<void> {
    if (change.newVersion) await this.insertVersion(tx, change.newVersion);
    for (const s of change.statuses ?? [])
      await tx.run("UPDATE versions SET status = ? WHERE task = ? AND version = ?", [s.status, task, s.version]);
    if (change.activeVersion !== undefined)
      await tx.run("UPDATE tasks SET active_version = ? WHERE name = ?", [change.activeVersion, task]);
    if (change.canary !== undefined)
      await tx.run("UPDATE tasks SET canary = ? WHERE name = ?", [change.canary ? json(change.canary) : null, task]);
    for (const e of change.audit ?? []) await tx.run(INSERT_AUDIT, auditParams(task, e));
  }

  private async insertVersion(tx: SqlQueries, v: ProgramVersion): Promise<void> {
    await tx.run(
      `INSERT INTO versions (task, version, strategy, kind, body, training_hash, training_size, accuracy, accuracy_low,
         accuracy_high, holdout_size, cost_micros, generation_cost, generation_ms, status, created_at, parent, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
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
      ],
    );
  }

  async acquireLease(task: string, owner: string, ttlMs: number): Promise<boolean> {
    const t = Date.now();
    const changed = await this.db.run(
      `INSERT INTO leases (task, owner, expires) VALUES (?, ?, ?) ON CONFLICT(task) DO UPDATE
         SET owner = excluded.owner, expires = excluded.expires WHERE leases.expires < ? OR leases.owner = excluded.owner`,
      [task, owner, t + ttlMs, t],
    );
    return changed > 0;
  }

  async releaseLease(task: string, owner: string): Promise<void> {
    await this.db.run("DELETE FROM leases WHERE task = ? AND owner = ?", [task, owner]);
  }

  addLabel(task: string, input: unknown, output: unknown, source: LabelSource): Promise<number> {
    return this.db.insert("INSERT INTO labels (task, input, output, source, created_at) VALUES (?, ?, ?, ?, ?)", [
      task,
      json(input),
      json(output),
      source,
      now(),
    ]);
  }

  async labels(task: string): Promise<LabelRow[]> {
    const rows = await this.db.all<{ id: number; input: string; output: string; source: LabelSource }>(
      "SELECT id, input, output, source FROM labels WHERE task = ? ORDER BY id",
      [task],
    );
    return rows.map((r) => ({ id: r.id, input: JSON.parse(r.input), output: JSON.parse(r.output), source: r.source }));
  }

  async labelCount(task: string): Promise<number> {
    return (await this.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM labels WHERE task = ?", [task]))?.n ?? 0;
  }

  async getVersion(task: string, version: number): Promise<ProgramVersion | undefined> {
    const r = await this.db.get<VersionDbRow>("SELECT * FROM versions WHERE task = ? AND version = ?", [task, version]);
    return r ? toVersion(r) : undefined;
  }

  async versions(task: string): Promise<ProgramVersion[]> {
    return (await this.db.all<VersionDbRow>("SELECT * FROM versions WHERE task = ? ORDER BY version", [task])).map(
      toVersion,
    );
  }

  async addSample(s: SampleRow): Promise<void> {
    await this.db.run(
      `INSERT INTO samples (task, version, input, predicted, confidence, oracle_output, agree, reason, error, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
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
      ],
    );
  }

  async samples(task: string, limit = 1000): Promise<SampleRow[]> {
    const rows = await this.db.all<{
      task: string;
      version: number;
      input: string;
      predicted: string;
      confidence: number;
      oracle_output: string;
      agree: number | null;
      reason: string;
      error: string | null;
      created_at: string;
    }>("SELECT * FROM samples WHERE task = ? ORDER BY id DESC LIMIT ?", [task, limit]);
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
      createdAt: r.created_at,
    }));
  }

  addFailure(task: string, version: number, input: unknown, predicted: unknown, expected: unknown): Promise<number> {
    return this.db.insert(
      "INSERT INTO failures (task, version, input, predicted, expected, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      [task, version, json(input), json(predicted), json(expected), now()],
    );
  }

  async failures(task: string, limit = 1000): Promise<FailureRow[]> {
    const rows = await this.db.all<{
      id: number;
      task: string;
      version: number;
      input: string;
      predicted: string;
      expected: string;
      cluster: number | null;
    }>("SELECT * FROM failures WHERE task = ? ORDER BY id DESC LIMIT ?", [task, limit]);
    return rows.map((r) => ({
      id: r.id,
      task: r.task,
      version: r.version,
      input: JSON.parse(r.input),
      predicted: parse(r.predicted),
      expected: parse(r.expected),
      cluster: r.cluster,
    }));
  }

  async setFailureClusters(assignments: { id: number; cluster: number }[]): Promise<void> {
    if (assignments.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const a of assignments) await tx.run("UPDATE failures SET cluster = ? WHERE id = ?", [a.cluster, a.id]);
    });
  }

  enqueueReview(
    task: string,
    version: number,
    input: unknown,
    predicted: unknown,
    confidence: number,
  ): Promise<number> {
    return this.db.insert(
      `INSERT INTO reviews (task, version, input, predicted, confidence, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      [task, version, json(input), json(predicted), confidence, now()],
    );
  }

  async pendingReviews(task: string, limit = 100): Promise<ReviewRow[]> {
    const rows = await this.db.all<ReviewDbRow>(
      "SELECT * FROM reviews WHERE task = ? AND status = 'pending' ORDER BY confidence ASC, id ASC LIMIT ?",
      [task, limit],
    );
    return rows.map(toReview);
  }

  async pendingReviewCount(task: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM reviews WHERE task = ? AND status = 'pending'",
      [task],
    );
    return row?.n ?? 0;
  }

  async getReview(id: number): Promise<ReviewRow | undefined> {
    const r = await this.db.get<ReviewDbRow>("SELECT * FROM reviews WHERE id = ?", [id]);
    return r ? toReview(r) : undefined;
  }

  async completeReview(id: number, label: unknown): Promise<boolean> {
    const changed = await this.db.run(
      "UPDATE reviews SET status = 'done', label = ?, answered_at = ? WHERE id = ? AND status = 'pending'",
      [json(label), now(), id],
    );
    return changed > 0;
  }

  async addOracleCall(c: OracleCallRow): Promise<void> {
    await this.db.run(
      `INSERT INTO oracle_calls (task, oracle, input, output, valid, cost, input_tokens, output_tokens, error, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
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
      ],
    );
  }

  async oracleAnswers(task: string): Promise<{ input: unknown; output: unknown }[]> {
    const rows = await this.db.all<{ input: string; output: string }>(
      "SELECT input, output FROM oracle_calls WHERE task = ? AND valid = 1 ORDER BY id",
      [task],
    );
    return rows.map((r) => ({ input: JSON.parse(r.input), output: JSON.parse(r.output) }));
  }

  async oracleTotals(
    task: string,
  ): Promise<{ calls: number; valid: number; cost: number; inputTokens: number; outputTokens: number }> {
    const r = await this.db.get<{
      calls: number;
      valid: number;
      cost: number;
      inputTokens: number;
      outputTokens: number;
    }>(
      `SELECT COUNT(*) AS calls, COALESCE(SUM(valid), 0) AS valid, COALESCE(SUM(cost), 0) AS cost,
         COALESCE(SUM(input_tokens), 0) AS "inputTokens", COALESCE(SUM(output_tokens), 0) AS "outputTokens"
         FROM oracle_calls WHERE task = ?`,
      [task],
    );
    return r ?? { calls: 0, valid: 0, cost: 0, inputTokens: 0, outputTokens: 0 };
  }

  async addCounters(task: string, version: number, c: ExecutionCounters): Promise<void> {
    await this.db.run(
      `INSERT INTO executions (task, version, requests, program_answers, fallback_answers, oracle_answers, unanswered,
         errors, exec_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(task, version) DO UPDATE SET
         requests = executions.requests + excluded.requests,
         program_answers = executions.program_answers + excluded.program_answers,
         fallback_answers = executions.fallback_answers + excluded.fallback_answers,
         oracle_answers = executions.oracle_answers + excluded.oracle_answers,
         unanswered = executions.unanswered + excluded.unanswered, errors = executions.errors + excluded.errors,
         exec_micros = executions.exec_micros + excluded.exec_micros`,
      [
        task,
        version,
        c.requests,
        c.programAnswers,
        c.fallbackAnswers,
        c.oracleAnswers,
        c.unanswered,
        c.errors,
        c.execMicros,
      ],
    );
  }

  async counters(task: string): Promise<ExecutionCounters> {
    const r = await this.db.get<ExecutionCounters>(
      `SELECT COALESCE(SUM(requests), 0) AS requests, COALESCE(SUM(program_answers), 0) AS "programAnswers",
         COALESCE(SUM(fallback_answers), 0) AS "fallbackAnswers", COALESCE(SUM(oracle_answers), 0) AS "oracleAnswers",
         COALESCE(SUM(unanswered), 0) AS unanswered, COALESCE(SUM(errors), 0) AS errors,
         COALESCE(SUM(exec_micros), 0) AS "execMicros" FROM executions WHERE task = ?`,
      [task],
    );
    if (!r) throw new LoopaiError(`${this.kind} store: no execution totals for "${task}"`, "store");
    return r;
  }

  async generationSpend(task: string): Promise<number> {
    const versions = await this.db.get<{ c: number }>(
      "SELECT COALESCE(SUM(generation_cost), 0) AS c FROM versions WHERE task = ?",
      [task],
    );
    const failed = await this.db.get<{ c: number }>(
      `SELECT COALESCE(SUM(${this.db.dialect.jsonNumber("detail", "cost")}), 0) AS c FROM audit
         WHERE task = ? AND action = 'generation-failed'`,
      [task],
    );
    return (versions?.c ?? 0) + (failed?.c ?? 0);
  }

  async audit(task: string, entry: AuditEntry): Promise<void> {
    await this.db.run(INSERT_AUDIT, auditParams(task, entry));
  }

  async auditLog(task: string, action?: string): Promise<AuditRow[]> {
    const rows = await this.db.all<{
      id: number;
      task: string;
      at: string;
      action: string;
      from_version: number | null;
      to_version: number | null;
      detail: string | null;
    }>(
      action === undefined
        ? "SELECT * FROM audit WHERE task = ? ORDER BY id"
        : "SELECT * FROM audit WHERE task = ? AND action = ? ORDER BY id",
      action === undefined ? [task] : [task, action],
    );
    return rows.map((r) => ({
      id: r.id,
      task: r.task,
      at: r.at,
      action: r.action,
      fromVersion: r.from_version,
      toVersion: r.to_version,
      detail: parse(r.detail),
    }));
  }

  private closing?: Promise<void>;

  /** Closes the database; closing again is harmless. */
  close(): Promise<void> {
    this.closing ??= this.db.close();
    return this.closing;
  }
}
