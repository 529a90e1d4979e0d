// A person as the oracle: items wait in the store's review queue until labelled (`loopai review`).

import type { LoopaiStore } from "../store.js";
import type { Oracle, OracleResult } from "./oracle.js";

export class HumanReviewOracle implements Oracle {
  readonly name = "human";
  constructor(
    private readonly store: LoopaiStore,
    readonly costPerCall = 0,
  ) {}

  async ask(
    input: unknown,
    context: { task: string; version: number; predicted: unknown; confidence: number },
  ): Promise<OracleResult> {
    const reviewId = await this.store.enqueueReview(
      context.task,
      context.version,
      input,
      context.predicted,
      context.confidence,
    );
    return { kind: "pending", reviewId };
  }
}
