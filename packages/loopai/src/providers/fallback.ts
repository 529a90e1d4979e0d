// A chain of providers: each is tried (with its own retries) until one answers. A provider whose
// circuit breaker is open is skipped at once; when every provider's is, the call fails at once with
// the wait until the first reopens (`retryAfterMs`), so a caller's queue can pause that long.

import { formatWait } from "./circuit-breaker.js";
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

  /** 0 when some provider takes a call now, else the wait until the first does. */
  unavailableForMs(): number {
    return Math.min(...this.providers.map((p) => p.unavailableForMs?.() ?? 0));
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const waits = this.providers.map((p) => p.unavailableForMs?.() ?? 0);
    if (waits.every((w) => w > 0)) throw this.allOpen(waits);
    const failures: string[] = [];
    let failed = 0;
    for (const p of this.providers) {
      const wait = p.unavailableForMs?.() ?? 0;
      if (wait > 0) {
        failures.push(`${p.name}: skipped, its circuit breaker is open for ${formatWait(wait)} more`);
        continue;
      }
      try {
        const r = await p.complete(request);
        return { ...r, attempts: r.attempts + failed };
      } catch (err) {
        failed++;
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }
    // Every provider failed; if that left every breaker open, the caller hears when to come back.
    const after = this.providers.map((p) => p.unavailableForMs?.() ?? 0);
    const retryAfterMs = after.every((w) => w > 0) ? Math.min(...after) : undefined;
    throw new ProviderError(
      `every provider failed:\n  ${failures.join("\n  ")}${retryAfterMs !== undefined ? `\n  (every circuit breaker is now open; the first reopens in ${formatWait(retryAfterMs)})` : ""}`,
      this.name,
      undefined,
      retryAfterMs !== undefined,
      retryAfterMs,
    );
  }

  private allOpen(waits: number[]): ProviderError {
    const first = Math.min(...waits);
    return new ProviderError(
      `every provider's circuit breaker is open (${this.providers.map((p, i) => `${p.name} for ${formatWait(waits[i])}`).join(", ")}); not called, the first reopens in ${formatWait(first)}`,
      this.name,
      undefined,
      true,
      first,
    );
  }
}
