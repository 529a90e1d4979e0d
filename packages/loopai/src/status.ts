// `loopai status`: a task's figures from the store, the same for every process that shares it:
// traffic by what answered, agreement with the oracle (Wilson 95%), oracle spend, the canary's
// analysis, budgets and the cost reduction.

import { type Interval, wilsonInterval } from "@toolchain/stats";
import { analyse, type CanaryAnalysis } from "./canary.js";
import { type CostReport, costReduction } from "./cost.js";
import type { Oracle } from "./oracles/oracle.js";
import type { TaskSpec } from "./spec.js";
import type { CanaryState, LoopaiStore } from "./store.js";

export interface TaskStatus {
  task: string;
  activeVersion: number | null;
  strategy?: string;
  canary: CanaryState | null;
  /** The canary's share of traffic, its schedule (stages before full traffic) and its test so far. */
  canaryAnalysis?: CanaryAnalysis & { stages: number; requestsPerStage: number };
  labels: number;
  requests: number;
  answeredBy: { program: number; previous: number; oracle: number; none: number };
  errors: number;
  meanExecMicros: number;
  samples: number;
  agreement: Interval & { n: number };
  oracle: {
    name: string;
    calls: number;
    valid: number;
    cost: number;
    inputTokens: number;
    outputTokens: number;
    costPerCall: number;
  };
  pendingReviews: number;
  versions: number;
  budget: {
    maxGenerationCost?: number;
    generationSpent: number;
    maxOracleCalls?: number;
    oracleCalls: number;
    /** Regenerations whose LLM call was not made because it could have overrun maxGenerationCost. */
    generationRefusals: number;
    lastRefusal?: { at: string; reason: string };
  };
  cost: CostReport;
}

export async function taskStatus(
  store: LoopaiStore,
  task: string,
  spec: TaskSpec,
  oracle: Oracle,
): Promise<TaskStatus> {
  const [row, c, recent, totals, versions, generationCost, refusals, labels, pendingReviews] = await Promise.all([
    store.getTask(task),
    store.counters(task),
    store.samples(task, 500),
    store.oracleTotals(task),
    store.versions(task),
    store.generationSpend(task),
    store.auditLog(task, "generation-refused"),
    store.labelCount(task),
    store.pendingReviewCount(task),
  ]);
  const samples = recent.filter((s) => s.agree !== null);
  const agreed = samples.filter((s) => s.agree).length;
  const active = versions.find((v) => v.version === row?.activeVersion);
  const lastRefusal = refusals.at(-1);
  const costPerCall = totals.valid > 0 && totals.cost > 0 ? totals.cost / totals.valid : oracle.costPerCall;
  return {
    task,
    activeVersion: row?.activeVersion ?? null,
    strategy: active?.strategy,
    canary: row?.canary ?? null,
    ...(row?.canary
      ? {
          canaryAnalysis: {
            ...analyse(row.canary, spec.improvement),
            stages: Math.max(1, spec.improvement.canaryStages.length - 1),
            requestsPerStage: spec.improvement.requestsPerStage,
          },
        }
      : {}),
    labels,
    requests: c.requests,
    answeredBy: {
      program: c.programAnswers,
      previous: c.fallbackAnswers,
      oracle: c.oracleAnswers,
      none: c.unanswered,
    },
    errors: c.errors,
    meanExecMicros: c.requests > 0 ? c.execMicros / c.requests : 0,
    samples: samples.length,
    agreement: { ...wilsonInterval(agreed, samples.length), n: samples.length },
    oracle: { name: oracle.name, ...totals, costPerCall },
    pendingReviews,
    versions: versions.length,
    budget: {
      maxGenerationCost: spec.budget.maxGenerationCost,
      generationSpent: generationCost,
      maxOracleCalls: spec.budget.maxOracleCalls,
      oracleCalls: totals.calls,
      generationRefusals: refusals.length,
      ...(lastRefusal
        ? { lastRefusal: { at: lastRefusal.at, reason: (lastRefusal.detail as { reason: string }).reason } }
        : {}),
    },
    cost: costReduction({ requests: c.requests, oracleCalls: totals.calls, generationCost, costPerCall }),
  };
}
