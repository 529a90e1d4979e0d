// The canary as production canaries run one (Flagger, Argo Rollouts): the candidate's share of
// traffic steps up on a schedule (a number of served requests per stage), while the analysis runs
// continuously: on every labelled request both programs answer, and a one-sided McNemar test on
// the discordant pairs rolls the candidate back as soon as it is significantly worse. At the end
// of a stage the candidate advances unless the test says it regressed. These are the rules alone;
// the loop applies what they decide (store, audit, routing).

import { mcnemarTest, type PairedComparison, wilsonInterval } from "@toolchain/stats";
import type { ImprovementSpec } from "./spec.js";
import type { CanaryState } from "./store.js";

export function startCanary(candidate: number, incumbent: number): CanaryState {
  return {
    candidate,
    incumbent,
    stage: 0,
    stageRequests: 0,
    pairs: 0,
    candidateAgree: 0,
    incumbentAgree: 0,
    candidateOnly: 0,
    incumbentOnly: 0,
    awaitingApproval: false,
  };
}

/** Counts one labelled request that both programs answered (a program that failed is wrong). */
export function recordPair(state: CanaryState, candidateRight: boolean, incumbentRight: boolean): void {
  state.pairs++;
  if (candidateRight) state.candidateAgree++;
  if (incumbentRight) state.incumbentAgree++;
  if (candidateRight && !incumbentRight) state.candidateOnly++;
  if (incumbentRight && !candidateRight) state.incumbentOnly++;
}

/** The canary's counts as they stand, with its share of traffic and the test on them. */
export interface CanaryAnalysis
  extends Pick<
    CanaryState,
    "stageRequests" | "pairs" | "candidateAgree" | "incumbentAgree" | "candidateOnly" | "incumbentOnly"
  > {
  share: number;
  test: string;
  pValue: number;
}

/**
 * Is the candidate worse than the incumbent? The answers are paired (same requests), so the test
 * is McNemar's: only requests where exactly one program is right say anything about which is
 * better; treating the two accuracies as independent samples (Fisher, z) would count the many
 * requests both get right as noise and lose most of the power.
 */
export function analyse(state: CanaryState, imp: ImprovementSpec): CanaryAnalysis {
  const t: PairedComparison = mcnemarTest(state.candidateOnly, state.incumbentOnly, "less");
  return {
    share: imp.canaryStages[state.stage],
    stageRequests: state.stageRequests,
    pairs: state.pairs,
    candidateAgree: state.candidateAgree,
    incumbentAgree: state.incumbentAgree,
    candidateOnly: state.candidateOnly,
    incumbentOnly: state.incumbentOnly,
    test: `${t.test} (one-sided)`,
    pValue: t.pValue,
  };
}

export type CanaryDecision =
  | { kind: "continue" }
  | { kind: "rollback"; analysis: CanaryAnalysis }
  | { kind: "advance"; nextStage: number; analysis: CanaryAnalysis }
  | { kind: "await-approval"; analysis: CanaryAnalysis }
  | { kind: "promote"; analysis: CanaryAnalysis };

/**
 * What the canary does now. A regression rolls back at any moment (awaiting approval included:
 * the analysis never stops); otherwise nothing happens until the stage's requests are served, and
 * then the candidate advances, or, when the next stage is full traffic, is promoted (or held for
 * a person). Promotion waits for `minComparisons` paired comparisons, so it is never made blind.
 */
export function decide(state: CanaryState, imp: ImprovementSpec): CanaryDecision {
  const analysis = analyse(state, imp);
  if (analysis.pValue < imp.alpha) return { kind: "rollback", analysis };
  if (state.awaitingApproval || state.stageRequests < imp.requestsPerStage) return { kind: "continue" };
  const nextStage = state.stage + 1;
  if (nextStage < imp.canaryStages.length - 1) return { kind: "advance", nextStage, analysis };
  if (state.pairs < imp.minComparisons) return { kind: "continue" };
  return imp.requireApproval ? { kind: "await-approval", analysis } : { kind: "promote", analysis };
}

/**
 * Whether a newer candidate may take this canary's place (it then starts again at the first
 * stage, with its own analysis). Only when finishing the canary could not help: the candidate's
 * paired accuracy is, with 95% confidence, below the accuracy target (its Wilson upper bound), and
 * it is not significantly better than the incumbent. That is a canary overtaken by drift: both
 * programs were trained before the inputs changed. A canary that is merely slow is never replaced,
 * so regeneration cannot keep a good candidate from reaching full traffic.
 */
export function overtaken(state: CanaryState, imp: ImprovementSpec, accuracyTarget: number): boolean {
  if (state.pairs === 0) return false;
  const ci = wilsonInterval(state.candidateAgree, state.pairs);
  if (ci.high >= accuracyTarget) return false;
  return mcnemarTest(state.candidateOnly, state.incumbentOnly, "greater").pValue >= imp.alpha;
}
