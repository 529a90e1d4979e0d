// What every HTTP chat provider shares: a name, its options, posting with them, pricing a reply
// from its usage, and a worst-case price for budget checks.

import { DEFAULT_HTTP, type HttpOptions, postJson } from "./http.js";
import { costOfUsage, type Price, worstCaseCost } from "./prices.js";
import type { ChatProvider, ChatRequest, ChatResponse, Usage } from "./types.js";

export interface ProviderOptions {
  model: string;
  apiKey?: string;
  http?: Partial<HttpOptions>;
  prices?: Record<string, Price>;
}

export abstract class PricedProvider<Options extends ProviderOptions> implements ChatProvider {
  readonly name: string;

  constructor(
    kind: string,
    protected readonly options: Options,
    /** What the name shows after the kind: the model, or an Azure deployment. */
    shown: string = options.model,
  ) {
    this.name = `${kind}:${shown}`;
  }

  estimateCost(request: ChatRequest): number {
    return worstCaseCost(this.options.model, request, this.options.prices);
  }

  /** POSTs with this provider's HTTP options over the defaults (timeouts, retries). */
  protected post(
    url: string,
    headers: Record<string, string>,
    body: unknown,
    describeError: (body: unknown) => string,
  ): Promise<{ json: unknown; attempts: number }> {
    return postJson(this.name, url, headers, body, { ...DEFAULT_HTTP, ...this.options.http }, describeError);
  }

  /**
   * The reply as a ChatResponse, priced from its usage at this provider's model (cached input at the
   * cached-input price, reasoning and thinking tokens as output).
   */
  protected response(text: string, usage: Usage, attempts: number): ChatResponse {
    return {
      text,
      usage,
      cost: costOfUsage(this.options.model, usage, this.options.prices),
      provider: this.name,
      model: this.options.model,
      attempts,
    };
  }

  abstract complete(request: ChatRequest): Promise<ChatResponse>;
}
