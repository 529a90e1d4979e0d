// TF-IDF features with multinomial logistic regression, trained by SGD with L2 decay. Written here:
// the npm choices (ml-logistic-regression on ml-matrix) are dense-matrix only, which for a
// 10k-token vocabulary is 100× the work of this sparse loop, and none are actively kept.

import { type LinearProgram, round } from "../programs.js";
import { type Corpus, presentIds } from "./corpus.js";
import { lcg, shuffleInPlace } from "./shuffle.js";

export interface LogregOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export function trainLogreg(c: Corpus, options: Partial<LogregOptions> = {}): LinearProgram {
  const { epochs = 25, learningRate = 0.5, l2 = 1e-5, seed = 7 } = options;
  const K = c.labels.length;
  const ids = presentIds(c);
  const local = new Map(ids.map((id, j) => [id, j]));
  const V = ids.length;
  const n = c.y.length;
  const idf = ids.map((id) => Math.log((1 + n) / (1 + c.df[id])) + 1);
  // Each document as (feature index, tf-idf value) pairs, L2-normalised.
  const rows = c.docs.map((d) => {
    const f: number[] = [];
    const v: number[] = [];
    let norm = 0;
    for (const [t, count] of d) {
      const j = local.get(c.vocabIndex.get(t) ?? -1);
      if (j === undefined) continue;
      const x = (1 + Math.log(count)) * idf[j];
      f.push(j);
      v.push(x);
      norm += x * x;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 1;
    return { f: Int32Array.from(f), v: Float64Array.from(v, (x) => x * s) };
  });
  const w = new Float64Array(V * K);
  const b = new Float64Array(K);
  const p = new Float64Array(K);
  const next = lcg(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  let decay = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, next);
    const lr = learningRate / (1 + epoch * 0.2);
    for (const i of order) {
      const { f, v } = rows[i];
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        let s = b[k];
        for (let q = 0; q < f.length; q++) s += v[q] * w[f[q] * K + k] * decay;
        p[k] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let k = 0; k < K; k++) {
        p[k] = Math.exp(p[k] - max);
        z += p[k];
      }
      // Weight decay is applied lazily through a global scale factor (sparse updates stay sparse).
      decay *= 1 - lr * l2;
      for (let k = 0; k < K; k++) {
        const g = p[k] / z - (c.y[i] === k ? 1 : 0);
        b[k] -= lr * g;
        for (let q = 0; q < f.length; q++) w[f[q] * K + k] -= (lr * g * v[q]) / decay;
      }
    }
  }
  return {
    type: "linear",
    labels: c.labels,
    maxChars: c.maxChars,
    vocab: ids.map((id) => c.vocab[id]),
    weighting: "tfidf",
    idf: idf.map((x) => round(x)),
    weights: Array.from(w, (x) => round(x * decay)),
    bias: Array.from(b, (x) => round(x)),
  };
}
