// Dollars per million tokens (input, output, and cached input where the provider publishes one),
// from the providers' published price lists; a model not listed is priced at 0 and reported as
// such, never guessed. Cached input tokens of a model with no cached price are priced as input.

import type { Usage } from "./types.js";

export interface Price {
  input: number;
  output: number;
  /** Input tokens read from the prompt cache (OpenAI: `usage.prompt_tokens_details.cached_tokens`). */
  cachedInput?: number;
}

const PRICES: Record<string, Price> = {
  "gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 },
  "gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 },
  "gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "claude-3-5-haiku-latest": { input: 0.8, output: 4 },
  "claude-3-5-sonnet-latest": { input: 3, output: 15 },
  "claude-sonnet-4-0": { input: 3, output: 15 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "gemini-2.0-flash": { input: 0.1, output: 0.4 },
  "gemini-1.5-flash": { input: 0.075, output: 0.3 },
  "gemini-2.5-flash": { input: 0.3, output: 2.5 },
  "gemini-2.5-pro": { input: 1.25, output: 10 },
};

function priceOf(model: string, table: Record<string, Price> = PRICES): Price | undefined {
  if (table[model]) return table[model];
  // Dated snapshots ("gpt-4o-2024-08-06") price as their family.
  const family = Object.keys(table)
    .filter((k) => model.startsWith(`${k}-`))
    .sort((a, b) => b.length - a.length)[0];
  return family ? table[family] : undefined;
}

/** Characters per token assumed when estimating a request before sending it (English runs nearer 4). */
const CHARS_PER_TOKEN_ESTIMATE = 3;

/**
 * The most a request can cost before it is sent: its text at 3 characters a token (an overestimate
 * for English and code) and a reply of `maxTokens`. A budget check uses this, so a call that could
 * overrun the budget is not made.
 */
export function worstCaseCost(
  model: string,
  request: { system?: string; messages: { content: string }[]; maxTokens?: number },
  table?: Record<string, Price>,
): number {
  const chars = (request.system?.length ?? 0) + request.messages.reduce((s, m) => s + m.content.length, 0);
  return costOf(model, Math.ceil(chars / CHARS_PER_TOKEN_ESTIMATE), request.maxTokens ?? 4096, table);
}

export function costOf(
  model: string,
  inputTokens: number,
  outputTokens: number,
  table?: Record<string, Price>,
): number {
  const p = priceOf(model, table);
  return p ? (inputTokens * p.input + outputTokens * p.output) / 1e6 : 0;
}

/**
 * A reply's price from its usage: cached input tokens at the cached-input price (the input price
 * when the model has none), the rest of the input at the input price, and every output token
 * (reasoning and thinking included) at the output price.
 */
export function costOfUsage(model: string, usage: Usage, table?: Record<string, Price>): number {
  const p = priceOf(model, table);
  if (!p) return 0;
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  return (
    ((usage.inputTokens - cached) * p.input + cached * (p.cachedInput ?? p.input) + usage.outputTokens * p.output) / 1e6
  );
}
