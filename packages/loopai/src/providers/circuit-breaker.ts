// A circuit breaker per provider: after `failures` failed calls in a row the provider is not called
// for a cooldown (doubled on each trip in a row, up to a cap), then one call is let through (half
// open): its success closes the breaker, its failure opens it again. A 429 or 503 (or Anthropic's
// 529) carrying Retry-After opens it until then. Breakers are shared by every chain built in this process for the
// same provider (name and endpoint), so tasks calling one provider stop calling it together.
// Nothing here runs on a timer: the state is read from the clock when a call comes.

import { type ChatProvider, type ChatRequest, type ChatResponse, ProviderError } from "./types.js";

export interface BreakerOptions {
  /** Failed calls in a row (each with its own retries) that open the breaker. */
  failures: number;
  /** How long the breaker stays open on its first trip; doubled on each trip in a row. */
  cooldownMs: number;
  /** The longest it stays open, however many trips in a row. */
  maxCooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failures: 5, cooldownMs: 30_000, maxCooldownMs: 10 * 60_000 };

/** What a caller sees while the half-open breaker's one call is out: come back in a second. */
const PROBE_WAIT_MS = 1000;

export type BreakerState = "closed" | "open" | "half-open";

/**
 * Whether a failure says the provider is unwell (and counts towards opening the breaker): no
 * answer, a 5xx, a 429, timeouts, garbage, a rejected key or an unknown model. A refusal, a blocked
 * or cut-off answer, or a 400 for this request says the provider is up: it counts as an answer.
 */
export function countsAgainstProvider(err: unknown): boolean {
  if (!(err instanceof ProviderError)) return true;
  return err.retryable || [401, 403, 404, 429].includes(err.status ?? 0);
}

/** A wait as whole seconds, rounded up ("1 s" at the least). */
export const formatWait = (ms: number): string => `${Math.max(1, Math.ceil(ms / 1000))} s`;

export class CircuitBreaker {
  private failuresInARow = 0;
  /** Trips since the last success: the cooldown doubles with each. */
  private trips = 0;
  private openUntil = 0;
  private open = false;
  private probing = false;
  /** Why it opened last, for the error that says it is open. */
  private reason = "";

  constructor(
    public options: BreakerOptions = DEFAULT_BREAKER,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (!this.open) return "closed";
    return this.now() < this.openUntil ? "open" : "half-open";
  }

  /** Milliseconds before a call is let through; 0 when one would be now. */
  unavailableForMs(): number {
    if (!this.open) return 0;
    const left = this.openUntil - this.now();
    if (left > 0) return left;
    return this.probing ? PROBE_WAIT_MS : 0;
  }

  /** Lets a call through, or not: "probe" for the half-open breaker's one call. */
  acquire(): "call" | "probe" | undefined {
    if (!this.open) return "call";
    if (this.now() < this.openUntil || this.probing) return undefined;
    this.probing = true;
    return "probe";
  }

  succeeded(ticket: "call" | "probe"): void {
    if (ticket === "probe") this.probing = false;
    this.failuresInARow = 0;
    this.trips = 0;
    this.open = false;
  }

  failed(ticket: "call" | "probe", err: unknown): void {
    if (ticket === "probe") this.probing = false;
    const message = err instanceof Error ? err.message : String(err);
    const retryAfter = err instanceof ProviderError ? err.retryAfterMs : undefined;
    const status = err instanceof ProviderError ? err.status : undefined;
    if ((status === 429 || status === 503 || status === 529) && retryAfter !== undefined && retryAfter > 0) {
      // The provider said when to come back: not sooner, and not a trip (no doubling).
      this.openFor(Math.max(retryAfter, this.open ? this.openUntil - this.now() : 0), `retry-after: ${message}`);
      return;
    }
    // A call that was already out when the breaker opened adds nothing: only the probe reopens it.
    if (this.open && ticket !== "probe") return;
    this.failuresInARow++;
    if (ticket === "probe" || this.failuresInARow >= this.options.failures) {
      this.trips++;
      const cooldown = Math.min(this.options.maxCooldownMs, this.options.cooldownMs * 2 ** (this.trips - 1));
      this.openFor(
        cooldown,
        ticket === "probe"
          ? `the trial call failed: ${message}`
          : `${this.failuresInARow} failures in a row, the last: ${message}`,
      );
    }
  }

  private openFor(ms: number, reason: string): void {
    this.open = true;
    this.openUntil = this.now() + ms;
    this.reason = reason;
  }

  /** Why the breaker is open, for errors. */
  describe(): string {
    return this.reason;
  }
}

/** A provider behind its breaker: refused at once, with when to come back, while the breaker is open. */
export class CircuitBreakerProvider implements ChatProvider {
  readonly name: string;

  constructor(
    readonly provider: ChatProvider,
    readonly breaker: CircuitBreaker,
  ) {
    this.name = provider.name;
  }

  estimateCost(request: ChatRequest): number {
    return this.provider.estimateCost?.(request) ?? 0;
  }

  unavailableForMs(): number {
    return this.breaker.unavailableForMs();
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const ticket = this.breaker.acquire();
    if (!ticket) {
      const wait = this.breaker.unavailableForMs();
      throw new ProviderError(
        `${this.name}: not called, its circuit breaker is open for ${formatWait(wait)} more (${this.breaker.describe()})`,
        this.name,
        undefined,
        true,
        wait,
      );
    }
    try {
      const r = await this.provider.complete(request);
      this.breaker.succeeded(ticket);
      return r;
    } catch (err) {
      if (countsAgainstProvider(err)) this.breaker.failed(ticket, err);
      else this.breaker.succeeded(ticket);
      throw err;
    }
  }
}

const breakers = new Map<string, CircuitBreaker>();

/**
 * The process's breaker for `key` (a provider's name and endpoint), made on first use. Options given
 * later replace earlier ones (a task's updated spec), keeping the breaker's state.
 */
export function sharedBreaker(key: string, options: Partial<BreakerOptions> = {}): CircuitBreaker {
  const merged = { ...DEFAULT_BREAKER, ...options };
  const existing = breakers.get(key);
  if (existing) {
    existing.options = merged;
    return existing;
  }
  const created = new CircuitBreaker(merged);
  breakers.set(key, created);
  return created;
}

/** `provider` behind the process's shared breaker for `endpoint`. */
export function withBreaker(
  provider: ChatProvider,
  endpoint: string,
  options?: Partial<BreakerOptions>,
): CircuitBreakerProvider {
  return new CircuitBreakerProvider(provider, sharedBreaker(`${provider.name} ${endpoint}`, options));
}
