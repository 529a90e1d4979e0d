// Failure analysis for regeneration: disagreements grouped by what went wrong (predicted →
// expected) and then by content (token overlap), so a regeneration sees one representative per
// kind of mistake instead of the most recent few.

import { inputText, tokenize } from "./features.js";
import type { FailureRow } from "./store.js";
import { canonicalJson } from "./validation.js";

export interface FailureCluster {
  id: number;
  key: string;
  representative: FailureRow;
  members: number[];
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

export function clusterFailures(failures: FailureRow[], threshold = 0.3): FailureCluster[] {
  const clusters: (FailureCluster & { tokens: Set<string> })[] = [];
  for (const f of failures) {
    const key = `${canonicalJson(f.predicted)} → ${canonicalJson(f.expected)}`;
    const tokens = new Set(tokenize(inputText(f.input), 2000));
    let home: (FailureCluster & { tokens: Set<string> }) | undefined;
    let best = threshold;
    for (const c of clusters) {
      if (c.key !== key) continue;
      const sim = jaccard(tokens, c.tokens);
      if (sim >= best) {
        best = sim;
        home = c;
      }
    }
    if (home) home.members.push(f.id);
    else clusters.push({ id: clusters.length + 1, key, representative: f, members: [f.id], tokens });
  }
  return clusters.sort((a, b) => b.members.length - a.members.length).map(({ tokens: _t, ...c }) => c);
}
