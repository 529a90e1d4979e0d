// OpenAI chat completions (also Azure OpenAI, and local servers speaking the same API: llama.cpp,
// vLLM, Ollama's /v1).

import { describeErrorBody } from "./http.js";
import { PricedProvider, type ProviderOptions } from "./priced-provider.js";
import { type ChatRequest, type ChatResponse, ProviderError, type Usage } from "./types.js";

interface OpenAiResponse {
  choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
  model?: string;
}

function openAiMessages(request: ChatRequest) {
  return [...(request.system ? [{ role: "system", content: request.system }] : []), ...request.messages];
}

/** The reply text and token usage of a chat completion (OpenAI and Azure answer alike). */
function readCompletion(name: string, json: unknown): { text: string; usage: Usage } {
  const r = json as OpenAiResponse;
  const choice = r?.choices?.[0];
  // A refusal (structured outputs' `refusal` field) or an answer cut off at the token limit is no
  // answer: said as such, and not retried (the same request would get the same).
  if (typeof choice?.message?.refusal === "string" && choice.message.refusal.length > 0)
    throw new ProviderError(`${name}: the model refused: ${choice.message.refusal}`, name, 200, false);
  if (choice?.finish_reason === "length")
    throw new ProviderError(
      `${name}: the answer was cut off at the token limit (finish_reason length)`,
      name,
      200,
      false,
    );
  const text = choice?.message?.content;
  if (typeof text !== "string")
    throw new ProviderError(`${name}: malformed response: no choices[0].message.content`, name, 200, true);
  return { text, usage: { inputTokens: r.usage?.prompt_tokens ?? 0, outputTokens: r.usage?.completion_tokens ?? 0 } };
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
    const { json, attempts } = await this.post(`${base}/chat/completions`, headers, body, describeErrorBody);
    const { text, usage } = readCompletion(this.name, json);
    return this.response(text, usage, attempts);
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
    const { json, attempts } = await this.post(url, headers, body, describeErrorBody);
    const { text, usage } = readCompletion(this.name, json);
    return this.response(text, usage, attempts);
  }
}
