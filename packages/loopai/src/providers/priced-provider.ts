// What every HTTP chat provider shares: a name, its options, and a worst-case price for budget checks.

import type { HttpOptions } from "./http.js";
import { type Price, worstCaseCost } from "./prices.js";
import type { ChatProvider, ChatRequest, ChatResponse } from "./types.js";

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

  abstract complete(request: ChatRequest): Promise<ChatResponse>;
}
