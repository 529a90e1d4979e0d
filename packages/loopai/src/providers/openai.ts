// OpenAI chat completions (also Azure OpenAI, its v1 API and its dated deployment API, and local
// servers speaking the same API: llama.cpp, vLLM, Ollama's /v1).

import { describeErrorBody } from "./http.js";
import { PricedProvider, type ProviderOptions } from "./priced-provider.js";
import { type ChatOutput, type ChatRequest, type ChatResponse, ProviderError, type Usage } from "./types.js";

interface OpenAiResponse {
  choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }[];
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    prompt_tokens_details?: { cached_tokens?: number };
    completion_tokens_details?: { reasoning_tokens?: number };
  };
  model?: string;
}

/** The property a structured output's answer is wrapped in when the answer is not an object. */
const ANSWER = "answer";

/** Keywords structured outputs' strict mode refuses (the schema is then sent with strict false). */
const NOT_STRICT = [
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "oneOf",
  "dependentRequired",
  "dependentSchemas",
  "patternProperties",
];

/**
 * Whether strict mode accepts `schema`: every object lists all its properties as required and
 * forbids others (`additionalProperties: false`), and no keyword outside strict mode's subset is
 * used. A task's schema that is not so is still sent, with strict false: the model is guided by it
 * and the caller checks the answer, as without structured outputs.
 */
export function strictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(strictCompatible);
  if (!schema || typeof schema !== "object") return true;
  const s = schema as Record<string, unknown>;
  if (NOT_STRICT.some((k) => k in s)) return false;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes("object") || "properties" in s) {
    if (s.additionalProperties !== false) return false;
    const properties = Object.keys((s.properties as Record<string, unknown>) ?? {});
    const required = Array.isArray(s.required) ? s.required : [];
    if (properties.some((p) => !required.includes(p))) return false;
  }
  const children = [
    ...Object.values((s.properties as Record<string, unknown>) ?? {}),
    ...Object.values((s.$defs as Record<string, unknown>) ?? {}),
    ...Object.values((s.definitions as Record<string, unknown>) ?? {}),
    s.items,
    s.anyOf,
  ];
  return children.every(strictCompatible);
}

/** The `response_format` for a request's output, and how to read the reply back; none for free text. */
export function openAiResponseFormat(
  output: ChatOutput | undefined,
): { responseFormat: Record<string, unknown>; wrapped: boolean; label: boolean } | undefined {
  const wrap = (answer: unknown) => ({
    type: "object",
    properties: { [ANSWER]: answer },
    required: [ANSWER],
    additionalProperties: false,
  });
  const format = (schema: Record<string, unknown>) => ({
    type: "json_schema",
    json_schema: { name: ANSWER, schema, strict: strictCompatible(schema) },
  });
  if (output?.labels && output.labels.length > 0)
    return { responseFormat: format(wrap({ type: "string", enum: output.labels })), wrapped: true, label: true };
  if (output?.schema) {
    // Structured outputs need an object at the root (and not an anyOf): anything else is wrapped.
    const root = output.schema;
    const isObject = root.type === "object" && !("anyOf" in root);
    return { responseFormat: format(isObject ? root : wrap(root)), wrapped: !isObject, label: false };
  }
  return undefined;
}

/** A wrapped structured answer unwrapped: the label itself, or the answer's JSON text. */
function unwrapAnswer(text: string, format: ReturnType<typeof openAiResponseFormat>): string {
  if (!format?.wrapped) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text; // not JSON (a server without structured outputs): the caller judges the text
  }
  if (!parsed || typeof parsed !== "object" || !(ANSWER in parsed)) return text;
  const answer = (parsed as Record<string, unknown>)[ANSWER];
  return format.label && typeof answer === "string" ? answer : JSON.stringify(answer);
}

/**
 * The field that caps the answer's tokens: `max_completion_tokens` (OpenAI deprecated max_tokens,
 * and reasoning models refuse it), except on Azure's dated API versions that predate it (the GA
 * 2024-10-21 among them), which know only `max_tokens`; its previews from 2024-09-01 have both.
 */
export function maxTokensField(azureApiVersion?: string): "max_completion_tokens" | "max_tokens" {
  if (azureApiVersion === undefined) return "max_completion_tokens";
  const preview = /^(\d{4}-\d{2}-\d{2})-preview$/.exec(azureApiVersion);
  return preview && preview[1] >= "2024-09-01" ? "max_completion_tokens" : "max_tokens";
}

/** The chat-completions body for `request` (with `model` for OpenAI and Azure's v1 API). */
function chatBody(
  request: ChatRequest,
  model: string | undefined,
  tokensField: "max_completion_tokens" | "max_tokens" = "max_completion_tokens",
) {
  const format = openAiResponseFormat(request.output);
  const body = {
    ...(model !== undefined ? { model } : {}),
    messages: [...(request.system ? [{ role: "system", content: request.system }] : []), ...request.messages],
    [tokensField]: request.maxTokens ?? 1024,
    temperature: request.temperature ?? 0,
    ...(format ? { response_format: format.responseFormat } : {}),
  };
  return { body, format };
}

/** The reply text and token usage of a chat completion (OpenAI and Azure answer alike). */
function readCompletion(
  name: string,
  json: unknown,
  format: ReturnType<typeof openAiResponseFormat>,
): { text: string; usage: Usage } {
  const r = json as OpenAiResponse;
  const choice = r?.choices?.[0];
  // A refusal (structured outputs' `refusal` field), an answer withheld by a content filter or one
  // cut off at the token limit is no answer: said as such, and not retried (the same request would
  // get the same).
  if (typeof choice?.message?.refusal === "string" && choice.message.refusal.length > 0)
    throw new ProviderError(`${name}: the model refused: ${choice.message.refusal}`, name, 200, false);
  if (choice?.finish_reason === "length")
    throw new ProviderError(
      `${name}: the answer was cut off at the token limit (finish_reason length)`,
      name,
      200,
      false,
    );
  if (choice?.finish_reason === "content_filter")
    throw new ProviderError(
      `${name}: the answer was withheld by a content filter (finish_reason content_filter)`,
      name,
      200,
      false,
    );
  const text = choice?.message?.content;
  if (typeof text !== "string")
    throw new ProviderError(`${name}: malformed response: no choices[0].message.content`, name, 200, true);
  const u = r.usage;
  const usage: Usage = { inputTokens: u?.prompt_tokens ?? 0, outputTokens: u?.completion_tokens ?? 0 };
  // Cached prompt tokens are part of prompt_tokens, reasoning tokens part of completion_tokens.
  if (u?.prompt_tokens_details?.cached_tokens !== undefined)
    usage.cachedInputTokens = u.prompt_tokens_details.cached_tokens;
  if (u?.completion_tokens_details?.reasoning_tokens !== undefined)
    usage.reasoningTokens = u.completion_tokens_details.reasoning_tokens;
  return { text: unwrapAnswer(text, format), usage };
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
    const { body, format } = chatBody(request, this.options.model);
    const { json, attempts } = await this.post(`${base}/chat/completions`, headers, body, describeErrorBody);
    const { text, usage } = readCompletion(this.name, json, format);
    return this.response(text, usage, attempts);
  }
}

export interface AzureOptions extends ProviderOptions {
  /** The resource's endpoint, `https://NAME.openai.azure.com` (or its `/openai/v1` URL). */
  endpoint: string;
  deployment: string;
  /**
   * `v1` for the v1 API (`{endpoint}/openai/v1/chat/completions`, the deployment as the body's
   * model, no api-version), else the dated API version of the deployment form (default 2024-10-21,
   * which takes `max_tokens`; a preview from 2024-09-01 takes `max_completion_tokens`). An endpoint
   * ending in `/openai/v1` means the v1 API too.
   */
  apiVersion?: string;
  /**
   * A Microsoft Entra ID access token, sent as `Authorization: Bearer`; a function is asked on every
   * call, so a token refreshed in the environment is used. Without one, `apiKey` goes in `api-key`.
   */
  token?: string | (() => string | undefined);
}

export class AzureOpenAiProvider extends PricedProvider<AzureOptions> {
  constructor(options: AzureOptions) {
    super("azure", options, options.deployment);
  }

  /** Whether calls go to the v1 API rather than the dated deployment API. */
  get v1(): boolean {
    return this.options.apiVersion === "v1" || /\/openai\/v1\/?$/.test(this.options.endpoint);
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const o = this.options;
    const endpoint = o.endpoint.replace(/\/+$/, "");
    const url = this.v1
      ? `${endpoint.replace(/\/openai\/v1$/, "")}/openai/v1/chat/completions`
      : `${endpoint}/openai/deployments/${encodeURIComponent(o.deployment)}/chat/completions?api-version=${o.apiVersion ?? "2024-10-21"}`;
    // (A spec with neither is refused at `init`, providerProblem in index.ts.)
    const token = typeof o.token === "function" ? o.token() : o.token;
    const headers: Record<string, string> = token
      ? { authorization: `Bearer ${token}` }
      : o.apiKey
        ? { "api-key": o.apiKey }
        : {};
    const { body, format } = this.v1
      ? chatBody(request, o.deployment)
      : chatBody(request, undefined, maxTokensField(o.apiVersion ?? "2024-10-21"));
    const { json, attempts } = await this.post(url, headers, body, describeErrorBody);
    const { text, usage } = readCompletion(this.name, json, format);
    return this.response(text, usage, attempts);
  }
}
