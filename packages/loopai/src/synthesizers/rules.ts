// Rule induction: keywords and regular expressions that separate the labels, each weighted by its
// smoothed log-odds, so a person can read (and edit) why an answer came out as it did.

import { inputText } from "../features.js";
import { type RulesProgram, round } from "../programs.js";
import { type Corpus, presentIds } from "./corpus.js";

/** Shapes a regular expression can learn beyond single words; kept when the data says they matter. */
const PATTERN_SHAPES: { source: string; flags: string }[] = [
  { source: "\\$\\s?\\d[\\d,]*", flags: "" },
  { source: "\\b[A-Z]{4,}\\b(?:\\s+\\b[A-Z]{4,}\\b){2,}", flags: "" },
  { source: "!{2,}", flags: "" },
  { source: "\\d{1,3}%", flags: "" },
  { source: "https?://\\d{1,3}(?:\\.\\d{1,3}){3}", flags: "i" },
  { source: "<(?:html|body|font|table)\\b", flags: "i" },
  { source: "\\b(?:click|act|order|call)\\s+(?:here|now|today)\\b", flags: "i" },
  { source: "\\bunsubscribe\\b", flags: "i" },
  { source: "^Subject:.*[!$]", flags: "im" },
  { source: "\\b\\d{3}[-.\\s]\\d{3}[-.\\s]\\d{4}\\b", flags: "" },
  { source: "\\b(?:error|fail(?:ed|ure)?|exception|timeout)\\b", flags: "i" },
  { source: "\\?\\s*$", flags: "" },
];

function logOdds(inLabel: number, labelTotal: number, elsewhere: number, otherTotal: number): number {
  return Math.log((inLabel + 0.5) / (labelTotal + 1)) - Math.log((elsewhere + 0.5) / (otherTotal + 1));
}

export function trainRules(c: Corpus, inputs: unknown[], maxKeywords = 300): RulesProgram {
  const K = c.labels.length;
  const n = c.y.length;
  const candidates: { token: string; label: string; weight: number; score: number }[] = [];
  for (const id of presentIds(c)) {
    if (c.df[id] < 2 && n >= 30) continue;
    for (let k = 0; k < K; k++) {
      const inLabel = c.dfByLabel[id * K + k];
      const weight = logOdds(inLabel, c.classCounts[k], c.df[id] - inLabel, n - c.classCounts[k]);
      if (weight > 1)
        candidates.push({ token: c.vocab[id], label: c.labels[k], weight, score: weight * Math.sqrt(inLabel) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || (a.token < b.token ? -1 : 1));
  const keywords = candidates
    .slice(0, maxKeywords)
    .map(({ token, label, weight }) => ({ token, label, weight: round(weight * 0.5, 4) }));
  const texts = inputs.map((x) => inputText(x).slice(0, c.maxChars));
  const patterns: RulesProgram["patterns"] = [];
  for (const shape of PATTERN_SHAPES) {
    const re = new RegExp(shape.source, shape.flags);
    const hits = new Int32Array(K);
    let total = 0;
    texts.forEach((t, i) => {
      if (re.test(t)) {
        hits[c.y[i]]++;
        total++;
      }
    });
    if (total < 3) continue;
    for (let k = 0; k < K; k++) {
      const weight = logOdds(hits[k], c.classCounts[k], total - hits[k], n - c.classCounts[k]);
      if (weight > 1) patterns.push({ ...shape, label: c.labels[k], weight: round(weight * 0.5, 4) });
    }
  }
  const bias = Array.from(c.classCounts, (m) => round(Math.log((m + 1) / (n + K)), 4));
  return { type: "rules", labels: c.labels, maxChars: c.maxChars, keywords, patterns, bias };
}
