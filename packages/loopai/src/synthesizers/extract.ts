// Structured extraction by learning a decision list of regular expressions per output field. Each
// candidate is a context (a literal prefix seen before the value, or the shape of the line up to
// it) followed by the narrowest character class that captures exactly the example's value; the
// greedy learner keeps the candidates that extract the most values without inventing any.

import { inputText } from "../features.js";
import type { ExtractProgram } from "../programs.js";
import type { JsonSchema } from "../spec.js";

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
  return { type: "extract", fields };
}
