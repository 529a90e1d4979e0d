// A decision tree over keyword presence (ID3 with information gain, depth and leaf-size limits).
// Cheapest to run of all the strategies when a few words decide the label.

import type { TreeNode, TreeProgram } from "../programs.js";
import { type Corpus, presentIds } from "./corpus.js";

function entropy(counts: number[], n: number): number {
  let h = 0;
  for (const m of counts) if (m > 0) h -= (m / n) * Math.log2(m / n);
  return h;
}

export function trainTree(c: Corpus, maxDepth = 8, minLeaf = 3, maxFeatures = 400): TreeProgram {
  const K = c.labels.length;
  const n = c.y.length;
  // Candidate features: the most frequent tokens that are neither rare nor everywhere.
  const features = presentIds(c)
    .filter((id) => c.df[id] >= Math.min(3, Math.max(1, n / 20)) && c.df[id] < n * 0.95)
    .sort((a, b) => c.df[b] - c.df[a])
    .slice(0, maxFeatures);
  const tokens = features.map((id) => c.vocab[id]);
  const nodes: TreeNode[] = [];
  /** A leaf for `n` rows with these label counts: the majority label, Laplace-smoothed. */
  const leaf = (counts: number[], n: number): number => {
    let best = 0;
    for (let k = 1; k < K; k++) if (counts[k] > counts[best]) best = k;
    nodes.push({ label: c.labels[best], confidence: (counts[best] + 1) / (n + K) });
    return nodes.length - 1;
  };
  const grow = (rows: number[], depth: number, used: Set<number>): number => {
    const counts = new Array(K).fill(0);
    for (const r of rows) counts[c.y[r]]++;
    const h = entropy(counts, rows.length);
    if (depth >= maxDepth || rows.length < 2 * minLeaf || h === 0) return leaf(counts, rows.length);
    let bestGain = 1e-9;
    let bestF = -1;
    for (let f = 0; f < tokens.length; f++) {
      if (used.has(f)) continue;
      const yes = new Array(K).fill(0);
      let ny = 0;
      for (const r of rows) {
        if (c.docs[r].has(tokens[f])) {
          yes[c.y[r]]++;
          ny++;
        }
      }
      const nn = rows.length - ny;
      if (ny < minLeaf || nn < minLeaf) continue;
      const no = counts.map((m, k) => m - yes[k]);
      const gain = h - (ny / rows.length) * entropy(yes, ny) - (nn / rows.length) * entropy(no, nn);
      if (gain > bestGain) {
        bestGain = gain;
        bestF = f;
      }
    }
    if (bestF < 0) return leaf(counts, rows.length);
    const index = nodes.length;
    nodes.push({ feature: tokens[bestF], present: -1, absent: -1 });
    const next = new Set(used).add(bestF);
    const present = grow(
      rows.filter((r) => c.docs[r].has(tokens[bestF])),
      depth + 1,
      next,
    );
    const absent = grow(
      rows.filter((r) => !c.docs[r].has(tokens[bestF])),
      depth + 1,
      next,
    );
    nodes[index] = { feature: tokens[bestF], present, absent };
    return index;
  };
  grow(
    Array.from({ length: n }, (_, i) => i),
    0,
    new Set(),
  );
  return { type: "tree", labels: c.labels, maxChars: c.maxChars, nodes };
}
