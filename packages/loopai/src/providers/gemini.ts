// Google Gemini generateContent (v1beta REST).

import { describeErrorBody } from "./http.js";
import { PricedProvider, type ProviderOptions } from "./priced-provider.js";
import { worstCaseCost } from "./prices.js";
import { type ChatOutput, type ChatRequest, type ChatResponse, ProviderError, type Usage } from "./types.js";

interface GeminiResponse {
  candidates?: {
    content?: { parts?: { text?: string; thought?: boolean }[] };
    finishReason?: string;
    safetyRatings?: { category?: string; probability?: string; blocked?: boolean }[];
  }[];
  usageMetadata?: {
    promptTokenCount?: number;
    candidatesTokenCount?: number;
    thoughtsTokenCount?: number;
    cachedContentTokenCount?: number;
  };
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
}

export interface GeminiOptions extends ProviderOptions {
  baseUrl?: string;
  /**
   * `generationConfig.thinkingConfig.thinkingBudget`: 0 turns thinking off (2.5 Flash and
   * Flash-Lite; 2.5 Pro cannot), -1 lets the model decide, N caps it at N tokens (and the reply may
   * then have N tokens more than the request's maxTokens). Unset: 0 for a short answer (a label, or
   * maxTokens up to 256) on a model that can turn thinking off, else the model's default.
   */
  thinkingBudget?: number;
}

/** A request whose answer is this short does not need thinking (and thinking would eat its tokens). */
const SHORT_ANSWER_TOKENS = 256;

/** Finish reasons that mean the answer was withheld: said as such, not retried. */
const BLOCKED = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "LANGUAGE",
]);

/** Whether `model` can have thinking turned off (`thinkingBudget: 0`): Gemini 2.5 Flash and Flash-Lite. */
export function canTurnOffThinking(model: string): boolean {
  return /^(models\/)?gemini-2\.5-flash(?!-image)/.test(model);
}

/** Schema fields generateContent's responseSchema (a subset of OpenAPI 3.0) takes; others are dropped. */
const SCHEMA_FIELDS = new Set([
  "format",
  "title",
  "description",
  "nullable",
  "maxItems",
  "minItems",
  "minProperties",
  "maxProperties",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "propertyOrdering",
]);

/**
 * A JSON schema as Gemini's responseSchema: upper-case types, `["x", "null"]` as `nullable`, string
 * enums (a `const` as a one-value enum), and only the fields it knows (an unknown one is a 400).
 */
export function geminiSchema(schema: unknown): Record<string, unknown> {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return {};
  const s = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let type = s.type;
  if (Array.isArray(type)) {
    const present = type.filter((t) => t !== "null");
    if (present.length < type.length) out.nullable = true;
    type = present.length === 1 ? present[0] : undefined;
  }
  if (typeof type === "string") out.type = type.toUpperCase();
  const values = "const" in s ? [s.const] : s.enum;
  if (Array.isArray(values) && values.every((v) => typeof v === "string")) {
    out.enum = values;
    out.type ??= "STRING";
  }
  for (const [k, v] of Object.entries(s)) {
    if (SCHEMA_FIELDS.has(k)) out[k] = v;
    else if (k === "required" && Array.isArray(v)) out.required = v;
    else if (k === "properties" && v && typeof v === "object")
      out.properties = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, geminiSchema(ps)]));
    else if (k === "items" && v && typeof v === "object" && !Array.isArray(v)) out.items = geminiSchema(v);
    else if (k === "anyOf" && Array.isArray(v)) out.anyOf = v.map(geminiSchema);
  }
  return out;
}

/** The generationConfig fields that constrain the answer to `output`: JSON by a schema, an enum for labels. */
function structuredOutput(output: ChatOutput | undefined): Record<string, unknown> {
  if (output?.labels && output.labels.length > 0)
    return { responseMimeType: "application/json", responseSchema: { type: "STRING", enum: output.labels } };
  if (output?.schema) return { responseMimeType: "application/json", responseSchema: geminiSchema(output.schema) };
  return {};
}

export class GeminiProvider extends PricedProvider<GeminiOptions> {
  constructor(options: GeminiOptions) {
    super("gemini", options);
  }

  /** The thinking budget sent with `request`, or undefined for the model's default. */
  thinkingBudget(request: ChatRequest): number | undefined {
    if (this.options.thinkingBudget !== undefined) return this.options.thinkingBudget;
    const short = (request.output?.labels?.length ?? 0) > 0 || (request.maxTokens ?? 1024) <= SHORT_ANSWER_TOKENS;
    return short && canTurnOffThinking(this.options.model) ? 0 : undefined;
  }

  /** maxOutputTokens covers thinking too: a fixed thinking budget is added to the answer's tokens. */
  private maxOutputTokens(request: ChatRequest): number {
    const budget = this.thinkingBudget(request) ?? 0;
    return (request.maxTokens ?? 1024) + Math.max(0, budget);
  }

  override estimateCost(request: ChatRequest): number {
    return worstCaseCost(
      this.options.model,
      { ...request, maxTokens: this.maxOutputTokens(request) },
      this.options.prices,
    );
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const base = (this.options.baseUrl ?? "https://generativelanguage.googleapis.com").replace(/\/$/, "");
    const headers: Record<string, string> = this.options.apiKey ? { "x-goog-api-key": this.options.apiKey } : {};
    const budget = this.thinkingBudget(request);
    const maxOutputTokens = this.maxOutputTokens(request);
    const body = {
      contents: request.messages.map((m) => ({
        role: m.role === "assistant" ? "model" : "user",
        parts: [{ text: m.content }],
      })),
      ...(request.system ? { systemInstruction: { parts: [{ text: request.system }] } } : {}),
      generationConfig: {
        maxOutputTokens,
        temperature: request.temperature ?? 0,
        ...(budget !== undefined ? { thinkingConfig: { thinkingBudget: budget } } : {}),
        ...structuredOutput(request.output),
      },
    };
    const url = `${base}/v1beta/models/${encodeURIComponent(this.options.model)}:generateContent`;
    const { json, attempts } = await this.post(url, headers, body, (b) => describeErrorBody(b, "status"));
    const r = json as GeminiResponse;
    const m = r?.usageMetadata;
    // Thought tokens are billed as output; cached content tokens are part of promptTokenCount.
    const usage: Usage = {
      inputTokens: m?.promptTokenCount ?? 0,
      outputTokens: (m?.candidatesTokenCount ?? 0) + (m?.thoughtsTokenCount ?? 0),
    };
    if (m?.cachedContentTokenCount !== undefined) usage.cachedInputTokens = m.cachedContentTokenCount;
    if (m?.thoughtsTokenCount !== undefined) usage.reasoningTokens = m.thoughtsTokenCount;
    // A blocked prompt, or an answer blocked or cut off, is no answer: said as such, not retried
    // (the same request would get the same), and not read as an answer.
    const blockReason = r?.promptFeedback?.blockReason;
    if (blockReason)
      throw new ProviderError(
        `${this.name}: the prompt was blocked (promptFeedback.blockReason ${blockReason}${r.promptFeedback?.blockReasonMessage ? `: ${r.promptFeedback.blockReasonMessage}` : ""})`,
        this.name,
        200,
        false,
      );
    const candidate = r?.candidates?.[0];
    const finish = candidate?.finishReason;
    if (finish && BLOCKED.has(finish)) {
      const flagged = (candidate?.safetyRatings ?? [])
        .filter((s) => s.blocked || s.probability === "HIGH")
        .map((s) => s.category);
      throw new ProviderError(
        `${this.name}: the answer was blocked (finishReason ${finish}${flagged.length > 0 ? `: ${flagged.join(", ")}` : ""})`,
        this.name,
        200,
        false,
      );
    }
    if (finish === "MAX_TOKENS")
      throw new ProviderError(
        `${this.name}: the answer was cut off at maxOutputTokens (${maxOutputTokens}${m?.thoughtsTokenCount ? `, ${m.thoughtsTokenCount} of them spent thinking: set thinkingBudget` : ""})`,
        this.name,
        200,
        false,
      );
    const parts = candidate?.content?.parts;
    if (!Array.isArray(parts))
      throw new ProviderError(
        `${this.name}: malformed response: no candidates[0].content.parts${finish ? ` (finishReason ${finish})` : ""}`,
        this.name,
        200,
        true,
      );
    const text = parts
      .filter((p) => !p.thought)
      .map((p) => p.text ?? "")
      .join("");
    return this.response(this.readAnswer(text, request.output), usage, attempts);
  }

  /** A label comes back as a JSON string ("spam"): the label itself is the answer's text. */
  private readAnswer(text: string, output: ChatOutput | undefined): string {
    if (!output?.labels?.length) return text;
    try {
      const v = JSON.parse(text);
      return typeof v === "string" ? v : text;
    } catch {
      return text;
    }
  }
}
