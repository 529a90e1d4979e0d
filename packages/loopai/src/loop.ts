// The loop: serve each request from the active program, send a sample to the oracle, store what
// it says, regenerate when labels accumulate or agreement drops, and roll new versions out by
// canary (the rules are in canary.ts), with rollback and an audit trail.

import { performance } from "node:perf_hooks";
import { analyse, decide, overtaken, recordPair, startCanary } from "./canary.js";
import { LoopaiError } from "./errors.js";
import { clusterFailures } from "./improvement.js";
import { compileDataProgram } from "./interpreter.js";
import { DatasetOracle } from "./oracles/dataset.js";
import { HumanReviewOracle } from "./oracles/human.js";
import { LlmOracle } from "./oracles/llm.js";
import type { Oracle, OracleResult } from "./oracles/oracle.js";
import { type Answer, type DataProgram, type ProgramVersion, trainingHash } from "./programs.js";
import { createProviderChain, providerProblem } from "./providers/index.js";
import type { ChatProvider } from "./providers/types.js";
import { createSamplingPolicy, type SamplingPolicy, seededRandom } from "./sampling.js";
import { type TaskSpec, validateSpec } from "./spec.js";
import { compareProportions, wilsonInterval } from "./statistics.js";
import { type TaskStatus, taskStatus } from "./status.js";
import type { CanaryState, ExecutionCounters, LoopaiStore, ReviewRow, TaskRow } from "./store.js";
import { type Labelled, synthesize } from "./synthesizers/router.js";
import { canonicalJson, inputChecker, oracleKey, outputChecker, outputsAgree } from "./validation.js";
import { WorkerPool } from "./worker-pool.js";

export type ServedBy = "program" | "previous" | "oracle" | "none";

export interface ExecuteResult {
  output: unknown;
  confidence: number;
  version: number | null;
  servedBy: ServedBy;
  sampled: boolean;
  sampleReason?: string;
  oracleOutput?: unknown;
  agree?: boolean;
  reviewId?: number;
  /** What went wrong on the way, if anything (the request may still have been answered). */
  errors?: string[];
  /** Program execution time, microseconds. */
  micros: number;
}

type Runner = (input: unknown) => Answer | Promise<Answer>;

interface Runtime {
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
  runners: Map<number, Runner>;
  counters: Map<number, ExecutionCounters>;
  pendingFlush: number;
  labelsAtTraining: number;
  labelsNow: number;
  /** The last AGREEMENT_WINDOW comparisons of a program's answer with a trusted one. */
  recent: boolean[];
  oracleCalls: number;
  /** The task's row, re-read at most once a second (another process may roll back or promote). */
  row?: TaskRow;
  rowAt: number;
  /**
   * Requests served for a canary stage and not yet written to the store: the stage clock ticks on
   * every request, and a store write per request would cost more than the program does.
   */
  canaryClock?: { candidate: number; stage: number; requests: number };
  /** The version the sampling policy has been seeing. */
  policyVersion?: number | null;
  improving?: Promise<unknown>;
}

export interface LoopaiOptions {
  store: LoopaiStore;
  /** Replaces the oracle the spec names (the benchmark passes its dataset in memory). */
  oracle?: Oracle;
  /** Provider for LLM code generation (defaults to the spec's LLM oracle chain). */
  provider?: ChatProvider;
  pool?: WorkerPool;
  env?: NodeJS.ProcessEnv;
  /** Regenerate automatically as labels arrive (default true). */
  autoImprove?: boolean;
  seed?: number;
  /** Reports what went wrong where no caller is waiting (regeneration in the background). */
  onEvent?: (event: string, detail: unknown) => void;
  /**
   * Execution counters are kept in memory and written to the store at least this often (ms,
   * default 1000), by the next request or, when requests stop, by a timer: a crash loses at most
   * this window's counts. `close()` writes them all.
   */
  flushIntervalMs?: number;
}

/** Comparisons the agreement-drop trigger for regeneration looks back over. */
const AGREEMENT_WINDOW = 50;

const newCounters = (): ExecutionCounters => ({
  requests: 0,
  programAnswers: 0,
  fallbackAnswers: 0,
  oracleAnswers: 0,
  unanswered: 0,
  errors: 0,
  execMicros: 0,
});

export class Loopai {
  readonly store: LoopaiStore;
  private readonly runtimes = new Map<string, Runtime>();
  private readonly random: () => number;
  private ownPool?: WorkerPool;
  private readonly flushIntervalMs: number;
  private lastFlush = performance.now();
  private flushTimer?: NodeJS.Timeout;

  constructor(private readonly options: LoopaiOptions) {
    this.store = options.store;
    this.random = seededRandom(options.seed ?? 42);
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
  }

  private get pool(): WorkerPool {
    if (this.options.pool) return this.options.pool;
    this.ownPool ??= new WorkerPool();
    return this.ownPool;
  }

  // ---- tasks ------------------------------------------------------------------------------

  /**
   * Registers a task from a spec object; its examples become the first labels. A spec that cannot
   * run is refused now (its dataset unreadable, a provider without a key or endpoint). A task that
   * exists is changed only with `update`, which adds the examples not yet among its labels.
   */
  createTask(raw: unknown, options: { update?: boolean } = {}): TaskSpec {
    const spec = validateSpec(raw, "spec");
    const existing = this.store.getTask(spec.name);
    if (existing && !options.update)
      throw new LoopaiError(
        `task "${spec.name}" already exists; \`loopai init --update\` changes it (new examples become labels)`,
        "usage",
      );
    if (spec.oracle.type === "llm") {
      const problem = spec.oracle.providers.map((p) => providerProblem(p, this.options.env)).find(Boolean);
      if (problem && !this.options.oracle) throw new LoopaiError(`task "${spec.name}": ${problem}`, "spec");
    }
    this.makeOracle(spec);
    this.store.saveTask(spec);
    const known = new Set(this.store.labels(spec.name).map((l) => canonicalJson([l.input, l.output])));
    for (const e of spec.examples)
      if (!known.has(canonicalJson([e.input, e.output]))) this.store.addLabel(spec.name, e.input, e.output, "example");
    this.runtimes.delete(spec.name);
    return spec;
  }

  /** The task's stored row; an unknown task is an error naming the known ones. */
  private taskRow(task: string): TaskRow {
    const row = this.store.getTask(task);
    if (!row)
      throw new LoopaiError(
        `unknown task "${task}" (known: ${this.store.listTasks().join(", ") || "none"}); create it with \`loopai init\``,
        "missing",
      );
    return row;
  }

  private makeOracle(spec: TaskSpec): Oracle {
    if (this.options.oracle) return this.options.oracle;
    const o = spec.oracle;
    switch (o.type) {
      case "dataset":
        return DatasetOracle.fromFile(o.path, o, o.costPerCall ?? 0);
      case "human":
        return new HumanReviewOracle(this.store, o.costPerCall ?? 0);
      case "llm":
        return new LlmOracle(spec, createProviderChain(o.providers, this.options.env), o.costPerCall ?? 0);
    }
  }

  private provider(spec: TaskSpec): ChatProvider | undefined {
    if (this.options.provider) return this.options.provider;
    return spec.oracle.type === "llm" ? createProviderChain(spec.oracle.providers, this.options.env) : undefined;
  }

  private runtime(task: string): Runtime {
    let rt = this.runtimes.get(task);
    if (!rt) {
      const { spec, activeVersion: active } = this.taskRow(task);
      const activeVersion = active ? this.store.getVersion(task, active) : undefined;
      const labelsNow = this.store.labelCount(task);
      rt = {
        spec,
        policy: createSamplingPolicy(spec.sampling, spec.accuracyTarget),
        check: outputChecker(spec),
        checkInput: inputChecker(spec),
        oracle: this.makeOracle(spec),
        runners: new Map(),
        counters: new Map(),
        pendingFlush: 0,
        labelsAtTraining: activeVersion?.trainingSize ?? 0,
        labelsNow,
        recent: [],
        oracleCalls: this.store.oracleTotals(task).calls,
        rowAt: 0,
      };
      this.runtimes.set(task, rt);
    }
    return rt;
  }

  private runner(task: string, rt: Runtime, version: number): Runner {
    let r = rt.runners.get(version);
    if (!r) {
      const v = this.store.getVersion(task, version);
      if (!v) throw new LoopaiError(`task "${task}" has no version ${version}`, "usage");
      if (v.kind === "data") {
        r = compileDataProgram(JSON.parse(v.body) as DataProgram);
      } else {
        const call = this.pool.program(v.body, rt.spec.synthesis.deadlineMs);
        r = async (input) => {
          const res = await call(input);
          if (!res.ok) throw new Error(res.error);
          return res.answer;
        };
      }
      rt.runners.set(version, r);
    }
    return r;
  }

  // ---- training and rollout ----------------------------------------------------------------

  /**
   * Generates a new version from every label so far. The first version is activated at once; a
   * later one is gated on held-out accuracy and then rolled out as the spec says.
   */
  async train(task: string, options: { force?: boolean } = {}): Promise<ProgramVersion | undefined> {
    const rt = this.runtime(task);
    const spec = rt.spec;
    const rows = this.store.labels(task);
    if (rows.length < 2)
      throw new LoopaiError(`task "${task}" needs at least 2 labelled examples to train (has ${rows.length})`, "usage");
    const labelled: Labelled[] = rows.map((r) => ({ input: r.input, output: r.output }));
    const taskRow = this.store.getTask(task);
    const incumbent = taskRow?.activeVersion ? this.store.getVersion(task, taskRow.activeVersion) : undefined;
    const clusters = clusterFailures(this.store.failures(task, 500));
    this.store.setFailureClusters(clusters.flatMap((c) => c.members.map((id) => ({ id, cluster: c.id }))));
    const representatives = clusters
      .slice(0, 10)
      .map((c) => ({ input: c.representative.input, output: c.representative.expected }));
    // Representative failures weigh double in training and are shown to the code generator.
    const training = [...labelled, ...representatives];
    const maxCost = spec.budget.maxGenerationCost;
    const spentBefore = maxCost === undefined ? 0 : this.store.generationSpend(task);
    const result = await synthesize(spec, training, {
      provider: this.provider(spec),
      pool: this.pool,
      failures: representatives,
      generationBudget: maxCost === undefined ? undefined : maxCost - spentBefore,
    });
    rt.labelsAtTraining = rows.length;
    rt.labelsNow = rows.length;
    const generationCost = result.tried.reduce((s, t) => s + t.generationCost, 0);
    if (result.refused) {
      // The current program keeps serving; the refusal is on record for `loopai status`.
      const detail = { reason: result.refused, maxGenerationCost: maxCost, spent: spentBefore };
      this.store.audit(task, "generation-refused", incumbent?.version ?? null, null, detail);
      this.options.onEvent?.("generation-refused", detail);
    }
    if (!result.chosen) {
      this.store.audit(task, "generation-failed", incumbent?.version ?? null, null, {
        cost: generationCost,
        tried: result.tried.map((c) => ({ strategy: c.strategy, notes: c.notes })),
      });
      this.options.onEvent?.("generation-failed", result.tried);
      return undefined;
    }
    const c = result.chosen;
    const version: ProgramVersion = {
      task,
      version: this.store.nextVersionNumber(task),
      strategy: c.strategy,
      kind: c.kind,
      body: c.body,
      trainingHash: trainingHash(labelled),
      trainingSize: rows.length,
      accuracy: c.accuracy,
      holdoutSize: c.holdoutSize,
      costMicros: c.costMicros,
      generationCost,
      generationMs: result.tried.reduce((s, t) => s + t.generationMs, 0),
      status: "candidate",
      createdAt: new Date().toISOString(),
      parent: incumbent?.version,
      notes: result.tried
        .map((t) => `${t.strategy}: ${(t.accuracy.estimate * 100).toFixed(1)}% @ ${t.costMicros.toFixed(1)}µs`)
        .join("; "),
    };
    // Tier 1 and 2: every example's output must pass the schema, and the examples be answered as well as the holdout says.
    const run = version.kind === "data" ? compileDataProgram(JSON.parse(version.body)) : undefined;
    if (run) {
      const bad = spec.examples.map((e) => rt.check(run(e.input).output)).find((x) => x !== undefined);
      if (bad) {
        version.status = "rejected";
        version.notes = `${version.notes}; rejected: ${bad}`;
        this.store.saveVersion(version);
        this.store.audit(task, "reject", incumbent?.version ?? null, version.version, { reason: bad });
        return version;
      }
    }
    if (!incumbent) {
      version.status = "active";
      this.store.saveVersion(version);
      this.store.setActiveVersion(task, version.version);
      this.invalidate(task);
      this.store.audit(task, "activate", null, version.version, {
        strategy: version.strategy,
        accuracy: version.accuracy,
      });
      return version;
    }
    // Holdout gate: the candidate's held-out accuracy against the incumbent's on labels it never saw.
    const fresh = labelled.slice(incumbent.trainingSize);
    let gate: { candidate: number[]; incumbent: number[]; pValue: number; test?: string } = {
      candidate: [0, 0],
      incumbent: [0, 0],
      pValue: 1,
    };
    if (fresh.length > 0 && !options.force) {
      const inc = this.runner(task, rt, incumbent.version);
      let ok = 0;
      for (const l of fresh) {
        try {
          if (outputsAgree((await inc(l.input)).output, l.output, spec.comparison, spec.numericTolerance)) ok++;
        } catch {}
      }
      const cx = Math.round(c.accuracy.estimate * c.holdoutSize);
      const t = compareProportions(cx, c.holdoutSize, ok, fresh.length, "less");
      gate = { candidate: [cx, c.holdoutSize], incumbent: [ok, fresh.length], pValue: t.pValue, test: t.test };
      if (t.pValue < spec.improvement.alpha) {
        version.status = "rejected";
        this.store.saveVersion(version);
        this.store.audit(task, "reject", incumbent.version, version.version, {
          reason: "significantly worse on holdout",
          gate,
        });
        return version;
      }
    }
    if (spec.improvement.rollout === "immediate" || options.force) {
      version.status = "active";
      this.store.saveVersion(version);
      this.promote(task, incumbent.version, version.version, { gate, rollout: options.force ? "forced" : "immediate" });
      return version;
    }
    this.supersedeCanary(task, version.version, spec);
    version.status = "canary";
    this.store.saveVersion(version);
    this.store.setCanary(task, startCanary(version.version, incumbent.version));
    this.invalidate(task);
    this.store.audit(task, "canary-start", incumbent.version, version.version, {
      share: spec.improvement.canaryStages[0],
      requestsPerStage: spec.improvement.requestsPerStage,
      gate,
    });
    return version;
  }

  private invalidate(task: string): void {
    const rt = this.runtimes.get(task);
    if (rt) rt.row = undefined;
  }

  /** A canary in flight gives way to version `by` (a newer candidate, or one promoted past it). */
  private supersedeCanary(task: string, by: number, spec: TaskSpec): void {
    const current = this.store.getTask(task)?.canary;
    if (!current || current.candidate === by) return;
    this.store.setVersionStatus(task, current.candidate, "superseded");
    this.store.audit(task, "canary-superseded", current.candidate, by, analyse(current, spec.improvement));
  }

  private promote(task: string, from: number | null, to: number, detail: unknown): void {
    this.invalidate(task);
    this.supersedeCanary(task, to, this.runtime(task).spec);
    if (from !== null) this.store.setVersionStatus(task, from, "retired");
    this.store.setVersionStatus(task, to, "active");
    this.store.setActiveVersion(task, to);
    this.store.setCanary(task, null);
    this.store.audit(task, "promote", from, to, detail);
  }

  /** Human approval gate: promotes a canary that is waiting for it. */
  approve(task: string): number {
    const canary = this.store.getTask(task)?.canary;
    if (!canary) throw new LoopaiError(`task "${task}" has no canary to approve`, "usage");
    const rt = this.runtime(task);
    this.promote(task, canary.incumbent, canary.candidate, {
      approvedBy: "human",
      ...analyse(canary, rt.spec.improvement),
    });
    return canary.candidate;
  }

  /**
   * Returns to an earlier version at once (default: the one active before the current). Any
   * canary in flight is cancelled.
   */
  rollback(task: string, toVersion?: number): number {
    const row = this.taskRow(task);
    const versions = this.store.versions(task);
    const current = row.activeVersion;
    const target =
      toVersion ??
      versions
        .filter(
          (v) =>
            v.version !== current &&
            (v.status === "retired" || v.status === "active") &&
            (current === null || v.version < current),
        )
        .map((v) => v.version)
        .pop();
    if (target === undefined) throw new LoopaiError(`task "${task}" has no earlier version to roll back to`, "usage");
    const v = versions.find((x) => x.version === target);
    if (!v)
      throw new LoopaiError(
        `task "${task}" has no version ${target} (versions: ${versions.map((x) => x.version).join(", ") || "none"})`,
        "usage",
      );
    if (v.status === "rejected" && v.body === "")
      throw new LoopaiError(`version ${target} has no program to run`, "usage");
    if (row.canary) this.store.setVersionStatus(task, row.canary.candidate, "rolled_back");
    if (current !== null && current !== target) this.store.setVersionStatus(task, current, "rolled_back");
    this.store.setVersionStatus(task, target, "active");
    this.store.setActiveVersion(task, target);
    this.store.setCanary(task, null);
    this.invalidate(task);
    this.store.audit(task, "rollback", current, target, { by: "request" });
    const rt = this.runtimes.get(task);
    if (rt) rt.labelsAtTraining = v.trainingSize;
    return target;
  }

  // ---- serving -----------------------------------------------------------------------------

  private counters(rt: Runtime, version: number): ExecutionCounters {
    let c = rt.counters.get(version);
    if (!c) {
      c = newCounters();
      rt.counters.set(version, c);
    }
    return c;
  }

  /**
   * Writes the in-memory execution counters to the store and zeroes them in place (a request in
   * flight still holds its counters object, and its later increments must land in the next write).
   */
  flush(task?: string): void {
    let requests = 0;
    for (const [name, rt] of this.runtimes) {
      if (task && name !== task) continue;
      for (const [version, c] of rt.counters) {
        if (Object.values(c).every((x) => x === 0)) continue;
        this.store.addCounters(name, version, c);
        requests += c.requests;
        Object.assign(c, newCounters());
      }
      rt.pendingFlush = 0;
      if (rt.canaryClock) {
        const canary = this.canaryWithClock(name, rt);
        if (canary) this.store.setCanary(name, canary);
        // The cached row's stage clock is behind the store's now.
        rt.row = undefined;
      }
    }
    if (!task) {
      this.lastFlush = performance.now();
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    if (requests > 0) this.options.onEvent?.("counters-flushed", { requests });
  }

  /** Counts wait in memory for at most the flush interval: the next request or this timer writes them. */
  private flushSoon(now: number): void {
    if (now - this.lastFlush >= this.flushIntervalMs) {
      this.flush();
      return;
    }
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.flushIntervalMs - (now - this.lastFlush));
    // The timer must not keep a finished process alive; close() writes what is left.
    this.flushTimer.unref();
  }

  private async runVersion(
    task: string,
    rt: Runtime,
    version: number,
    input: unknown,
  ): Promise<{ answer?: Answer; error?: string; micros: number }> {
    const t0 = performance.now();
    try {
      const r = this.runner(task, rt, version)(input);
      const answer = r instanceof Promise ? await r : r;
      const micros = (performance.now() - t0) * 1000;
      const bad = rt.check(answer.output);
      if (bad) return { error: `version ${version}: ${bad}`, micros };
      return { answer, micros };
    } catch (err) {
      return { error: `version ${version} failed: ${(err as Error).message}`, micros: (performance.now() - t0) * 1000 };
    }
  }

  private previousGood(task: string, exclude: number): number | undefined {
    return this.store
      .versions(task)
      .filter((v) => v.version !== exclude && v.status === "retired" && v.body !== "")
      .map((v) => v.version)
      .pop();
  }

  private async askOracle(
    task: string,
    rt: Runtime,
    input: unknown,
    version: number,
    predicted: unknown,
    confidence: number,
  ): Promise<OracleResult> {
    rt.answers ??= new Map(this.store.oracleAnswers(task).map((a) => [oracleKey(a.input), a.output]));
    const key = oracleKey(input);
    if (rt.answers.has(key))
      return { kind: "answer", output: rt.answers.get(key), cost: 0, inputTokens: 0, outputTokens: 0, cached: true };
    if (rt.spec.budget.maxOracleCalls !== undefined && rt.oracleCalls >= rt.spec.budget.maxOracleCalls) {
      return { kind: "error", error: `oracle budget of ${rt.spec.budget.maxOracleCalls} calls is spent`, cost: 0 };
    }
    rt.oracleCalls++;
    let r: OracleResult;
    try {
      const a = rt.oracle.ask(input, { task, version, predicted, confidence });
      r = a instanceof Promise ? await a : a;
    } catch (err) {
      r = { kind: "error", error: (err as Error).message, cost: 0 };
    }
    if (r.kind === "answer") {
      const bad = rt.check(r.output);
      if (bad) r = { kind: "error", error: `oracle ${rt.oracle.name}: ${bad}`, cost: r.cost };
    }
    if (r.kind === "answer") rt.answers.set(key, r.output);
    if (r.kind !== "pending") {
      this.store.addOracleCall({
        task,
        oracle: rt.oracle.name,
        input,
        output: r.kind === "answer" ? r.output : null,
        valid: r.kind === "answer",
        cost: r.cost,
        inputTokens: r.kind === "answer" ? r.inputTokens : 0,
        outputTokens: r.kind === "answer" ? r.outputTokens : 0,
        error: r.kind === "error" ? r.error : undefined,
      });
    }
    return r;
  }

  async execute(task: string, input: unknown): Promise<ExecuteResult> {
    const rt = this.runtime(task);
    const refused = rt.checkInput(input);
    if (refused !== undefined) throw new LoopaiError(`task "${task}": ${refused}`, "input");
    const now = performance.now();
    if (!rt.row || now - rt.rowAt > 1000) {
      rt.row = this.store.getTask(task);
      rt.rowAt = now;
    }
    const row = rt.row;
    const active = row?.activeVersion ?? null;
    const canary = row?.canary ?? null;
    const errors: string[] = [];
    let version = active;
    if (canary) {
      this.tickCanary(task, rt, canary);
      // A canary held for approval keeps its share: the analysis goes on while a person decides.
      if (this.random() < rt.spec.improvement.canaryStages[canary.stage]) version = canary.candidate;
    }
    const counterVersion = version ?? 0;
    const counters = this.counters(rt, counterVersion);
    counters.requests++;
    if (++rt.pendingFlush >= 2000) this.flush();
    else this.flushSoon(now);
    let answer: Answer | undefined;
    let servedBy: ServedBy = "program";
    let micros = 0;
    if (version !== null) {
      const r = await this.runVersion(task, rt, version, input);
      micros = r.micros;
      counters.execMicros += r.micros;
      answer = r.answer;
      if (r.error) {
        errors.push(r.error);
        counters.errors++;
        // A canary that fails falls back to the incumbent first.
        const previous =
          version !== active && active !== null
            ? active
            : rt.spec.onProgramError === "previous"
              ? this.previousGood(task, version)
              : undefined;
        if (previous !== undefined) {
          const p = await this.runVersion(task, rt, previous, input);
          if (p.answer) {
            answer = p.answer;
            servedBy = "previous";
            version = previous;
          } else if (p.error) errors.push(p.error);
        }
      }
    } else errors.push(`task "${task}" has no active program yet (run \`loopai train ${task}\`)`);
    if (!answer) {
      // Nothing ran: the oracle answers this request itself.
      const o = await this.askOracle(task, rt, input, version ?? 0, null, 0);
      if (o.kind === "answer") {
        counters.oracleAnswers++;
        // A program that could not answer disagrees with the oracle: that is how a drift that
        // breaks the program (a format it cannot read) shows in the agreement and the failures.
        const agree =
          version === null
            ? undefined
            : this.compare(task, rt, version, input, { output: null, confidence: 0 }, o.output, "fallback");
        // A cached answer is a label the task has already.
        if (!o.cached && version === null) this.recordLabel(task, rt, input, o.output, "oracle");
        else if (!o.cached) await this.afterLabel(task, rt, input, o.output, "oracle");
        return {
          output: o.output,
          confidence: 1,
          version,
          servedBy: "oracle",
          sampled: true,
          sampleReason: "fallback",
          oracleOutput: o.output,
          agree,
          errors,
          micros,
        };
      }
      if (o.kind === "error") errors.push(o.error);
      counters.unanswered++;
      return {
        output: null,
        confidence: 0,
        version,
        servedBy: "none",
        sampled: o.kind === "pending",
        reviewId: o.kind === "pending" ? o.reviewId : undefined,
        errors,
        micros,
      };
    }
    if (servedBy === "program") counters.programAnswers++;
    else counters.fallbackAnswers++;
    const result: ExecuteResult = {
      output: answer.output,
      confidence: answer.confidence,
      version,
      servedBy,
      sampled: false,
      micros,
    };
    if (errors.length > 0) result.errors = errors;
    if (rt.policyVersion !== active) {
      rt.policy.reset?.();
      rt.policyVersion = active;
    }
    const stratum = typeof answer.output === "string" ? answer.output : "*";
    const decision = rt.policy.decide(stratum, answer.confidence);
    if (!decision.sample) return result;
    result.sampled = true;
    result.sampleReason = decision.reason;
    const o = await this.askOracle(task, rt, input, version ?? 0, answer.output, answer.confidence);
    if (o.kind === "pending") {
      result.reviewId = o.reviewId;
      return result;
    }
    if (o.kind === "error") {
      result.errors = [...(result.errors ?? []), o.error];
      this.store.addSample({
        task,
        version: version ?? 0,
        input,
        predicted: answer.output,
        confidence: answer.confidence,
        oracleOutput: null,
        agree: null,
        reason: decision.reason,
        error: o.error,
      });
      return result;
    }
    const agree = this.compare(task, rt, version ?? 0, input, answer, o.output, decision.reason);
    result.oracleOutput = o.output;
    result.agree = agree;
    // The oracle's answer is at hand: serve it (this is what makes uncertainty sampling a cascade).
    result.output = o.output;
    result.confidence = 1;
    result.servedBy = "oracle";
    counters.oracleAnswers++;
    if (servedBy === "program") counters.programAnswers--;
    else counters.fallbackAnswers--;
    // A cached answer is a label the task has already: it is not stored twice.
    if (!o.cached) await this.afterLabel(task, rt, input, o.output, "oracle");
    return result;
  }

  /** Records a comparison of a program's answer with a trusted one; returns whether they agree. */
  private compare(
    task: string,
    rt: Runtime,
    version: number,
    input: unknown,
    answer: Answer,
    truth: unknown,
    reason: string,
  ): boolean {
    const agree = outputsAgree(answer.output, truth, rt.spec.comparison, rt.spec.numericTolerance);
    this.store.addSample({
      task,
      version,
      input,
      predicted: answer.output,
      confidence: answer.confidence,
      oracleOutput: truth,
      agree,
      reason,
    });
    if (!agree) this.store.addFailure(task, version, input, answer.output, truth);
    rt.policy.observe(agree);
    rt.recent.push(agree);
    if (rt.recent.length > AGREEMENT_WINDOW) rt.recent.shift();
    return agree;
  }

  private recordLabel(
    task: string,
    rt: Runtime,
    input: unknown,
    output: unknown,
    source: "oracle" | "feedback" | "human",
  ): void {
    this.store.addLabel(task, input, output, source);
    rt.labelsNow++;
  }

  /** Stores a new label, advances any canary on it, and regenerates when it is time. */
  private async afterLabel(
    task: string,
    rt: Runtime,
    input: unknown,
    truth: unknown,
    source: "oracle" | "feedback" | "human",
  ): Promise<void> {
    this.recordLabel(task, rt, input, truth, source);
    await this.compareOnCanary(task, rt, input, truth);
    if (this.options.autoImprove === false) return;
    const imp = rt.spec.improvement;
    const newLabels = rt.labelsNow - rt.labelsAtTraining;
    const agreementDrop = this.incumbentBelowTarget(rt) && newLabels >= 10;
    const due =
      newLabels >= imp.minNewLabels || rt.labelsNow >= rt.labelsAtTraining * imp.growthFactor || agreementDrop;
    if (!due || rt.improving) return;
    // A running canary holds regeneration back (its stages are short), unless drift overtook it.
    const canary = this.store.getTask(task)?.canary;
    if (canary && !overtaken(canary, imp, rt.spec.accuracyTarget)) return;
    rt.improving = this.train(task)
      .then((v) =>
        this.options.onEvent?.("regenerated", {
          version: v?.version,
          status: v?.status,
          reason: agreementDrop ? "agreement-drop" : "new-labels",
        }),
      )
      .catch((err) => this.options.onEvent?.("regeneration-failed", (err as Error).message))
      .finally(() => {
        rt.improving = undefined;
        rt.recent.length = 0;
      });
    await rt.improving;
  }

  /**
   * Whether the serving program's agreement over its last AGREEMENT_WINDOW comparisons is below the
   * accuracy target even at the interval's upper bound: the program is failing, not merely unlucky.
   */
  private incumbentBelowTarget(rt: Runtime): boolean {
    if (rt.recent.length < AGREEMENT_WINDOW) return false;
    return wilsonInterval(rt.recent.filter(Boolean).length, rt.recent.length).high < rt.spec.accuracyTarget;
  }

  /** The stored canary with the requests this process has served for its stage added in. */
  private canaryWithClock(task: string, rt: Runtime): CanaryState | null {
    const canary = this.store.getTask(task)?.canary ?? null;
    const clock = rt.canaryClock;
    rt.canaryClock = undefined;
    if (canary && clock && clock.candidate === canary.candidate && clock.stage === canary.stage)
      canary.stageRequests += clock.requests;
    return canary;
  }

  /** One request served while a canary runs; the request that ends the stage settles it. */
  private tickCanary(task: string, rt: Runtime, canary: CanaryState): void {
    let clock = rt.canaryClock;
    if (!clock || clock.candidate !== canary.candidate || clock.stage !== canary.stage) {
      clock = { candidate: canary.candidate, stage: canary.stage, requests: 0 };
      rt.canaryClock = clock;
    }
    clock.requests++;
    // Only the crossing: a stage held past its end (for comparisons or approval) moves on labels.
    if (canary.stageRequests + clock.requests !== rt.spec.improvement.requestsPerStage) return;
    const current = this.canaryWithClock(task, rt);
    if (current) this.settleCanary(task, rt, current);
  }

  /** Paired comparison on a labelled request: both programs answer, the analysis runs at once. */
  private async compareOnCanary(task: string, rt: Runtime, input: unknown, truth: unknown): Promise<void> {
    const running = this.store.getTask(task)?.canary;
    if (!running) return;
    const [cand, inc] = await Promise.all([
      this.runVersion(task, rt, running.candidate, input),
      this.runVersion(task, rt, running.incumbent, input),
    ]);
    const right = (r: { answer?: Answer }) =>
      r.answer !== undefined && outputsAgree(r.answer.output, truth, rt.spec.comparison, rt.spec.numericTolerance);
    // Read again after the programs ran: a request meanwhile may have ended the stage.
    const canary = this.canaryWithClock(task, rt);
    if (!canary || canary.candidate !== running.candidate) return;
    recordPair(canary, right(cand), right(inc));
    this.settleCanary(task, rt, canary);
  }

  /** Applies what the canary rules decide, and writes the canary back. */
  private settleCanary(task: string, rt: Runtime, canary: CanaryState): void {
    const imp = rt.spec.improvement;
    const d = decide(canary, imp);
    this.invalidate(task);
    switch (d.kind) {
      case "continue":
        this.store.setCanary(task, canary);
        return;
      case "rollback":
        this.store.setVersionStatus(task, canary.candidate, "rolled_back");
        this.store.setCanary(task, null);
        this.store.audit(task, "rollback", canary.candidate, canary.incumbent, { ...d.analysis, by: "regression" });
        // The same labels would train the same candidate: wait for new ones.
        rt.labelsAtTraining = rt.labelsNow;
        return;
      case "advance":
        this.store.audit(task, "canary-advance", canary.incumbent, canary.candidate, {
          ...d.analysis,
          nextShare: imp.canaryStages[d.nextStage],
        });
        this.store.setCanary(task, { ...canary, stage: d.nextStage, stageRequests: 0 });
        return;
      case "await-approval":
        this.store.setCanary(task, { ...canary, awaitingApproval: true });
        this.store.audit(task, "awaiting-approval", canary.incumbent, canary.candidate, d.analysis);
        return;
      case "promote":
        this.promote(task, canary.incumbent, canary.candidate, { ...d.analysis, rollout: "canary" });
        return;
    }
  }

  async executeBatch(task: string, inputs: unknown[]): Promise<ExecuteResult[]> {
    // All or nothing: a bad input is found before any is answered, and named by its index.
    const rt = this.runtime(task);
    inputs.forEach((input, i) => {
      const refused = rt.checkInput(input);
      if (refused !== undefined)
        throw new LoopaiError(`task "${task}": inputs[${i}]: ${refused}`, "input", { field: `inputs.${i}` });
    });
    const out: ExecuteResult[] = [];
    for (const x of inputs) out.push(await this.execute(task, x));
    return out;
  }

  /** A label from outside (a user's correction, a downstream signal): stored and compared. */
  async feedback(
    task: string,
    input: unknown,
    output: unknown,
  ): Promise<{ agree: boolean | null; version: number | null }> {
    const rt = this.runtime(task);
    const bad = rt.checkInput(input) ?? rt.check(output);
    if (bad) throw new LoopaiError(`feedback for task "${task}": ${bad}`, "input");
    const active = this.store.getTask(task)?.activeVersion ?? null;
    let agree: boolean | null = null;
    if (active !== null) {
      const r = await this.runVersion(task, rt, active, input);
      if (r.answer) agree = this.compare(task, rt, active, input, r.answer, output, "feedback");
    }
    await this.afterLabel(task, rt, input, output, "feedback");
    return { agree, version: active };
  }

  pendingReviews(task: string, limit?: number): ReviewRow[] {
    this.taskRow(task);
    return this.store.pendingReviews(task, limit);
  }

  /** A person's label for a queued item (of `task`, when the caller names one). */
  async answerReview(id: number, label: unknown, task?: string): Promise<{ agree: boolean }> {
    const review = this.store.getReview(id);
    if (!review || (task !== undefined && review.task !== task))
      throw new LoopaiError(`no review item ${id}${task === undefined ? "" : ` in task "${task}"`}`, "missing");
    if (review.status !== "pending")
      throw new LoopaiError(`review item ${id} is already labelled (${JSON.stringify(review.label)})`, "usage");
    const rt = this.runtime(review.task);
    const bad = rt.check(label);
    if (bad) throw new LoopaiError(`review item ${id}: ${bad}`, "input");
    this.store.completeReview(id, label);
    rt.oracleCalls++;
    this.store.addOracleCall({
      task: review.task,
      oracle: "human",
      input: review.input,
      output: label,
      valid: true,
      cost: rt.oracle.costPerCall,
      inputTokens: 0,
      outputTokens: 0,
    });
    const agree = this.compare(
      review.task,
      rt,
      review.version,
      review.input,
      { output: review.predicted, confidence: review.confidence },
      label,
      "review",
    );
    await this.afterLabel(review.task, rt, review.input, label, "human");
    return { agree };
  }

  /** `loopai status`: what the store knows of the task, the counters written first. */
  status(task: string): TaskStatus {
    const rt = this.runtime(task);
    this.flush(task);
    return taskStatus(this.store, task, rt.spec, rt.oracle);
  }

  async close(): Promise<void> {
    this.flush();
    await this.ownPool?.close();
  }
}
