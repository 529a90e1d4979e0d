// JSON over HTTP with undici's request on one keep-alive agent: a deadline per attempt and one for the whole call, retries
// with exponential backoff and jitter on 429, 5xx (Anthropic's 529 overloaded_error among them),
// timeouts and connection failures. A Retry-After is honoured: the next attempt waits at least that
// long, and when that is past the call's deadline the call gives up at once, its error carrying the
// wait (`retryAfterMs`) for a circuit breaker or a caller's queue. A 429 that says the account is out
// of quota or spend (OpenAI's insufficient_quota, Anthropic's enforced_spend_limit_reached) is not
// retried: it will not pass.

import { STATUS_CODES } from "node:http";
import { Agent, request } from "undici";
import { ProviderError } from "./types.js";

// undici's request, not the global fetch: fetch's WHATWG streams and Response objects cost 430 µs of
// CPU per call against 90 µs (client and a loopback server together, a 3 kB prompt), and sampled
// requests of a busy server each make one. The agent keeps connections alive per origin.
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

export interface HttpOptions {
  /** One attempt's deadline. */
  timeoutMs: number;
  retries: number;
  /** First backoff; doubled per attempt, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The whole call's deadline, attempts and waits together: a provider that hangs holds a request
   * this long at most (with 30 s attempts and 3 retries, it held one for two minutes).
   */
  totalMs: number;
}

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 30_000,
  retries: 3,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  totalMs: 45_000,
};

/**
 * An error body saying the account has no quota or spend left (OpenAI's `insufficient_quota`,
 * Anthropic's `enforced_spend_limit_reached`): no retry helps.
 */
function outOfQuota(body: unknown): boolean {
  const e = (body as { error?: { code?: string; type?: string; details?: { error_code?: string } } })?.error;
  return (
    e?.code === "insufficient_quota" ||
    e?.type === "insufficient_quota" ||
    e?.details?.error_code === "enforced_spend_limit_reached"
  );
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An error body as every provider here sends one, `{ error: { message, ... } }`: the message with
 * the error's kind (the field `kindField`) in brackets, or the raw body when it has no message.
 */
export function describeErrorBody(body: unknown, kindField: "type" | "status" = "type"): string {
  const e = (body as { error?: { message?: string; type?: string; status?: string } })?.error;
  return e?.message ? `${e.message}${e[kindField] ? ` (${e[kindField]})` : ""}` : JSON.stringify(body).slice(0, 200);
}

/**
 * POSTs `body` and returns the parsed JSON with the attempt count. `describeError` turns a
 * provider's error body into a message.
 */
export async function postJson(
  provider: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: HttpOptions,
  describeError: (body: unknown) => string,
): Promise<{ json: unknown; attempts: number }> {
  let last: ProviderError | undefined;
  const deadline = Date.now() + options.totalMs;
  let outOfTime = false;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0 && last) {
      const backoff =
        Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5);
      // The provider's Retry-After is a floor, not capped at maxDelayMs: an attempt sooner would
      // only be turned away again.
      const wait = Math.max(backoff, last.retryAfterMs ?? 0);
      outOfTime = Date.now() + wait >= deadline;
      if (outOfTime) break;
      await sleep(wait);
    }
    const attemptMs = Math.min(options.timeoutMs, deadline - Date.now());
    outOfTime = attemptMs <= 0;
    if (outOfTime) break;
    let status: number;
    let retryAfter: string | undefined;
    let text: string;
    const signal = AbortSignal.timeout(attemptMs);
    try {
      const response = await request(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
        signal,
        dispatcher: agent,
      });
      status = response.statusCode;
      const header = response.headers["retry-after"];
      retryAfter = Array.isArray(header) ? header[0] : header;
      text = await response.body.text();
    } catch (err) {
      const e = err as Error;
      last = new ProviderError(
        signal.aborted
          ? `${provider}: no response within ${attemptMs} ms`
          : `${provider}: request failed: ${(e.cause as Error)?.message ?? e.message}`,
        provider,
        undefined,
        true,
      );
      continue;
    }
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (status >= 200 && status < 300) {
      if (json === undefined) {
        last = new ProviderError(
          `${provider}: malformed response (HTTP ${status}, not JSON: ${JSON.stringify(text.slice(0, 80))})`,
          provider,
          status,
          true,
        );
        continue;
      }
      return { json, attempts: attempt + 1 };
    }
    const retryable = (status === 429 && !outOfQuota(json)) || status === 408 || status >= 500;
    last = new ProviderError(
      `${provider}: HTTP ${status}: ${json !== undefined ? describeError(json) : text.slice(0, 200) || STATUS_CODES[status]}`,
      provider,
      status,
      retryable,
      retryAfterMs(retryAfter ?? null),
    );
    if (!retryable) break;
  }
  if (last && outOfTime)
    throw new ProviderError(
      last.retryAfterMs !== undefined && last.retryAfterMs > 0
        ? `${last.message} (gave up: retry-after ${Math.ceil(last.retryAfterMs / 1000)} s is past the call's ${options.totalMs} ms)`
        : `${last.message} (gave up: the call's ${options.totalMs} ms are spent)`,
      provider,
      last.status,
      true,
      last.retryAfterMs,
    );
  throw last ?? new ProviderError(`${provider}: no attempt made`, provider, undefined, false);
}
