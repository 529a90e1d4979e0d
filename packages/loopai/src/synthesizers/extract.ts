// Structured extraction, learnt from labelled examples, in two layers.
//  1. Whole-line templates (templates.ts), tried first: inputs that are lines of a few formats
//     (logs) are read by the template of their format, learnt from a handful of its lines (4 to 8
//     for each of loggen's six formats, where the per-field patterns below read 7% of the pipe
//     format after 3 lines and 73% after 16), at a confidence that grows with the template's
//     support.
//  2. A decision list of regular expressions per output field (below): reads the lines no template
//     matches, at a confidence of at most UNMATCHED_CONFIDENCE. When the training lines are of a
//     few formats, a line that does not even begin like one of them (a format never seen) is
//     declined instead: output null, and the loop asks the oracle, which answers it and labels it.
// On the benchmark's log stream (5,000 lines, a sixth format in half the lines from line 2,500) the
// patterns alone served 88.6% at a 5.7% oracle rate, every answer at confidence 1 (587 wrong ones
// among them), so the cascade could not tell which to send to the oracle; with the templates,
// 100.0% at 5.6%: 4,785 lines read by templates and 82 by the patterns, none wrong; the 133 lines
// of the new format declined while no serving program could read it came from the oracle.
// Each pattern candidate is a context (a literal prefix seen before the value, or the shape of the
// line up to it) followed by the narrowest character class that captures exactly the example's
// value; the greedy learner keeps the candidates that extract the most values without inventing any.

import { inputText } from "../features.js";
import type { ExtractProgram } from "../programs.js";
import type { JsonSchema } from "../spec.js";
import { learnTemplates, type TemplateExample, type ValueType } from "./templates.js";

const VALUE_CLASSES = [
  "-?\\d+",
  "-?\\d+(?:\\.\\d+)?",
  "[A-Za-z]+",
  "[A-Za-z][\\w.-]*",
  "[\\w.:-]+",
  "[\\w./:%?&=+-]+",
  '[^\\s"\\]]+',
  '[^"]*',
  "[^\\]]*",
  "\\S+",
];

const ALNUM = /^[\p{L}\p{N}]$/u;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The shape of a line's beginning: runs of letters, digits and spaces generalised, punctuation kept. */
function shapeOf(s: string): string {
  let out = "^";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    let j = i + 1;
    if (/[A-Za-z]/.test(ch)) {
      while (j < s.length && /[A-Za-z]/.test(s[j])) j++;
      out += "[A-Za-z]+";
    } else if (/\d/.test(ch)) {
      while (j < s.length && /\d/.test(s[j])) j++;
      out += "\\d+";
    } else if (/\s/.test(ch)) {
      while (j < s.length && /\s/.test(s[j])) j++;
      out += "\\s+";
    } else out += escapeRegex(ch);
    i = j;
  }
  return out;
}

interface FieldExample {
  text: string;
  value: string | undefined;
}

/** Up to `limit` of `xs`, evenly spaced, so a large set is sampled from end to end. */
function spread<T>(xs: T[], limit: number): T[] {
  if (xs.length <= limit) return xs;
  return Array.from({ length: limit }, (_, i) => xs[Math.floor((i * xs.length) / limit)]);
}

function candidatesFor(examples: FieldExample[], limit = 120): Set<string> {
  const out = new Set<string>();
  for (const { text, value } of spread(examples, limit)) {
    if (value === undefined || value === "") continue;
    let at = text.indexOf(value);
    let occurrences = 0;
    while (at >= 0 && occurrences++ < 3) {
      const classes = VALUE_CLASSES.filter((cls) => {
        const m = new RegExp(`^(?:${cls})`).exec(text.slice(at));
        return m !== null && m[0].length === value.length;
      }).slice(0, 3);
      for (const cls of classes) {
        for (const len of [1, 2, 3, 4, 5, 6, 8, 10, 12, 16]) {
          if (len > at) break;
          // A context starts where a word does: "r " (the end of "user") also ends "order".
          if (ALNUM.test(text[at - len - 1] ?? "") && ALNUM.test(text[at - len])) continue;
          out.add(`${escapeRegex(text.slice(at - len, at))}(${cls})`);
        }
        if (at === 0) out.add(`^(${cls})`);
        else if (at <= 120) out.add(`${shapeOf(text.slice(0, at))}(${cls})`);
      }
      at = text.indexOf(value, at + 1);
    }
  }
  return out;
}

/** Learns the decision list for one field. */
function learnField(examples: FieldExample[]): { source: string; flags: string; support: number }[] {
  const compiled = [...candidatesFor(examples)].map((source) => ({ source, re: new RegExp(source) }));
  const list: { source: string; flags: string; support: number }[] = [];
  let remaining = examples.map((_, i) => i);
  // Candidates come from a sample; once it is used up, the examples still uncovered (a format the
  // sample missed, such as one that appeared after a drift) get candidates of their own, once.
  let widened = false;
  while (remaining.length > 0 && list.length < 12) {
    let best: { source: string; re: RegExp } | undefined;
    let bestScore = 0;
    let bestCorrect = 0;
    for (const cand of compiled) {
      let correct = 0;
      let wrong = 0;
      for (const i of remaining) {
        const m = cand.re.exec(examples[i].text);
        if (!m) continue;
        if (m[1] === examples[i].value) correct++;
        else wrong++;
      }
      // Specific contexts win ties: shorter sources generalise worse on positional formats.
      const score = correct - 3 * wrong;
      if (
        score > bestScore ||
        (score === bestScore && best && cand.source.length < best.source.length && correct >= bestCorrect)
      ) {
        if (score > 0) {
          best = cand;
          bestScore = score;
          bestCorrect = correct;
        }
      }
    }
    if (!best || bestCorrect < 1) {
      if (widened) break;
      widened = true;
      const known = new Set(compiled.map((c) => c.source));
      for (const source of candidatesFor(remaining.map((i) => examples[i])))
        if (!known.has(source)) compiled.push({ source, re: new RegExp(source) });
      continue;
    }
    list.push({ source: best.source, flags: "", support: bestCorrect });
    const chosen = best.re;
    remaining = remaining.filter((i) => !chosen.test(examples[i].text));
  }
  return list;
}

/**
 * The confidence of an answer read by a template that reads `support` training lines exactly: a
 * template seen once is a guess at its format (0.5), one seen on 50 lines is nearly certain (0.98).
 */
export function templateConfidence(support: number): number {
  return support / (support + 1);
}

/** Fewer distinct labelled lines than this say too little about which formats exist to decline any. */
const MIN_LINES_TO_DECLINE = 20;
/** A program declines lines of unseen formats only when they are this rare (held out) in its training data. */
const MAX_UNREAD_TO_DECLINE = 0.1;

/**
 * The most an answer read by the fields' patterns may claim: below any template's, so the cascade
 * sends these first. Before the word-start rule for contexts, 12 of the benchmark stream's 86 such
 * answers were wrong and they were all of its wrong answers; template answers were never wrong.
 */
export const UNMATCHED_CONFIDENCE = 0.3;

/**
 * Held-out share of lines no template and no template's stem would read: templates learnt from
 * every other distinct training line, tried on the rest. Low when the inputs are lines of a few
 * formats; high for free text, where most lines are new.
 */
function unreadShare(examples: TemplateExample[], types: Map<string, ValueType>): number {
  const distinct = [...new Map(examples.map((e) => [e.text, e])).values()];
  if (distinct.length < MIN_LINES_TO_DECLINE) return 1;
  const learn = distinct.filter((_, i) => i % 2 === 0);
  const held = distinct.filter((_, i) => i % 2 === 1);
  const res = learnTemplates(learn, types).flatMap((t) => [t.source, ...(t.stem ? [t.stem] : [])]);
  const compiled = res.map((r) => new RegExp(r, "u"));
  return held.filter((e) => !compiled.some((re) => re.test(e.text))).length / held.length;
}

export function trainExtract(inputs: unknown[], outputs: unknown[], schema: JsonSchema): ExtractProgram {
  const properties = (schema.properties ?? {}) as Record<string, { type?: string }>;
  const required = new Set((schema.required ?? []) as string[]);
  const texts = inputs.map(inputText);
  const fields = Object.entries(properties).map(([name, prop]) => {
    const valueType: "string" | "integer" | "number" =
      prop.type === "integer" ? "integer" : prop.type === "number" ? "number" : "string";
    const examples = texts.map((text, i) => {
      const v = (outputs[i] as Record<string, unknown> | null)?.[name];
      return { text, value: v === undefined || v === null ? undefined : String(v) };
    });
    return { name, valueType, required: required.has(name), patterns: learnField(examples) };
  });
  const types = new Map(fields.map((f) => [f.name, f.valueType]));
  const rows: TemplateExample[] = texts.map((text, i) => {
    const o = (outputs[i] ?? {}) as Record<string, unknown>;
    const values = new Map<string, string>();
    for (const f of fields) if (o[f.name] !== undefined && o[f.name] !== null) values.set(f.name, String(o[f.name]));
    return { text, values };
  });
  const templates = learnTemplates(rows, types).map((t) => ({
    ...t,
    flags: "u",
    confidence: templateConfidence(t.support),
  }));
  const declines = unreadShare(rows, types) <= MAX_UNREAD_TO_DECLINE;
  return {
    type: "extract",
    fields,
    templates,
    unmatchedConfidence: UNMATCHED_CONFIDENCE,
    ...(declines ? { unmatched: "abstain" as const } : {}),
  };
}
