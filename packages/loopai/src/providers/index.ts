// Builds a provider chain from a spec's `oracle.providers`.

import type { ProviderSpec } from "../spec.js";
import { AnthropicProvider } from "./anthropic.js";
import { FallbackChain } from "./fallback.js";
import { GeminiProvider } from "./gemini.js";
import { AzureOpenAiProvider, OpenAiProvider } from "./openai.js";
import type { ChatProvider } from "./types.js";

const DEFAULT_KEY_ENV: Record<ProviderSpec["kind"], string> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  gemini: "GEMINI_API_KEY",
  azure: "AZURE_OPENAI_API_KEY",
};

/**
 * Why a provider as specified cannot be called, or undefined: the public API needs its key in the
 * environment (`apiKeyEnv`, else the kind's usual variable); Azure needs its endpoint (`baseUrl`). A
 * `baseUrl` of one's own (a gateway, a local server) may need no key.
 */
export function providerProblem(spec: ProviderSpec, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const keyEnv = spec.apiKeyEnv ?? DEFAULT_KEY_ENV[spec.kind];
  if (spec.kind === "azure" && !spec.baseUrl) return `provider azure (${spec.model}) needs baseUrl, its endpoint`;
  if (!spec.baseUrl && !env[keyEnv])
    return `provider ${spec.kind} (${spec.model}) needs an API key in $${keyEnv}, or a baseUrl of your own`;
  return undefined;
}

export function createProvider(spec: ProviderSpec, env: NodeJS.ProcessEnv = process.env): ChatProvider {
  const apiKey = env[spec.apiKeyEnv ?? DEFAULT_KEY_ENV[spec.kind]];
  const http = {
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.retries !== undefined ? { retries: spec.retries } : {}),
    ...(spec.totalMs ? { totalMs: spec.totalMs } : {}),
  };
  switch (spec.kind) {
    case "openai":
      return new OpenAiProvider({ model: spec.model, baseUrl: spec.baseUrl, apiKey, http });
    case "anthropic":
      return new AnthropicProvider({ model: spec.model, baseUrl: spec.baseUrl, apiKey, http });
    case "gemini":
      return new GeminiProvider({ model: spec.model, baseUrl: spec.baseUrl, apiKey, http });
    case "azure":
      return new AzureOpenAiProvider({
        model: spec.model,
        endpoint: spec.baseUrl ?? "",
        deployment: spec.deployment ?? spec.model,
        apiVersion: spec.apiVersion,
        apiKey,
        http,
      });
  }
}

export function createProviderChain(specs: ProviderSpec[], env?: NodeJS.ProcessEnv): ChatProvider {
  const providers = specs.map((s) => createProvider(s, env));
  return providers.length === 1 ? providers[0] : new FallbackChain(providers);
}

export * from "./types.js";
export { AnthropicProvider, AzureOpenAiProvider, FallbackChain, GeminiProvider, OpenAiProvider };
