// The in-process interpreter for data programs: compiles a program's JSON once into closures over
// typed arrays, then answers each input without allocating more than the answer itself.

import { inputText, Vocabulary } from "./features.js";
import type { Answer, DataProgram, ExtractProgram, LinearProgram, RulesProgram, TreeProgram } from "./programs.js";

export type CompiledProgram = (input: unknown) => Answer;

function softmaxPick(labels: string[], scores: Float64Array): Answer {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
  let z = 0;
  for (let k = 0; k < scores.length; k++) z += Math.exp(scores[k] - scores[best]);
  return { output: labels[best], confidence: 1 / z };
}

function compileLinear(p: LinearProgram): CompiledProgram {
  const vocab = new Vocabulary(p.vocab);
  const K = p.labels.length;
  const V = p.vocab.length;
  const w = Float64Array.from(p.weights);
  const idf = Float64Array.from(p.idf ?? new Array(V).fill(1));
  const counts = new Float64Array(V);
  const ids = new Int32Array(p.maxChars);
  const touched = new Int32Array(p.maxChars);
  const scores = new Float64Array(K);
  const tfidf = p.weighting === "tfidf";
  const tail = p.tailChars ?? 0;
  return (input) => {
    const n = vocab.scan(inputText(input), p.maxChars, ids, tail);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (counts[id] === 0) touched[m++] = id;
      counts[id]++;
    }
    for (let k = 0; k < K; k++) scores[k] = 0;
    let norm = 0;
    for (let j = 0; j < m; j++) {
      const id = touched[j];
      const v = tfidf ? (1 + Math.log(counts[id])) * idf[id] : 1;
      counts[id] = 0;
      norm += v * v;
      const base = id * K;
      for (let k = 0; k < K; k++) scores[k] += v * w[base + k];
    }
    const scale = tfidf && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    for (let k = 0; k < K; k++) scores[k] = scores[k] * scale + p.bias[k];
    return softmaxPick(p.labels, scores);
  };
}

function compileRules(p: RulesProgram): CompiledProgram {
  const tokens = [...new Set(p.keywords.map((k) => k.token))];
  const vocab = new Vocabulary(tokens);
  const K = p.labels.length;
  const w = new Float64Array(tokens.length * K);
  for (const k of p.keywords) w[tokens.indexOf(k.token) * K + p.labels.indexOf(k.label)] += k.weight;
  const patterns = p.patterns.map((r) => ({
    re: new RegExp(r.source, r.flags.replace("g", "")),
    k: p.labels.indexOf(r.label),
    weight: r.weight,
  }));
  const ids = new Int32Array(p.maxChars);
  const seen = new Uint32Array(tokens.length);
  let epoch = 0;
  const scores = new Float64Array(K);
  return (input) => {
    const text = inputText(input);
    const n = vocab.scan(text, p.maxChars, ids);
    epoch++;
    for (let k = 0; k < K; k++) scores[k] = p.bias[k];
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (seen[id] === epoch) continue;
      seen[id] = epoch;
      for (let k = 0; k < K; k++) scores[k] += w[id * K + k];
    }
    const head = text.length > p.maxChars ? text.slice(0, p.maxChars) : text;
    for (const r of patterns) if (r.re.test(head)) scores[r.k] += r.weight;
    return softmaxPick(p.labels, scores);
  };
}

function compileTree(p: TreeProgram): CompiledProgram {
  const features = [...new Set(p.nodes.flatMap((n) => ("feature" in n ? [n.feature] : [])))];
  const vocab = new Vocabulary(features);
  const featureOf = p.nodes.map((n) => ("feature" in n ? features.indexOf(n.feature) : -1));
  const ids = new Int32Array(p.maxChars);
  const seen = new Uint32Array(Math.max(1, features.length));
  let epoch = 0;
  return (input) => {
    const n = vocab.scan(inputText(input), p.maxChars, ids);
    epoch++;
    for (let i = 0; i < n; i++) seen[ids[i]] = epoch;
    let node = 0;
    for (;;) {
      const nd = p.nodes[node];
      if ("label" in nd) return { output: nd.label, confidence: nd.confidence };
      node = seen[featureOf[node]] === epoch ? nd.present : nd.absent;
    }
  };
}

function compileExtract(p: ExtractProgram): CompiledProgram {
  const fields = p.fields.map((f) => ({
    ...f,
    res: f.patterns.map((r) => new RegExp(r.source, r.flags.replace("g", ""))),
  }));
  const required = fields.filter((f) => f.required).length;
  const types = new Map(p.fields.map((f) => [f.name, f.valueType]));
  const templates = (p.templates ?? []).map((t) => ({ ...t, re: new RegExp(t.source, t.flags.replace("g", "")) }));
  const stems = (p.templates ?? []).flatMap((t) => (t.stem ? [new RegExp(t.stem, t.flags.replace("g", ""))] : []));
  const unmatched = p.unmatchedConfidence ?? 1;
  return (input) => {
    const text = inputText(input);
    for (const t of templates) {
      const m = t.re.exec(text);
      if (!m) continue;
      const out: Record<string, unknown> = {};
      for (let g = 0; g < t.fields.length; g++) {
        const v = m[g + 1];
        if (v !== undefined) out[t.fields[g]] = (types.get(t.fields[g]) ?? "string") === "string" ? v : Number(v);
      }
      return { output: out, confidence: t.confidence };
    }
    if (p.unmatched === "abstain" && !stems.some((re) => re.test(text))) return { output: null, confidence: 0 };
    const out: Record<string, unknown> = {};
    let found = 0;
    let missingRequired = 0;
    for (const f of fields) {
      let value: string | undefined;
      for (const re of f.res) {
        const m = re.exec(text);
        if (m) {
          value = m[1];
          break;
        }
      }
      if (value === undefined) {
        if (f.required) missingRequired++;
        continue;
      }
      found++;
      out[f.name] = f.valueType === "string" ? value : Number(value);
    }
    const confidence = required > 0 ? 1 - missingRequired / required : found > 0 ? 1 : 0.5;
    return { output: out, confidence: confidence * unmatched };
  };
}

/** Compiles a data program; throws (with the program's own words) if its JSON is not one. */
export function compileDataProgram(program: DataProgram): CompiledProgram {
  switch (program.type) {
    case "linear":
      return compileLinear(program);
    case "rules":
      return compileRules(program);
    case "tree":
      return compileTree(program);
    case "extract":
      return compileExtract(program);
    default:
      throw new Error(`unknown data program type ${JSON.stringify((program as { type: unknown }).type)}`);
  }
}
