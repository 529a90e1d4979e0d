// Naive Bayes over token presence (binarised multinomial, Laplace smoothing): the strongest
// classifier per microsecond on short labelled sets. Written here rather than taken from a library
// because the npm options (natural's BayesClassifier, ml-naivebayes) are slower, keep their own
// unversioned formats, and the model is a dozen lines once the corpus is counted.

import { type LinearProgram, round } from "../programs.js";
import { type Corpus, presentIds } from "./corpus.js";

export function trainBayes(c: Corpus, alpha = 1): LinearProgram {
  const K = c.labels.length;
  const ids = presentIds(c);
  const V = ids.length;
  const totals = new Float64Array(K);
  for (const id of ids) for (let k = 0; k < K; k++) totals[k] += c.dfByLabel[id * K + k];
  const weights: number[] = new Array(V * K);
  ids.forEach((id, j) => {
    for (let k = 0; k < K; k++)
      weights[j * K + k] = round(Math.log((c.dfByLabel[id * K + k] + alpha) / (totals[k] + alpha * V)));
  });
  const n = c.y.length;
  const bias = Array.from(c.classCounts, (m) => round(Math.log((m + 1) / (n + K))));
  return {
    type: "linear",
    labels: c.labels,
    maxChars: c.maxChars,
    ...(c.tailChars > 0 ? { tailChars: c.tailChars } : {}),
    vocab: ids.map((id) => c.vocab[id]),
    weighting: "binary",
    weights,
    bias,
  };
}
