// The loop: serve each request from the active program, send a sample to the oracle off the
// request path (oracle-queue.ts), store what it says, regenerate when labels accumulate or
// agreement drops, and roll new versions out (rollout.ts) by canary (canary.ts).

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import { wilsonInterval } from "@toolchain/stats";
import { overtaken } from "./canary.js";
import { LoopaiError } from "./errors.js";
import { compileDataProgram } from "./interpreter.js";
import { DatasetOracle } from "./oracles/dataset.js";
import { HumanReviewOracle } from "./oracles/human.js";
import { LlmOracle } from "./oracles/llm.js";
import type { Oracle, OracleResult } from "./oracles/oracle.js";
import type { Answer, DataProgram, ProgramVersion } from "./programs.js";
import { createProviderChain, providerProblem } from "./providers/index.js";
import type { ChatProvider } from "./providers/types.js";
import { Rollout, type RolloutHost, type VersionRun } from "./rollout.js";
import { seededRandom } from "./sampling.js";
import { type TaskSpec, validateSpec } from "./spec.js";
import { type TaskStatus, taskStatus } from "./status.js";
import type { LoopaiStore, ReviewRow, TaskRow } from "./store.js";
import { countersOf, createRuntime, newCounters, type Runner, type TaskRuntime } from "./task-runtime.js";
import { canonicalJson, oracleKey, outputsAgree } from "./validation.js";
import { WorkerPool } from "./worker-pool.js";

export type ServedBy = "program" | "previous" | "oracle" | "none";

export interface ExecuteResult {
  output: unknown;
  confidence: number;
  version: number | null;
  servedBy: ServedBy;
  sampled: boolean;
  sampleReason?: string;
  /** The sample waits for the oracle in the background (its answer is not in this result). */
  queued?: boolean;
  oracleOutput?: unknown;
  agree?: boolean;
  reviewId?: number;
  /** What went wrong on the way, if anything (the request may still have been answered). */
  errors?: string[];
  /** Program execution time, microseconds. */
  micros: number;
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
  /**
   * Cross-validate new versions in a worker thread (default true), so that serving goes on while
   * a version trains. False trains on the event loop, which then answers nothing meanwhile: a
   * replay of a recorded stream as fast as the loop answers uses it to stand for traffic that
   * arrives over time (training would otherwise lag thousands of requests behind).
   */
  trainOffThread?: boolean;
}

/** Comparisons the agreement-drop trigger for regeneration looks back over. */
const AGREEMENT_WINDOW = 50;
/** Times a sample goes back in the queue because the oracle said to wait, before it is given up. */
const MAX_SAMPLE_RETRIES = 3;

export class Loopai implements RolloutHost {
  readonly store: LoopaiStore;
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly runtimes = new Map<string, TaskRuntime>();
  private readonly loading = new Map<string, Promise<TaskRuntime>>();
  private readonly rollout = new Rollout(this);
  /** Work no request waits for (regeneration, canary settling, counter writes), for drain(). */
  private readonly background = new Set<Promise<unknown>>();
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

  event(event: string, detail: unknown): void {
    this.options.onEvent?.(event, detail);
  }

  /** Runs `work` in the background; drain() waits for it, and a failure is reported, not thrown. */
  private track(work: Promise<unknown> | undefined): void {
    if (!work) return;
    const tracked = work
      .catch((err) => this.event("background-failed", (err as Error).message))
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  /** Settles when no oracle call, sample, regeneration or write started so far is left. */
  async drain(): Promise<void> {
    for (;;) {
      const busy = [...this.runtimes.values()].filter((rt) => {
        const q = rt.queue.stats();
        return q.running + q.waiting > 0;
      });
      if (this.background.size === 0 && busy.length === 0) return;
      await Promise.all([...this.background, ...busy.map((rt) => rt.queue.idle())]);
    }
  }

  // ---- tasks ------------------------------------------------------------------------------

  /**
   * Registers a task from a spec object; its examples become the first labels. A spec that cannot
   * run is refused now (its dataset unreadable, a provider without a key or endpoint). A task that
   * exists is changed only with `update`, which adds the examples not yet among its labels.
   */
  async createTask(raw: unknown, options: { update?: boolean } = {}): Promise<TaskSpec> {
    const spec = validateSpec(raw, "spec");
    const existing = await this.store.getTask(spec.name);
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
    await this.store.saveTask(spec);
    const known = new Set((await this.store.labels(spec.name)).map((l) => canonicalJson([l.input, l.output])));
    for (const e of spec.examples)
      if (!known.has(canonicalJson([e.input, e.output])))
        await this.store.addLabel(spec.name, e.input, e.output, "example");
    this.runtimes.delete(spec.name);
    return spec;
  }

  /** The task's stored row; an unknown task is an error naming the known ones. */
  private async taskRow(task: string): Promise<TaskRow> {
    const row = await this.store.getTask(task);
    if (!row)
      throw new LoopaiError(
        `unknown task "${task}" (known: ${(await this.store.listTasks()).join(", ") || "none"}); create it with \`loopai init\``,
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

  synthesisTools(spec: TaskSpec): { provider?: ChatProvider; pool: WorkerPool; offThread: boolean } {
    const provider =
      this.options.provider ??
      (spec.oracle.type === "llm" ? createProviderChain(spec.oracle.providers, this.options.env) : undefined);
    return { provider, pool: this.pool, offThread: this.options.trainOffThread !== false };
  }

  runtime(task: string): Promise<TaskRuntime> {
    const ready = this.runtimes.get(task);
    if (ready) return Promise.resolve(ready);
    let loading = this.loading.get(task);
    if (!loading) {
      loading = this.loadRuntime(task).finally(() => this.loading.delete(task));
      this.loading.set(task, loading);
    }
    return loading;
  }

  private async loadRuntime(task: string): Promise<TaskRuntime> {
    const { spec, activeVersion } = await this.taskRow(task);
    const [versions, labels, totals] = await Promise.all([
      this.store.versions(task),
      this.store.labelCount(task),
      this.store.oracleTotals(task),
    ]);
    // The labels the serving version was trained on (or, with none serving, the last one tried).
    const trained = versions.find((v) => v.version === activeVersion) ?? versions.at(-1);
    const rt = createRuntime(spec, this.makeOracle(spec), {
      labels,
      labelsAtTraining: trained?.trainingSize ?? 0,
      oracleCalls: totals.calls,
    });
    this.runtimes.set(task, rt);
    return rt;
  }

  private async loadRunner(task: string, rt: TaskRuntime, version: number): Promise<Runner> {
    const v = await this.store.getVersion(task, version);
    if (!v) throw new LoopaiError(`task "${task}" has no version ${version}`, "usage");
    let r: Runner;
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
    return r;
  }

  invalidate(task: string): void {
    const rt = this.runtimes.get(task);
    if (rt) rt.row = undefined;
  }

  // ---- training and rollout (rollout.ts) ----------------------------------------------------

  train(task: string, options: { force?: boolean } = {}): Promise<ProgramVersion | undefined> {
    return this.rollout.train(task, options);
  }

  approve(task: string): Promise<number> {
    return this.rollout.approve(task);
  }

  rollback(task: string, toVersion?: number): Promise<number> {
    return this.rollout.rollback(task, toVersion);
  }

  // ---- serving -----------------------------------------------------------------------------

  /**
   * Writes the in-memory execution counters to the store and zeroes them in place first (a
   * request in flight still holds its counters object, and its later increments must land in the
   * next write).
   */
  async flush(task?: string): Promise<void> {
    let requests = 0;
    if (!task) {
      this.lastFlush = performance.now();
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    for (const [name, rt] of this.runtimes) {
      if (task && name !== task) continue;
      const writes: [number, ReturnType<typeof newCounters>][] = [];
      for (const [version, c] of rt.counters) {
        if (Object.values(c).every((x) => x === 0)) continue;
        writes.push([version, { ...c }]);
        requests += c.requests;
        Object.assign(c, newCounters());
      }
      rt.pendingFlush = 0;
      for (const [version, c] of writes) await this.store.addCounters(name, version, c);
      await this.rollout.flushClock(name, rt);
    }
    if (requests > 0) this.event("counters-flushed", { requests });
  }

  /** Counts wait in memory for at most the flush interval: the next request or this timer writes them. */
  private flushSoon(now: number): void {
    if (now - this.lastFlush >= this.flushIntervalMs) {
      this.track(this.flush());
      return;
    }
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.track(this.flush()), this.flushIntervalMs - (now - this.lastFlush));
    // The timer must not keep a finished process alive; close() writes what is left.
    this.flushTimer.unref();
  }

  async runVersion(task: string, rt: TaskRuntime, version: number, input: unknown): Promise<VersionRun> {
    let t0 = performance.now();
    try {
      let run = rt.runners.get(version);
      if (!run) {
        run = await this.loadRunner(task, rt, version);
        t0 = performance.now();
      }
      const r = run(input);
      const answer = r instanceof Promise ? await r : r;
      const micros = (performance.now() - t0) * 1000;
      const bad = rt.check(answer.output);
      if (bad && answer.output === null) return { declined: true, micros };
      if (bad) return { error: `version ${version}: ${bad}`, micros };
      return { answer, micros };
    } catch (err) {
      return { error: `version ${version} failed: ${(err as Error).message}`, micros: (performance.now() - t0) * 1000 };
    }
  }

  private async previousGood(task: string, exclude: number): Promise<number | undefined> {
    return (await this.store.versions(task))
      .filter((v) => v.version !== exclude && v.status === "retired" && v.body !== "")
      .map((v) => v.version)
      .pop();
  }

  /** Asks the oracle, from the cache when it answered this input before, within the call budget. */
  private async askOracle(
    task: string,
    rt: TaskRuntime,
    input: unknown,
    version: number,
    predicted: unknown,
    confidence: number,
  ): Promise<OracleResult> {
    rt.answers ??= new Map((await this.store.oracleAnswers(task)).map((a) => [oracleKey(a.input), a.output]));
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
      await this.store.addOracleCall({
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
    const rt = this.runtimes.get(task) ?? (await this.runtime(task));
    const refused = rt.checkInput(input);
    if (refused !== undefined) throw new LoopaiError(`task "${task}": ${refused}`, "input");
    const now = performance.now();
    if (!rt.row || now - rt.rowAt > 1000) {
      // One read at a time: the requests in flight (a batch's inputs) share it.
      rt.rowRead ??= this.store.taskState(task).finally(() => {
        rt.rowRead = undefined;
      });
      rt.row = await rt.rowRead;
      rt.rowAt = now;
    }
    const row = rt.row;
    const active = row?.activeVersion ?? null;
    const canary = row?.canary ?? null;
    const errors: string[] = [];
    let version = active;
    if (canary) {
      this.track(this.rollout.tick(task, rt, canary));
      // A canary held for approval keeps its share: the analysis goes on while a person decides.
      if (this.random() < rt.spec.improvement.canaryStages[canary.stage]) version = canary.candidate;
    }
    const counters = countersOf(rt, version ?? 0);
    counters.requests++;
    if (++rt.pendingFlush >= 2000) this.track(this.flush());
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
      }
      if (!answer) {
        // Another program before the oracle: the canary's other side (a new input format the
        // incumbent declines is often one the candidate was trained on: on the drifting log
        // stream that took the oracle rate from 5.6% to 3.5%), then the last good version.
        const previous =
          canary && version === active
            ? canary.candidate
            : version !== active && active !== null
              ? active
              : rt.spec.onProgramError === "previous"
                ? await this.previousGood(task, version)
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
    if (!answer) return this.oracleInstead(task, rt, input, version, counters, errors, micros);
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
    // A cascade waits only for an oracle that can take the call now, never behind calls in
    // flight: with a hanging provider, every cascaded request waited out the deadline, and at 50
    // connections that starved the server (746 requests/s, p99 4.9 s).
    const queue = rt.queue.stats();
    const oracleFree = queue.running < rt.spec.serving.oracleConcurrency && queue.waiting === 0;
    const answered = this.sample(task, rt, input, version ?? 0, answer, decision.reason);
    const cascade = rt.spec.serving.cascade;
    if (!cascade || decision.reason !== "uncertainty" || !oracleFree) {
      result.queued = true;
      return result;
    }
    // A cascade: this low-confidence request waits for the oracle, up to the deadline.
    const o = await withDeadline(answered, cascade.deadlineMs);
    if (o === "late") {
      result.queued = true;
      result.errors = [
        ...(result.errors ?? []),
        `the oracle gave no answer within ${cascade.deadlineMs} ms; the program's answer is served`,
      ];
      return result;
    }
    if (o?.kind === "pending") result.reviewId = o.reviewId;
    if (o?.kind === "error") result.errors = [...(result.errors ?? []), o.error];
    if (o?.kind !== "answer") return result;
    result.oracleOutput = o.output;
    result.agree = outputsAgree(answer.output, o.output, rt.spec.comparison, rt.spec.numericTolerance);
    result.output = o.output;
    result.confidence = 1;
    result.servedBy = "oracle";
    counters.oracleAnswers++;
    if (servedBy === "program") counters.programAnswers--;
    else counters.fallbackAnswers--;
    return result;
  }

  /** No program could answer: the oracle answers the request itself, which waits for it. */
  private async oracleInstead(
    task: string,
    rt: TaskRuntime,
    input: unknown,
    version: number | null,
    counters: ReturnType<typeof newCounters>,
    errors: string[],
    micros: number,
  ): Promise<ExecuteResult> {
    const o = await this.askOracle(task, rt, input, version ?? 0, null, 0);
    if (o.kind === "answer") {
      counters.oracleAnswers++;
      // A program that could not answer disagrees with the oracle: that is how a drift that
      // breaks the program (a format it cannot read) shows in the agreement and the failures.
      const agree =
        version === null
          ? undefined
          : await this.compare(task, rt, version, input, { output: null, confidence: 0 }, o.output, "fallback");
      // A cached answer is a label the task has already. Without a program, labels still count
      // towards the next training (a first version below the accuracy target waits for them).
      if (!o.cached) this.track(this.learn(task, rt, input, o.output, "oracle"));
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

  /**
   * Queues a served request for the oracle. Resolves with the oracle's result as soon as it is in
   * (a cascade may be waiting for it), or undefined when the backlog was full; the comparison and
   * the new label are recorded after that, in the queue's time.
   */
  private sample(
    task: string,
    rt: TaskRuntime,
    input: unknown,
    version: number,
    answer: Answer,
    reason: string,
  ): Promise<OracleResult | undefined> {
    return new Promise((resolve) => {
      let retries = 0;
      const job = async (): Promise<void> => {
        const o = await this.askOracle(task, rt, input, version, answer.output, answer.confidence);
        if (o.kind === "error" && o.retryAfterMs !== undefined && retries < MAX_SAMPLE_RETRIES) {
          // The oracle said when it can answer again: the whole queue waits until then.
          retries++;
          rt.queue.pause(o.retryAfterMs);
          rt.queue.retry(job);
          return;
        }
        resolve(o);
        await this.recordSample(task, rt, input, version, answer, reason, o);
      };
      if (!rt.queue.push(job)) {
        this.event("sample-dropped", { task, reason: "oracle backlog full", backlog: rt.spec.serving.oracleBacklog });
        resolve(undefined);
      }
    });
  }

  private async recordSample(
    task: string,
    rt: TaskRuntime,
    input: unknown,
    version: number,
    answer: Answer,
    reason: string,
    o: OracleResult,
  ): Promise<void> {
    if (o.kind === "pending") return;
    if (o.kind === "error") {
      await this.store.addSample({
        task,
        version,
        input,
        predicted: answer.output,
        confidence: answer.confidence,
        oracleOutput: null,
        agree: null,
        reason,
        error: o.error,
      });
      return;
    }
    await this.compare(task, rt, version, input, answer, o.output, reason);
    // A cached answer is a label the task has already: it is not stored twice.
    if (!o.cached) await this.learn(task, rt, input, o.output, "oracle");
  }

  /** Records a comparison of a program's answer with a trusted one; returns whether they agree. */
  private async compare(
    task: string,
    rt: TaskRuntime,
    version: number,
    input: unknown,
    answer: Answer,
    truth: unknown,
    reason: string,
  ): Promise<boolean> {
    const agree = outputsAgree(answer.output, truth, rt.spec.comparison, rt.spec.numericTolerance);
    rt.policy.observe(agree);
    rt.recent.push(agree);
    if (rt.recent.length > AGREEMENT_WINDOW) rt.recent.shift();
    await this.store.addSample({
      task,
      version,
      input,
      predicted: answer.output,
      confidence: answer.confidence,
      oracleOutput: truth,
      agree,
      reason,
    });
    if (!agree) await this.store.addFailure(task, version, input, answer.output, truth);
    return agree;
  }

  /** Stores a new label, advances any canary on it, and starts regeneration in the background when it is time. */
  private async learn(
    task: string,
    rt: TaskRuntime,
    input: unknown,
    truth: unknown,
    source: "oracle" | "feedback" | "human",
  ): Promise<void> {
    await this.store.addLabel(task, input, truth, source);
    rt.labelsNow++;
    await this.rollout.compare(task, rt, input, truth);
    if (this.options.autoImprove === false) return;
    const imp = rt.spec.improvement;
    const newLabels = rt.labelsNow - rt.labelsAtTraining;
    const agreementDrop = this.incumbentBelowTarget(rt) && newLabels >= 10;
    const due =
      newLabels >= imp.minNewLabels || rt.labelsNow >= rt.labelsAtTraining * imp.growthFactor || agreementDrop;
    if (!due || rt.improving) return;
    // Pacing: new labels alone do not start a training before the last one's share of the time has
    // passed. Drift does: serving a program below target costs more than the cores.
    if (!agreementDrop && performance.now() < rt.nextTrainingAt) return;
    // A running canary holds regeneration back (its stages are short), unless drift overtook it.
    const canary = (await this.store.taskState(task))?.canary;
    if (canary && !overtaken(canary, imp, rt.spec.accuracyTarget)) return;
    if (rt.improving) return;
    const started = performance.now();
    rt.improving = this.train(task)
      .then((v) =>
        this.event("regenerated", {
          version: v?.version,
          status: v?.status,
          reason: agreementDrop ? "agreement-drop" : "new-labels",
        }),
      )
      .catch((err) => this.event("regeneration-failed", (err as Error).message))
      .finally(() => {
        rt.improving = undefined;
        rt.recent.length = 0;
        const took = performance.now() - started;
        rt.nextTrainingAt = performance.now() + took * (1 / imp.maxTrainingShare - 1);
      });
    this.track(rt.improving);
  }

  /**
   * Whether the serving program's agreement over its last AGREEMENT_WINDOW comparisons is below the
   * accuracy target even at the interval's upper bound: the program is failing, not merely unlucky.
   */
  private incumbentBelowTarget(rt: TaskRuntime): boolean {
    if (rt.recent.length < AGREEMENT_WINDOW) return false;
    return wilsonInterval(rt.recent.filter(Boolean).length, rt.recent.length).high < rt.spec.accuracyTarget;
  }

  async executeBatch(task: string, inputs: unknown[]): Promise<ExecuteResult[]> {
    // All or nothing: a bad input is found before any is answered, and named by its index.
    const rt = await this.runtime(task);
    inputs.forEach((input, i) => {
      const refused = rt.checkInput(input);
      if (refused !== undefined)
        throw new LoopaiError(`task "${task}": inputs[${i}]: ${refused}`, "input", { field: `inputs.${i}` });
    });
    // Concurrently: an input that waits (for the oracle, for generated code) holds up no other.
    return Promise.all(inputs.map((x) => this.execute(task, x)));
  }

  /** A label from outside (a user's correction, a downstream signal): stored and compared. */
  async feedback(
    task: string,
    input: unknown,
    output: unknown,
  ): Promise<{ agree: boolean | null; version: number | null }> {
    const rt = await this.runtime(task);
    const bad = rt.checkInput(input) ?? rt.check(output);
    if (bad) throw new LoopaiError(`feedback for task "${task}": ${bad}`, "input");
    const active = (await this.store.taskState(task))?.activeVersion ?? null;
    let agree: boolean | null = null;
    if (active !== null) {
      const r = await this.runVersion(task, rt, active, input);
      if (r.answer) agree = await this.compare(task, rt, active, input, r.answer, output, "feedback");
    }
    await this.learn(task, rt, input, output, "feedback");
    return { agree, version: active };
  }

  async pendingReviews(task: string, limit?: number): Promise<ReviewRow[]> {
    await this.taskRow(task);
    return this.store.pendingReviews(task, limit);
  }

  /** A person's label for a queued item (of `task`, when the caller names one). */
  async answerReview(id: number, label: unknown, task?: string): Promise<{ agree: boolean }> {
    const review = await this.store.getReview(id);
    if (!review || (task !== undefined && review.task !== task))
      throw new LoopaiError(`no review item ${id}${task === undefined ? "" : ` in task "${task}"`}`, "missing");
    const rt = await this.runtime(review.task);
    const bad = rt.check(label);
    if (bad) throw new LoopaiError(`review item ${id}: ${bad}`, "input");
    if (review.status !== "pending" || !(await this.store.completeReview(id, label))) {
      const now = await this.store.getReview(id);
      throw new LoopaiError(`review item ${id} is already labelled (${JSON.stringify(now?.label)})`, "usage");
    }
    rt.oracleCalls++;
    await this.store.addOracleCall({
      task: review.task,
      oracle: "human",
      input: review.input,
      output: label,
      valid: true,
      cost: rt.oracle.costPerCall,
      inputTokens: 0,
      outputTokens: 0,
    });
    const agree = await this.compare(
      review.task,
      rt,
      review.version,
      review.input,
      { output: review.predicted, confidence: review.confidence },
      label,
      "review",
    );
    await this.learn(review.task, rt, review.input, label, "human");
    return { agree };
  }

  /** `loopai status`: what the store knows of the task, the counters written first. */
  async status(task: string): Promise<TaskStatus> {
    const rt = await this.runtime(task);
    await this.flush(task);
    return taskStatus(this.store, task, rt.spec, rt.oracle);
  }

  /** What waits for the oracle in this process, per task. */
  oracleQueues(): Map<string, ReturnType<TaskRuntime["queue"]["stats"]>> {
    return new Map([...this.runtimes].map(([task, rt]) => [task, rt.queue.stats()]));
  }

  /**
   * Lets the oracle work in flight finish (at most `graceMs`, default 10 s; what is still waiting
   * then is dropped and reported), writes the counters, and stops the worker pool it started.
   */
  async close(options: { graceMs?: number } = {}): Promise<void> {
    const grace = options.graceMs ?? 10_000;
    if ((await withDeadline(this.drain(), grace)) === "late") {
      let dropped = 0;
      for (const rt of this.runtimes.values()) dropped += rt.queue.clear();
      this.event("samples-abandoned", { dropped, graceMs: grace });
    }
    clearTimeout(this.flushTimer);
    await this.flush();
    await this.ownPool?.close();
  }
}

/** `work`'s value, or "late" when it takes longer than `ms`. */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
