// Training-side view of a labelled set for the text classifiers: token counts per document, a
// vocabulary chosen by document frequency, and label indices. Built once per generation and shared
// by every strategy the router tries.

import { inputText, termCounts, tokenize } from "../features.js";

export interface Corpus {
  labels: string[];
  maxChars: number;
  /** Characters read from the end of a longer input (see `tokenize`); 0: the first `maxChars` only. */
  tailChars: number;
  /** Per document: unique token → count. */
  docs: Map<string, number>[];
  y: Int32Array;
  vocab: string[];
  vocabIndex: Map<string, number>;
  /** Document frequency per vocab entry, overall and per label (row-major V × K). */
  df: Int32Array;
  dfByLabel: Int32Array;
  classCounts: Int32Array;
}

export function buildCorpus(
  inputs: unknown[],
  outputs: unknown[],
  labels: string[],
  maxChars: number,
  maxVocab = 30000,
  tailChars = 0,
): Corpus {
  const docs = inputs.map((x) => termCounts(tokenize(inputText(x), maxChars, tailChars)));
  const y = Int32Array.from(outputs.map((o) => labels.indexOf(String(o))));
  const dfAll = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) dfAll.set(t, (dfAll.get(t) ?? 0) + 1);
  // Tokens seen in one document only carry no evidence a held-out document can use, unless the
  // set is tiny.
  const minDf = docs.length >= 30 ? 2 : 1;
  const vocab = [...dfAll.entries()]
    .filter(([, n]) => n >= minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxVocab)
    .map(([t]) => t);
  const vocabIndex = new Map(vocab.map((t, i) => [t, i]));
  return {
    labels,
    maxChars,
    tailChars,
    docs,
    y,
    vocab,
    vocabIndex,
    ...frequencies(docs, y, vocabIndex, labels.length),
  };
}

/** Document frequencies of the vocabulary (overall and per label) and the label counts of `docs`. */
function frequencies(
  docs: Map<string, number>[],
  y: Int32Array,
  vocabIndex: Map<string, number>,
  K: number,
): Pick<Corpus, "df" | "dfByLabel" | "classCounts"> {
  const df = new Int32Array(vocabIndex.size);
  const dfByLabel = new Int32Array(vocabIndex.size * K);
  const classCounts = new Int32Array(K);
  docs.forEach((d, i) => {
    classCounts[y[i]]++;
    for (const t of d.keys()) {
      const id = vocabIndex.get(t);
      if (id === undefined) continue;
      df[id]++;
      dfByLabel[id * K + y[i]]++;
    }
  });
  return { df, dfByLabel, classCounts };
}

/** The sub-corpus of some documents (for cross-validation), re-counting frequencies. */
export function subCorpus(c: Corpus, rows: number[]): Corpus {
  const docs = rows.map((r) => c.docs[r]);
  const y = Int32Array.from(rows.map((r) => c.y[r]));
  return { ...c, docs, y, ...frequencies(docs, y, c.vocabIndex, c.labels.length) };
}

/** Vocabulary entries that occur in the (sub-)corpus at all, in id order. */
export function presentIds(c: Corpus): number[] {
  const ids: number[] = [];
  for (let i = 0; i < c.df.length; i++) if (c.df[i] > 0) ids.push(i);
  return ids;
}
