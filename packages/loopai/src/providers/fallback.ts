// A chain of providers: each is tried (with its own retries) until one answers.

import { type ChatProvider, type ChatRequest, type ChatResponse, ProviderError } from "./types.js";

export class FallbackChain implements ChatProvider {
  readonly name: string;
  constructor(readonly providers: ChatProvider[]) {
    this.name = providers.map((p) => p.name).join(" → ");
  }

  /** Any provider in the chain may end up answering, so the dearest one bounds the cost. */
  estimateCost(request: ChatRequest): number {
    return Math.max(0, ...this.providers.map((p) => p.estimateCost?.(request) ?? 0));
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const failures: string[] = [];
    for (const p of this.providers) {
      try {
        const r = await p.complete(request);
        return { ...r, attempts: r.attempts + failures.length };
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }
    throw new ProviderError(`every provider failed:\n  ${failures.join("\n  ")}`, this.name, undefined, false);
  }
}
