// Google Gemini generateContent (v1beta REST).

import { describeErrorBody } from "./http.js";
import { PricedProvider, type ProviderOptions } from "./priced-provider.js";
import { type ChatRequest, type ChatResponse, ProviderError } from "./types.js";

interface GeminiResponse {
  candidates?: { content?: { parts?: { text?: string }[] }; finishReason?: string }[];
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number };
  promptFeedback?: { blockReason?: string };
}

export class GeminiProvider extends PricedProvider<ProviderOptions & { baseUrl?: string }> {
  constructor(options: ProviderOptions & { baseUrl?: string }) {
    super("gemini", options);
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const base = (this.options.baseUrl ?? "https://generativelanguage.googleapis.com").replace(/\/$/, "");
    const headers: Record<string, string> = this.options.apiKey ? { "x-goog-api-key": this.options.apiKey } : {};
    const body = {
      contents: request.messages.map((m) => ({
        role: m.role === "assistant" ? "model" : "user",
        parts: [{ text: m.content }],
      })),
      ...(request.system ? { systemInstruction: { parts: [{ text: request.system }] } } : {}),
      generationConfig: { maxOutputTokens: request.maxTokens ?? 1024, temperature: request.temperature ?? 0 },
    };
    const url = `${base}/v1beta/models/${encodeURIComponent(this.options.model)}:generateContent`;
    const { json, attempts } = await this.post(url, headers, body, (b) => describeErrorBody(b, "status"));
    const r = json as GeminiResponse;
    const parts = r?.candidates?.[0]?.content?.parts;
    if (!Array.isArray(parts)) {
      const why = r?.promptFeedback?.blockReason
        ? `blocked (${r.promptFeedback.blockReason})`
        : "no candidates[0].content.parts";
      throw new ProviderError(
        `${this.name}: malformed response: ${why}`,
        this.name,
        200,
        !r?.promptFeedback?.blockReason,
      );
    }
    const usage = {
      inputTokens: r.usageMetadata?.promptTokenCount ?? 0,
      outputTokens: r.usageMetadata?.candidatesTokenCount ?? 0,
    };
    return this.response(parts.map((p) => p.text ?? "").join(""), usage, attempts);
  }
}
