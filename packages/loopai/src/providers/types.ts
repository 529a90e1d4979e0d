// One interface for every chat provider: a request, a response with token usage and its price.

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  system?: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
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
}

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly provider: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
