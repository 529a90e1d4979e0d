// An LLM as the oracle: asks the provider chain for the answer and reads it back strictly (a label
// from the set, or JSON matching the schema); anything else is reported, never stored as a label.

import { inputText } from "../features.js";
import type { ChatProvider, ProviderError } from "../providers/types.js";
import type { TaskSpec } from "../spec.js";
import type { Oracle, OracleResult } from "./oracle.js";

function oraclePrompt(spec: TaskSpec): string {
  const lines = [`You are labelling inputs for the task "${spec.name}".`];
  if (spec.description) lines.push(spec.description);
  if (spec.output.type === "label")
    lines.push(`Answer with exactly one of these labels and nothing else: ${spec.output.labels.join(", ")}.`);
  else
    lines.push(
      `Answer with a single JSON object matching this JSON schema, and nothing else:\n${JSON.stringify(spec.output.schema)}`,
    );
  return lines.join("\n");
}

/** Reads an answer from model text; returns an error string when it is not a valid output. */
function readAnswer(spec: TaskSpec, text: string): { output: unknown } | { error: string } {
  const t = text.trim();
  if (spec.output.type === "label") {
    const cleaned = t.replace(/^["'`\s]+|["'`.\s]+$/g, "");
    const hit = spec.output.labels.find((l) => l.toLowerCase() === cleaned.toLowerCase());
    return hit !== undefined
      ? { output: hit }
      : {
          error: `answer ${JSON.stringify(t.slice(0, 60))} is outside the label set (${spec.output.labels.join(", ")})`,
        };
  }
  const body = /```(?:json)?\s*([\s\S]*?)```/.exec(t)?.[1] ?? t;
  try {
    return { output: JSON.parse(body) };
  } catch {
    return { error: `answer is not JSON: ${JSON.stringify(t.slice(0, 60))}` };
  }
}

export class LlmOracle implements Oracle {
  readonly name: string;
  private readonly system: string;
  constructor(
    private readonly spec: TaskSpec,
    private readonly provider: ChatProvider,
    readonly costPerCall = 0,
  ) {
    this.name = `llm(${provider.name})`;
    this.system = oraclePrompt(spec);
  }

  async ask(input: unknown): Promise<OracleResult> {
    try {
      const r = await this.provider.complete({
        system: this.system,
        messages: [{ role: "user", content: inputText(input) }],
        // A label fits in 16 tokens; structured output wraps it as {"answer": …}, some 5 more.
        maxTokens: this.spec.output.type === "label" ? 32 : 512,
        temperature: 0,
        // Structured outputs where the provider has them: the label set as an enum, or the schema.
        output:
          this.spec.output.type === "label" ? { labels: this.spec.output.labels } : { schema: this.spec.output.schema },
      });
      const a = readAnswer(this.spec, r.text);
      if ("error" in a) return { kind: "error", error: `${r.provider}: ${a.error}`, cost: r.cost };
      return {
        kind: "answer",
        output: a.output,
        cost: r.cost,
        inputTokens: r.usage.inputTokens,
        outputTokens: r.usage.outputTokens,
      };
    } catch (err) {
      return {
        kind: "error",
        error: (err as Error).message,
        cost: 0,
        retryAfterMs: (err as ProviderError).retryAfterMs,
      };
    }
  }
}
