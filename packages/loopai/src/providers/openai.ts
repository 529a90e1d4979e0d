// OpenAI chat completions (also Azure OpenAI, and local servers speaking the same API: llama.cpp,
// vLLM, Ollama's /v1).

import { DEFAULT_HTTP, postJson } from "./http.js";
import { PricedProvider, type ProviderOptions } from "./priced-provider.js";
import { costOf, type Price } from "./prices.js";
import { type ChatRequest, type ChatResponse, ProviderError } from "./types.js";

interface OpenAiResponse {
  choices?: { message?: { content?: string | null }; finish_reason?: string }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
  model?: string;
}

export function describeOpenAiError(_status: number, body: unknown): string {
  const e = (body as { error?: { message?: string; type?: string; code?: string } })?.error;
  return e?.message ? `${e.message}${e.type ? ` (${e.type})` : ""}` : JSON.stringify(body).slice(0, 200);
}

export function openAiMessages(request: ChatRequest) {
  return [...(request.system ? [{ role: "system", content: request.system }] : []), ...request.messages];
}

export function readOpenAiResponse(
  name: string,
  model: string,
  json: unknown,
  attempts: number,
  prices?: Record<string, Price>,
): ChatResponse {
  const r = json as OpenAiResponse;
  const text = r?.choices?.[0]?.message?.content;
  if (typeof text !== "string")
    throw new ProviderError(`${name}: malformed response: no choices[0].message.content`, name, 200, true);
  const inputTokens = r.usage?.prompt_tokens ?? 0;
  const outputTokens = r.usage?.completion_tokens ?? 0;
  return {
    text,
    usage: { inputTokens, outputTokens },
    cost: costOf(model, inputTokens, outputTokens, prices),
    provider: name,
    model,
    attempts,
  };
}

export class OpenAiProvider extends PricedProvider<ProviderOptions & { baseUrl?: string }> {
  constructor(options: ProviderOptions & { baseUrl?: string }) {
    super("openai", options);
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const base = (this.options.baseUrl ?? "https://api.openai.com/v1").replace(/\/$/, "");
    const headers: Record<string, string> = this.options.apiKey
      ? { authorization: `Bearer ${this.options.apiKey}` }
      : {};
    const body = {
      model: this.options.model,
      messages: openAiMessages(request),
      max_tokens: request.maxTokens ?? 1024,
      temperature: request.temperature ?? 0,
    };
    const { json, attempts } = await postJson(
      this.name,
      `${base}/chat/completions`,
      headers,
      body,
      { ...DEFAULT_HTTP, ...this.options.http },
      describeOpenAiError,
    );
    return readOpenAiResponse(this.name, this.options.model, json, attempts, this.options.prices);
  }
}

interface AzureOptions extends ProviderOptions {
  endpoint: string;
  deployment: string;
  apiVersion?: string;
}

export class AzureOpenAiProvider extends PricedProvider<AzureOptions> {
  constructor(options: AzureOptions) {
    super("azure", options, options.deployment);
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const o = this.options;
    const url = `${o.endpoint.replace(/\/$/, "")}/openai/deployments/${encodeURIComponent(o.deployment)}/chat/completions?api-version=${o.apiVersion ?? "2024-10-21"}`;
    const headers: Record<string, string> = o.apiKey ? { "api-key": o.apiKey } : {};
    const body = {
      messages: openAiMessages(request),
      max_tokens: request.maxTokens ?? 1024,
      temperature: request.temperature ?? 0,
    };
    const { json, attempts } = await postJson(
      this.name,
      url,
      headers,
      body,
      { ...DEFAULT_HTTP, ...o.http },
      describeOpenAiError,
    );
    return readOpenAiResponse(this.name, o.model, json, attempts, o.prices);
  }
}
