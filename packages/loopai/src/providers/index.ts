// Builds a provider chain from a spec's `oracle.providers`: each provider behind the process's
// circuit breaker for it, several in a fallback chain.

import type { ProviderSpec } from "../spec.js";
import { AnthropicProvider } from "./anthropic.js";
import {
  CircuitBreaker,
  CircuitBreakerProvider,
  DEFAULT_BREAKER,
  sharedBreaker,
  withBreaker,
} from "./circuit-breaker.js";
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

const DEFAULT_ENDPOINT: Record<Exclude<ProviderSpec["kind"], "azure">, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  gemini: "https://generativelanguage.googleapis.com",
};

/**
 * Why a provider as specified cannot be called, or undefined: the public API needs its key in the
 * environment (`apiKeyEnv`, else the kind's usual variable); Azure needs its endpoint (`baseUrl`)
 * and a key or a Microsoft Entra ID token (`tokenEnv`). A `baseUrl` of one's own (a gateway, a local
 * server) may need no key. `tokenEnv` is Azure's, `thinkingBudget` Gemini's.
 */
export function providerProblem(spec: ProviderSpec, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const keyEnv = spec.apiKeyEnv ?? DEFAULT_KEY_ENV[spec.kind];
  const who = `provider ${spec.kind} (${spec.model})`;
  if (spec.tokenEnv !== undefined && spec.kind !== "azure")
    return `${who}: tokenEnv (a Microsoft Entra ID token) is for kind azure; ${spec.kind} takes its key from apiKeyEnv`;
  if (spec.thinkingBudget !== undefined && spec.kind !== "gemini") return `${who}: thinkingBudget is for kind gemini`;
  if (spec.kind === "azure") {
    if (!spec.baseUrl) return `${who} needs baseUrl, its endpoint`;
    if (spec.tokenEnv !== undefined) {
      if (!env[spec.tokenEnv])
        return `${who} needs a Microsoft Entra ID token in $${spec.tokenEnv} (tokenEnv), e.g. from \`az account get-access-token --resource https://cognitiveservices.azure.com\``;
    } else if (!env[keyEnv])
      return `${who} needs an API key in $${keyEnv}, or a Microsoft Entra ID token in the variable named by tokenEnv`;
    return undefined;
  }
  if (!spec.baseUrl && !env[keyEnv])
    return `provider ${spec.kind} (${spec.model}) needs an API key in $${keyEnv}, or a baseUrl of your own`;
  return undefined;
}

/** The provider a spec describes, without its circuit breaker. */
export function createBareProvider(spec: ProviderSpec, env: NodeJS.ProcessEnv = process.env): ChatProvider {
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
      return new GeminiProvider({
        model: spec.model,
        baseUrl: spec.baseUrl,
        apiKey,
        http,
        thinkingBudget: spec.thinkingBudget,
      });
    case "azure": {
      const tokenEnv = spec.tokenEnv;
      return new AzureOpenAiProvider({
        model: spec.model,
        endpoint: spec.baseUrl ?? "",
        deployment: spec.deployment ?? spec.model,
        apiVersion: spec.apiVersion,
        apiKey,
        // Read on every call: an Entra ID token lasts about an hour, and may be refreshed in `env`.
        ...(tokenEnv ? { token: () => env[tokenEnv] } : {}),
        http,
      });
    }
  }
}

/** The provider a spec describes, behind the circuit breaker this process keeps for it. */
export function createProvider(spec: ProviderSpec, env: NodeJS.ProcessEnv = process.env): ChatProvider {
  const endpoint = spec.baseUrl ?? (spec.kind === "azure" ? "" : DEFAULT_ENDPOINT[spec.kind]);
  return withBreaker(createBareProvider(spec, env), endpoint.replace(/\/+$/, ""), spec.breaker);
}

export function createProviderChain(specs: ProviderSpec[], env?: NodeJS.ProcessEnv): ChatProvider {
  const providers = specs.map((s) => createProvider(s, env));
  return providers.length === 1 ? providers[0] : new FallbackChain(providers);
}

export * from "./types.js";
export {
  AnthropicProvider,
  AzureOpenAiProvider,
  CircuitBreaker,
  CircuitBreakerProvider,
  DEFAULT_BREAKER,
  FallbackChain,
  GeminiProvider,
  OpenAiProvider,
  sharedBreaker,
  withBreaker,
};
