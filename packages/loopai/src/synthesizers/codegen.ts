// LLM code generation: the model writes `function run(input)`; we parse it, run it in the worker
// pool on the examples it was shown and on examples held out from it, and accept it only if it
// reaches the bar on both. Failures on the shown part are fed back for another attempt.

import vm from "node:vm";
import { inputText } from "../features.js";
import type { ChatMessage, ChatProvider } from "../providers/types.js";
import type { TaskSpec } from "../spec.js";
import { canonicalJson, outputChecker, outputsAgree } from "../validation.js";
import type { WorkerPool } from "../worker-pool.js";

export interface CodegenResult {
  source?: string;
  /** Accuracy on the held-out examples (the model never saw them). */
  accuracy: number;
  heldOutCorrect: number;
  heldOutSize: number;
  cost: number;
  attempts: number;
  notes: string[];
  /** Set when a call was not made because it could have overrun the generation budget. */
  refused?: { reason: string; estimate: number; remaining: number };
}

const SYSTEM = [
  "You write small, fast, dependency-free JavaScript (ES2022).",
  "Define exactly one top-level function `function run(input) { ... }` that returns { output, confidence } with confidence in [0, 1].",
  "No require/import, no I/O, no timers, no eval. Reply with the code in one ```js block.",
].join("\n");

function clip(s: string, n = 400): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function codegenPrompt(
  spec: TaskSpec,
  examples: { input: unknown; output: unknown }[],
  failures: { input: unknown; output: unknown }[],
): string {
  const lines = [`Task "${spec.name}": ${spec.description}`];
  lines.push(
    spec.output.type === "label"
      ? `output must be one of: ${spec.output.labels.map((l) => JSON.stringify(l)).join(", ")}`
      : `output must be a JSON object matching: ${JSON.stringify(spec.output.schema)}`,
  );
  lines.push(
    spec.input.type === "text"
      ? "input is a string."
      : `input is an object matching: ${JSON.stringify(spec.input.schema)}`,
  );
  lines.push("Examples (input → output):");
  for (const e of examples.slice(0, 30))
    lines.push(`- ${JSON.stringify(clip(inputText(e.input)))} → ${JSON.stringify(e.output)}`);
  if (failures.length > 0) {
    lines.push("The current program gets these wrong; handle them:");
    for (const f of failures.slice(0, 10))
      lines.push(`- ${JSON.stringify(clip(inputText(f.input)))} → ${JSON.stringify(f.output)}`);
  }
  return lines.join("\n");
}

function extractCode(text: string): string {
  const block = /```(?:js|javascript)?\s*\n([\s\S]*?)```/.exec(text);
  return (block ? block[1] : text).trim();
}

/** Parses without running: a syntax error or a missing `run` is caught before any worker sees it. */
function checkSyntax(source: string): string | undefined {
  try {
    new vm.Script(source, { filename: "generated.js" });
  } catch (err) {
    return `syntax error: ${(err as Error).message}`;
  }
  if (!/\bfunction\s+run\s*\(|\b(?:const|let|var)\s+run\s*=/.test(source)) return "the code does not define run(input)";
  return undefined;
}

/**
 * Splits the labelled examples into the part the model is shown and a held-out part it never
 * sees, about one in `holdoutEvery`, spread over each output value (so every label is on both
 * sides). Inputs the model is shown anyway (representative failures) stay on the shown side, and a
 * repeated input is kept once, so nothing shown is also held out.
 */
export function holdoutSplit<T extends { input: unknown; output: unknown }>(
  examples: T[],
  alwaysShown: { input: unknown }[] = [],
  holdoutEvery = 3,
): { shown: T[]; heldOut: T[] } {
  const pinned = new Set(alwaysShown.map((f) => canonicalJson(f.input)));
  const seen = new Set<string>();
  const byOutput = new Map<string, T[]>();
  const shown: T[] = [];
  for (const e of examples) {
    const key = canonicalJson(e.input);
    if (seen.has(key)) continue;
    seen.add(key);
    if (pinned.has(key)) shown.push(e);
    else {
      const group = canonicalJson(e.output);
      const list = byOutput.get(group) ?? [];
      list.push(e);
      byOutput.set(group, list);
    }
  }
  const heldOut: T[] = [];
  // One in every `holdoutEvery`, counted through the groups in turn: each output value gives its share.
  let i = 0;
  for (const group of byOutput.values()) for (const e of group) (++i % holdoutEvery === 0 ? heldOut : shown).push(e);
  if (heldOut.length === 0 && shown.length > 1) heldOut.push(...shown.splice(shown.length - 1, 1));
  return { shown, heldOut };
}

interface Scored {
  correct: number;
  wrong: { input: unknown; output: unknown; got: string }[];
}

async function score(
  spec: TaskSpec,
  check: (output: unknown) => string | undefined,
  pool: WorkerPool,
  source: string,
  examples: { input: unknown; output: unknown }[],
): Promise<Scored> {
  const results = await pool.runBatch(
    source,
    examples.map((e) => e.input),
    spec.synthesis.deadlineMs,
  );
  const wrong: Scored["wrong"] = [];
  let correct = 0;
  results.forEach((r, i) => {
    const { input, output } = examples[i];
    if (!r.ok) wrong.push({ input, output, got: `error: ${r.error}` });
    else if (check(r.answer.output) !== undefined)
      wrong.push({ input, output, got: `invalid output ${JSON.stringify(r.answer.output)}` });
    else if (outputsAgree(r.answer.output, output, spec.comparison, spec.numericTolerance)) correct++;
    else wrong.push({ input, output, got: JSON.stringify(r.answer.output) });
  });
  return { correct, wrong };
}

/**
 * The fewest held-out examples generated code is judged on: code that passed 2 of 2 was accepted as
 * 100% accurate. With 10, one miss is already 90%, below any usual accuracy target.
 */
export const MIN_HELD_OUT = 10;

/**
 * Asks the model for code, up to `attempts` times, showing it part of the examples and feeding
 * back what it got wrong there. The code is accepted only if it reaches the bar on the shown part
 * and on the held-out part, and its reported accuracy is the held-out one. A call whose worst-case
 * price would take the spend past `budget` (dollars) is not made.
 */
export async function generateCode(
  spec: TaskSpec,
  provider: ChatProvider,
  pool: WorkerPool,
  examples: { input: unknown; output: unknown }[],
  failures: { input: unknown; output: unknown }[],
  options: { attempts?: number; bar?: number; budget?: number } = {},
): Promise<CodegenResult> {
  const attempts = options.attempts ?? 3;
  const bar = options.bar ?? spec.accuracyTarget;
  const { shown, heldOut } = holdoutSplit(examples, failures);
  if (heldOut.length < MIN_HELD_OUT) {
    const reason = `${heldOut.length} held-out examples are too few to judge generated code (it needs ${MIN_HELD_OUT}): no call made`;
    return { accuracy: 0, heldOutCorrect: 0, heldOutSize: heldOut.length, cost: 0, attempts: 0, notes: [reason] };
  }
  // Built once: for a JSON task it compiles the output schema.
  const check = outputChecker(spec);
  const messages: ChatMessage[] = [{ role: "user", content: codegenPrompt(spec, shown, failures) }];
  const notes: string[] = [];
  let cost = 0;
  let best: { source: string; accuracy: number } | undefined;
  const result = (extra: Partial<CodegenResult>): CodegenResult => ({
    accuracy: best?.accuracy ?? 0,
    heldOutCorrect: 0,
    heldOutSize: heldOut.length,
    cost,
    attempts,
    notes,
    ...extra,
  });
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const request = { system: SYSTEM, messages, maxTokens: 2048, temperature: 0.2 };
    if (options.budget !== undefined) {
      const estimate = provider.estimateCost?.(request) ?? 0;
      const remaining = options.budget - cost;
      if (remaining <= 0 || estimate > remaining) {
        const reason = `attempt ${attempt} not made: it could cost $${estimate.toFixed(4)}, the generation budget has $${Math.max(0, remaining).toFixed(4)} left`;
        notes.push(reason);
        return result({ attempts: attempt - 1, refused: { reason, estimate, remaining: Math.max(0, remaining) } });
      }
    }
    let text: string;
    try {
      const r = await provider.complete(request);
      cost += r.cost;
      text = r.text;
    } catch (err) {
      notes.push(`attempt ${attempt}: ${(err as Error).message}`);
      break;
    }
    const source = extractCode(text);
    messages.push({ role: "assistant", content: text });
    const syntax = checkSyntax(source);
    if (syntax) {
      notes.push(`attempt ${attempt}: ${syntax}`);
      messages.push({ role: "user", content: `That code was rejected: ${syntax}. Reply with corrected code.` });
      continue;
    }
    const onShown = await score(spec, check, pool, source, shown);
    const onHeldOut = await score(spec, check, pool, source, heldOut);
    const shownAccuracy = shown.length > 0 ? onShown.correct / shown.length : 0;
    const accuracy = heldOut.length > 0 ? onHeldOut.correct / heldOut.length : 0;
    notes.push(
      `attempt ${attempt}: ${onShown.correct}/${shown.length} shown examples, ${onHeldOut.correct}/${heldOut.length} held-out examples passed`,
    );
    if (!best || accuracy > best.accuracy) best = { source, accuracy };
    if (shownAccuracy >= bar && accuracy >= bar)
      return result({ source, accuracy, heldOutCorrect: onHeldOut.correct, attempts: attempt });
    // Only shown examples are quoted back: quoting held-out ones would leak them into the code.
    messages.push({
      role: "user",
      content:
        onShown.wrong.length > 0
          ? `It fails on these; fix them and reply with the whole code:\n${onShown.wrong
              .slice(0, 8)
              .map(
                (w) =>
                  `- ${JSON.stringify(clip(inputText(w.input), 200))} expected ${JSON.stringify(w.output)}, got ${w.got}`,
              )
              .join("\n")}`
          : `It passes these examples but only ${onHeldOut.correct} of ${heldOut.length} similar inputs you have not seen: it fits the examples rather than the task. Write a general rule and reply with the whole code.`,
    });
  }
  notes.push(
    best
      ? `rejected: best attempt passed ${(best.accuracy * 100).toFixed(1)}% of held-out examples, below ${(bar * 100).toFixed(1)}%`
      : "rejected: no usable code",
  );
  return result({});
}
