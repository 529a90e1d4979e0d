// Training and rollout: a new version from the labels, its gates (output schema, holdout against
// the incumbent), and every change of which version serves: activation, the canary's stages
// (the rules are in canary.ts), promotion, approval and rollback. Each change is one store
// transaction that first checks the task is still in the state the decision was made in, so
// instances sharing a store never promote against a stale incumbent; and training holds a lease,
// so only one instance trains a task at a time.

import { compareProportions } from "@toolchain/stats";
import { analyse, decide, recordPair, startCanary } from "./canary.js";
import { LoopaiError } from "./errors.js";
import { clusterFailures } from "./improvement.js";
import { compileDataProgram } from "./interpreter.js";
import { type Answer, type ProgramVersion, trainingHash } from "./programs.js";
import type { ChatProvider } from "./providers/types.js";
import type { TaskSpec } from "./spec.js";
import type { AuditEntry, CanaryState, LoopaiStore, TaskChange, TaskRow } from "./store.js";
import { type Labelled, synthesize } from "./synthesizers/router.js";
import type { TaskRuntime } from "./task-runtime.js";
import { oracleKey, outputsAgree } from "./validation.js";
import type { WorkerPool } from "./worker-pool.js";

/**
 * How long a training lease lasts. Training (an LLM writing code included) takes seconds to a few
 * minutes; a lease outliving a crashed trainer keeps the others from training only this long.
 */
const LEASE_MS = 10 * 60_000;

export interface VersionRun {
  answer?: Answer;
  error?: string;
  /** The program answered null, which the output schema does not allow: it cannot read this input. */
  declined?: boolean;
  micros: number;
}

/** What the rollout needs from the loop that serves. */
export interface RolloutHost {
  readonly store: LoopaiStore;
  /** This process's name in leases. */
  readonly instance: string;
  runtime(task: string): Promise<TaskRuntime>;
  runVersion(task: string, rt: TaskRuntime, version: number, input: unknown): Promise<VersionRun>;
  synthesisTools(spec: TaskSpec): { provider?: ChatProvider; pool: WorkerPool; offThread: boolean };
  /** The task's state changed: re-read it before the next request. */
  invalidate(task: string): void;
  event(event: string, detail: unknown): void;
}

/** Promotion of `to` over whatever is active in `row`, superseding a canary of another version. */
function promotion(row: TaskRow, to: number, detail: unknown, spec: TaskSpec): TaskChange {
  const statuses: TaskChange["statuses"] = [];
  const audit: AuditEntry[] = [];
  if (row.canary && row.canary.candidate !== to) {
    statuses.push({ version: row.canary.candidate, status: "superseded" });
    audit.push({
      action: "canary-superseded",
      fromVersion: row.canary.candidate,
      toVersion: to,
      detail: analyse(row.canary, spec.improvement),
    });
  }
  if (row.activeVersion !== null && row.activeVersion !== to)
    statuses.push({ version: row.activeVersion, status: "retired" });
  statuses.push({ version: to, status: "active" });
  audit.push({ action: "promote", fromVersion: row.activeVersion, toVersion: to, detail });
  return { activeVersion: to, canary: null, statuses, audit };
}

/**
 * One label per input (inputs the same up to whitespace are one), the latest: a correction
 * replaces what it corrects, and an input labelled twice does not count twice when held out.
 */
function latestPerInput(rows: readonly Labelled[]): Labelled[] {
  const latest = new Map<string, Labelled>();
  for (const r of rows) {
    const key = oracleKey(r.input);
    latest.delete(key);
    latest.set(key, { input: r.input, output: r.output });
  }
  return [...latest.values()];
}

export class Rollout {
  constructor(private readonly host: RolloutHost) {}

  private get store(): LoopaiStore {
    return this.host.store;
  }

  /**
   * Generates a new version from every label so far. The first version is activated at once; a
   * later one is gated on held-out accuracy and then rolled out as the spec says. Undefined when
   * nothing was generated (or another instance holds the task's training lease).
   */
  async train(task: string, options: { force?: boolean } = {}): Promise<ProgramVersion | undefined> {
    const rt = await this.host.runtime(task);
    if (!(await this.store.acquireLease(task, this.host.instance, LEASE_MS))) {
      this.host.event("training-skipped", { task, reason: "another instance is training this task" });
      return undefined;
    }
    try {
      return await this.trainHoldingLease(task, rt, options.force === true);
    } finally {
      await this.store.releaseLease(task, this.host.instance);
    }
  }

  private async trainHoldingLease(task: string, rt: TaskRuntime, force: boolean): Promise<ProgramVersion | undefined> {
    const spec = rt.spec;
    const rows = await this.store.labels(task);
    if (rows.length < 2)
      throw new LoopaiError(`task "${task}" needs at least 2 labelled examples to train (has ${rows.length})`, "usage");
    const labelled = latestPerInput(rows);
    const activeVersion = (await this.store.taskState(task))?.activeVersion ?? null;
    const incumbent = activeVersion === null ? undefined : await this.store.getVersion(task, activeVersion);
    const clusters = clusterFailures(await this.store.failures(task, 500));
    await this.store.setFailureClusters(clusters.flatMap((c) => c.members.map((id) => ({ id, cluster: c.id }))));
    const representatives = clusters
      .slice(0, 10)
      .map((c) => ({ input: c.representative.input, output: c.representative.expected }));
    // Representative failures weigh double in training and are shown to the code generator.
    const training = [...labelled, ...representatives];
    const maxCost = spec.budget.maxGenerationCost;
    const spentBefore = maxCost === undefined ? 0 : await this.store.generationSpend(task);
    const result = await synthesize(spec, training, {
      ...this.host.synthesisTools(spec),
      failures: representatives,
      generationBudget: maxCost === undefined ? undefined : maxCost - spentBefore,
    });
    rt.labelsAtTraining = rows.length;
    rt.labelsNow = Math.max(rt.labelsNow, rows.length);
    const generationCost = result.tried.reduce((s, t) => s + t.generationCost, 0);
    const from = incumbent?.version ?? null;
    if (result.refused) {
      // The current program keeps serving; the refusal is on record for `loopai status`.
      const detail = { reason: result.refused, maxGenerationCost: maxCost, spent: spentBefore };
      await this.store.audit(task, { action: "generation-refused", fromVersion: from, toVersion: null, detail });
      this.host.event("generation-refused", detail);
    }
    if (!result.chosen) {
      await this.store.audit(task, {
        action: "generation-failed",
        fromVersion: from,
        toVersion: null,
        detail: { cost: generationCost, tried: result.tried.map((c) => ({ strategy: c.strategy, notes: c.notes })) },
      });
      this.host.event("generation-failed", result.tried);
      return undefined;
    }
    const c = result.chosen;
    const version: ProgramVersion = {
      task,
      version: 0,
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
    // Every example's output must pass the schema.
    const run = version.kind === "data" ? compileDataProgram(JSON.parse(version.body)) : undefined;
    const bad = run && spec.examples.map((e) => rt.check(run(e.input).output)).find((x) => x !== undefined);
    if (bad)
      return this.reject(task, { ...version, notes: `${version.notes}; rejected: ${bad}` }, from, { reason: bad });
    // Holdout gate: the candidate's held-out accuracy against the incumbent's on labels it never saw.
    let gate: { candidate: number[]; incumbent: number[]; pValue: number; test?: string } = {
      candidate: [0, 0],
      incumbent: [0, 0],
      pValue: 1,
    };
    const fresh = incumbent ? latestPerInput(rows.slice(incumbent.trainingSize)) : [];
    if (incumbent && fresh.length > 0 && !force) {
      let ok = 0;
      for (const l of fresh) {
        const r = await this.host.runVersion(task, rt, incumbent.version, l.input);
        if (r.answer && outputsAgree(r.answer.output, l.output, spec.comparison, spec.numericTolerance)) ok++;
      }
      const cx = Math.round(c.accuracy.estimate * c.holdoutSize);
      const t = compareProportions(cx, c.holdoutSize, ok, fresh.length, "less");
      gate = { candidate: [cx, c.holdoutSize], incumbent: [ok, fresh.length], pValue: t.pValue, test: t.test };
      if (t.pValue < spec.improvement.alpha)
        return this.reject(task, version, from, { reason: "significantly worse on holdout", gate });
    }
    const immediate = spec.improvement.rollout === "immediate" || force;
    const { change } = await this.store.updateTask(task, (row, next) => {
      const v: ProgramVersion = { ...version, version: next };
      if (row.activeVersion !== from) {
        // Another instance changed the serving version while this one trained: the gate above
        // compared against a version no longer serving, so the candidate is not rolled out.
        return {
          newVersion: { ...v, status: "superseded", notes: `${v.notes}; trained against version ${from}` },
          audit: [
            {
              action: "stale-candidate",
              fromVersion: row.activeVersion,
              toVersion: next,
              detail: { trainedAgainst: from },
            },
          ],
        };
      }
      if (from === null && v.accuracy.high < spec.accuracyTarget)
        // A first program surely below the target (its held-out accuracy's 95% interval ends below
        // it) would serve wrong answers with nothing to compare it against: the oracle keeps
        // answering, and labelling, until a program may reach the target. The interval, not the
        // estimate: 50 spam examples measure a program that serves 95% (with the cascade) at 90%,
        // and holding it back on that doubled the benchmark's oracle calls.
        return {
          newVersion: { ...v, status: "candidate" },
          audit: [
            {
              action: "below-target",
              fromVersion: null,
              toVersion: next,
              detail: { accuracy: v.accuracy, accuracyTarget: spec.accuracyTarget },
            },
          ],
        };
      if (from === null)
        return {
          newVersion: { ...v, status: "active" },
          activeVersion: next,
          audit: [
            {
              action: "activate",
              fromVersion: null,
              toVersion: next,
              detail: { strategy: v.strategy, accuracy: v.accuracy },
            },
          ],
        };
      if (immediate)
        return {
          newVersion: { ...v, status: "candidate" },
          ...promotion(row, next, { gate, rollout: force ? "forced" : "immediate" }, spec),
        };
      const superseded: TaskChange = row.canary
        ? {
            statuses: [{ version: row.canary.candidate, status: "superseded" }],
            audit: [
              {
                action: "canary-superseded",
                fromVersion: row.canary.candidate,
                toVersion: next,
                detail: analyse(row.canary, spec.improvement),
              },
            ],
          }
        : {};
      return {
        newVersion: { ...v, status: "canary" },
        canary: startCanary(next, from),
        statuses: superseded.statuses,
        audit: [
          ...(superseded.audit ?? []),
          {
            action: "canary-start",
            fromVersion: from,
            toVersion: next,
            detail: {
              share: spec.improvement.canaryStages[0],
              requestsPerStage: spec.improvement.requestsPerStage,
              gate,
            },
          },
        ],
      };
    });
    this.host.invalidate(task);
    const saved = change?.newVersion as ProgramVersion;
    // A promotion's statuses list the new version last: it is active now.
    const status = change?.statuses?.find((s) => s.version === saved.version)?.status ?? saved.status;
    return { ...saved, status };
  }

  private async reject(
    task: string,
    version: ProgramVersion,
    from: number | null,
    detail: unknown,
  ): Promise<ProgramVersion> {
    const { change } = await this.store.updateTask(task, (_row, next) => ({
      newVersion: { ...version, version: next, status: "rejected" },
      audit: [{ action: "reject", fromVersion: from, toVersion: next, detail }],
    }));
    return change?.newVersion as ProgramVersion;
  }

  /** Human approval gate: promotes a canary that is waiting for it. */
  async approve(task: string): Promise<number> {
    const rt = await this.host.runtime(task);
    const { row } = await this.store.updateTask(task, (row) => {
      if (!row.canary) throw new LoopaiError(`task "${task}" has no canary to approve`, "usage");
      return promotion(
        row,
        row.canary.candidate,
        { approvedBy: "human", ...analyse(row.canary, rt.spec.improvement) },
        rt.spec,
      );
    });
    this.host.invalidate(task);
    return (row.canary as CanaryState).candidate;
  }

  /**
   * Returns to an earlier version at once (default: the one active before the current). Any
   * canary in flight is cancelled.
   */
  async rollback(task: string, toVersion?: number): Promise<number> {
    const versions = await this.store.versions(task);
    let target = -1;
    await this.store.updateTask(task, (row) => {
      const current = row.activeVersion;
      const earlier = versions
        .filter(
          (v) =>
            v.version !== current &&
            (v.status === "retired" || v.status === "active") &&
            (current === null || v.version < current),
        )
        .map((v) => v.version)
        .pop();
      const wanted = toVersion ?? earlier;
      if (wanted === undefined) throw new LoopaiError(`task "${task}" has no earlier version to roll back to`, "usage");
      const v = versions.find((x) => x.version === wanted);
      if (!v)
        throw new LoopaiError(
          `task "${task}" has no version ${wanted} (versions: ${versions.map((x) => x.version).join(", ") || "none"})`,
          "usage",
        );
      if (v.status === "rejected" && v.body === "")
        throw new LoopaiError(`version ${wanted} has no program to run`, "usage");
      target = wanted;
      const statuses: TaskChange["statuses"] = [];
      if (row.canary) statuses.push({ version: row.canary.candidate, status: "rolled_back" });
      if (current !== null && current !== wanted) statuses.push({ version: current, status: "rolled_back" });
      statuses.push({ version: wanted, status: "active" });
      return {
        statuses,
        activeVersion: wanted,
        canary: null,
        audit: [{ action: "rollback", fromVersion: current, toVersion: wanted, detail: { by: "request" } }],
      };
    });
    this.host.invalidate(task);
    const rt = await this.host.runtime(task);
    rt.labelsAtTraining = versions.find((x) => x.version === target)?.trainingSize ?? rt.labelsAtTraining;
    return target;
  }

  // ---- the canary -----------------------------------------------------------------------------

  /**
   * One request served while a canary runs; returns the settling when this request ends the stage
   * (the caller lets it run in the background).
   */
  tick(task: string, rt: TaskRuntime, canary: CanaryState): Promise<void> | undefined {
    let clock = rt.canaryClock;
    if (!clock || clock.candidate !== canary.candidate || clock.stage !== canary.stage) {
      clock = { candidate: canary.candidate, stage: canary.stage, requests: 0 };
      rt.canaryClock = clock;
    }
    clock.requests++;
    // Only the crossing: a stage held past its end (for comparisons or approval) moves on labels.
    if (canary.stageRequests + clock.requests !== rt.spec.improvement.requestsPerStage) return undefined;
    return this.settle(task, rt, canary.candidate);
  }

  /** Writes this process's share of the stage clock to the store. */
  async flushClock(task: string, rt: TaskRuntime): Promise<void> {
    const clock = rt.canaryClock;
    if (!clock) return;
    rt.canaryClock = undefined;
    await this.store.updateTask(task, (row) => {
      const c = row.canary;
      if (!c || c.candidate !== clock.candidate || c.stage !== clock.stage) return undefined;
      return { canary: { ...c, stageRequests: c.stageRequests + clock.requests } };
    });
    this.host.invalidate(task);
  }

  /** Paired comparison on a labelled request: both programs answer, the analysis runs at once. */
  async compare(task: string, rt: TaskRuntime, input: unknown, truth: unknown): Promise<void> {
    // rt.row.canary is null when no canary runs: only a row not read yet sends us to the store.
    const running = rt.row !== undefined ? rt.row.canary : (await this.store.taskState(task))?.canary;
    if (!running) return;
    const [cand, inc] = await Promise.all([
      this.host.runVersion(task, rt, running.candidate, input),
      this.host.runVersion(task, rt, running.incumbent, input),
    ]);
    const right = (r: VersionRun) =>
      r.answer !== undefined && outputsAgree(r.answer.output, truth, rt.spec.comparison, rt.spec.numericTolerance);
    await this.settle(task, rt, running.candidate, (c) => recordPair(c, right(cand), right(inc)));
  }

  /**
   * Applies what the canary rules decide, in one transaction on the stored canary (with this
   * process's clock added, and `update` applied first), if it is still `candidate`'s.
   */
  private async settle(
    task: string,
    rt: TaskRuntime,
    candidate: number,
    update?: (canary: CanaryState) => void,
  ): Promise<void> {
    const clock = rt.canaryClock;
    rt.canaryClock = undefined;
    const imp = rt.spec.improvement;
    const { change } = await this.store.updateTask(task, (row): TaskChange | undefined => {
      const canary = row.canary;
      if (!canary || canary.candidate !== candidate) return undefined;
      if (clock && clock.candidate === canary.candidate && clock.stage === canary.stage)
        canary.stageRequests += clock.requests;
      update?.(canary);
      const d = decide(canary, imp);
      switch (d.kind) {
        case "continue":
          return { canary };
        case "rollback":
          return {
            statuses: [{ version: canary.candidate, status: "rolled_back" }],
            canary: null,
            audit: [
              {
                action: "rollback",
                fromVersion: canary.candidate,
                toVersion: canary.incumbent,
                detail: { ...d.analysis, by: "regression" },
              },
            ],
          };
        case "advance":
          return {
            canary: { ...canary, stage: d.nextStage, stageRequests: 0 },
            audit: [
              {
                action: "canary-advance",
                fromVersion: canary.incumbent,
                toVersion: canary.candidate,
                detail: { ...d.analysis, nextShare: imp.canaryStages[d.nextStage] },
              },
            ],
          };
        case "await-approval":
          return {
            canary: { ...canary, awaitingApproval: true },
            audit: [
              {
                action: "awaiting-approval",
                fromVersion: canary.incumbent,
                toVersion: canary.candidate,
                detail: d.analysis,
              },
            ],
          };
        case "promote":
          return promotion(row, canary.candidate, { ...d.analysis, rollout: "canary" }, rt.spec);
      }
    });
    this.host.invalidate(task);
    // The same labels would train the same candidate: a rolled-back one waits for new labels.
    if (change?.audit?.some((a) => a.action === "rollback")) rt.labelsAtTraining = rt.labelsNow;
  }
}
