// The oracle interface: whoever knows the right answer (a labelled set, an LLM, a person).

export type OracleResult =
  | {
      kind: "answer";
      output: unknown;
      cost: number;
      inputTokens: number;
      outputTokens: number;
      /** The oracle's earlier answer for the same input, not asked (and not paid for) again. */
      cached?: boolean;
    }
  | { kind: "pending"; reviewId: number }
  /** `retryAfterMs`: the oracle said when to ask again (a provider's Retry-After, an open breaker). */
  | { kind: "error"; error: string; cost: number; retryAfterMs?: number };

export interface Oracle {
  readonly name: string;
  /** Dollars one call is assumed to cost, for the cost model (the LLM's are measured instead). */
  readonly costPerCall: number;
  ask(
    input: unknown,
    context: { task: string; version: number; predicted: unknown; confidence: number },
  ): OracleResult | Promise<OracleResult>;
}
