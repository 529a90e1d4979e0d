// Anthropic Messages API.

import { describeErrorBody } from "./http.js";
import { PricedProvider, type ProviderOptions } from "./priced-provider.js";
import { type ChatRequest, type ChatResponse, ProviderError } from "./types.js";

interface AnthropicResponse {
  type?: string;
  stop_reason?: string;
  content?: { type: string; text?: string }[];
  usage?: { input_tokens?: number; output_tokens?: number };
}

export class AnthropicProvider extends PricedProvider<ProviderOptions & { baseUrl?: string }> {
  constructor(options: ProviderOptions & { baseUrl?: string }) {
    super("anthropic", options);
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const base = (this.options.baseUrl ?? "https://api.anthropic.com").replace(/\/$/, "");
    const headers: Record<string, string> = {
      "anthropic-version": "2023-06-01",
      ...(this.options.apiKey ? { "x-api-key": this.options.apiKey } : {}),
    };
    const body = {
      model: this.options.model,
      max_tokens: request.maxTokens ?? 1024,
      temperature: request.temperature ?? 0,
      ...(request.system ? { system: request.system } : {}),
      messages: request.messages,
    };
    // Anthropic answers 529 overloaded_error when busy and 429 rate_limit_error with a retry-after:
    // postJson retries both, waiting at least the retry-after (and gives up at once, the wait on its
    // error, when that is past the call's deadline); a 429 for the spend limit is not retried.
    const { json, attempts } = await this.post(`${base}/v1/messages`, headers, body, describeErrorBody);
    const r = json as AnthropicResponse;
    if (r?.type !== "message" || !Array.isArray(r.content))
      throw new ProviderError(`${this.name}: malformed response: not a message`, this.name, 200, true);
    // An answer cut off (at max_tokens or at the context window), or a refusal, is no answer: said
    // as such, not parsed as one, and not retried (the same request would get the same).
    if (r.stop_reason === "max_tokens")
      throw new ProviderError(
        `${this.name}: the answer was cut off at max_tokens (${body.max_tokens})`,
        this.name,
        200,
        false,
      );
    if (r.stop_reason === "model_context_window_exceeded")
      throw new ProviderError(
        `${this.name}: the answer was cut off at the model's context window (stop_reason model_context_window_exceeded)`,
        this.name,
        200,
        false,
      );
    if (r.stop_reason === "refusal")
      throw new ProviderError(`${this.name}: the model refused to answer (stop_reason refusal)`, this.name, 200, false);
    const text = r.content
      .filter((c) => c.type === "text")
      .map((c) => c.text ?? "")
      .join("");
    const usage = { inputTokens: r.usage?.input_tokens ?? 0, outputTokens: r.usage?.output_tokens ?? 0 };
    return this.response(text, usage, attempts);
  }
}
