// One interface for every chat provider: a request, a response with token usage and its price.

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/**
 * What the answer must be, when the caller knows: one of a fixed list of strings (`labels`), or JSON
 * matching a JSON schema (`schema`). Providers that can constrain decoding to it do (OpenAI and
 * Azure structured outputs, Gemini's responseSchema); the reply's text is then the label itself, or
 * the JSON text of the answer, so the caller reads it as it would read free text.
 */
export interface ChatOutput {
  labels?: string[];
  schema?: Record<string, unknown>;
}

export interface ChatRequest {
  system?: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  output?: ChatOutput;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Of `inputTokens`, those read from the provider's prompt cache (priced at its cached-input price). */
  cachedInputTokens?: number;
  /** Of `outputTokens`, those spent reasoning or thinking before the answer (priced as output). */
  reasoningTokens?: number;
}

export interface ChatResponse {
  text: string;
  usage: Usage;
  /** Priced from the response's usage fields and the price table, in dollars. */
  cost: number;
  provider: string;
  model: string;
  /** Attempts it took, including retries (and, for a fallback chain, earlier providers' failures). */
  attempts: number;
}

export interface ChatProvider {
  readonly name: string;
  complete(request: ChatRequest): Promise<ChatResponse>;
  /** The most `request` can cost, for budget checks before it is sent (0 when the model is unpriced). */
  estimateCost?(request: ChatRequest): number;
  /**
   * Milliseconds before this provider takes a call again (its circuit breaker is open), 0 when it
   * takes one now; a fallback chain skips a provider that says more than 0.
   */
  unavailableForMs?(): number;
}

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly provider: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    /** When the provider said (Retry-After) or a circuit breaker knows that a call will not pass sooner. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
