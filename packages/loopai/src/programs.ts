// Program artifacts: what a synthesizer produces and the store keeps, version by version. Data
// programs are plain JSON run by our interpreter; code programs are JavaScript source run in the
// worker pool.

import { createHash } from "node:crypto";
import type { Interval } from "@toolchain/stats";

/** A sparse linear model over token features: used for logistic regression and naive Bayes. */
export interface LinearProgram {
  type: "linear";
  labels: string[];
  maxChars: number;
  /**
   * Of an input longer than `maxChars`, read the first `maxChars − tailChars` and the last
   * `tailChars` characters (head and tail) rather than the first `maxChars`. Absent: the head only.
   */
  tailChars?: number;
  vocab: string[];
  /** "tfidf": (1 + ln tf)·idf, L2-normalised; "binary": presence. */
  weighting: "tfidf" | "binary";
  idf?: number[];
  /** Row-major, vocab.length × labels.length. */
  weights: number[];
  bias: number[];
}

/** Weighted keywords and regular expressions, readable by a person. */
export interface RulesProgram {
  type: "rules";
  labels: string[];
  maxChars: number;
  keywords: { token: string; label: string; weight: number }[];
  patterns: { source: string; flags: string; label: string; weight: number }[];
  bias: number[];
}

export type TreeNode = { feature: string; present: number; absent: number } | { label: string; confidence: number };

/** A decision tree over keyword presence; node 0 is the root. */
export interface TreeProgram {
  type: "tree";
  labels: string[];
  maxChars: number;
  nodes: TreeNode[];
}

/** Structured extraction: each field taken by the first of its regular expressions that matches. */
export interface ExtractProgram {
  type: "extract";
  fields: {
    name: string;
    valueType: "string" | "integer" | "number";
    required: boolean;
    patterns: { source: string; flags: string; support: number }[];
  }[];
  /**
   * Whole-line templates, tried before the fields' patterns: the first that matches reads the line
   * (capture group i fills `fields[i]`; a group that took no part leaves its field out) and answers
   * with its `confidence`. Programs without templates read every line by the fields' patterns.
   */
  templates?: {
    source: string;
    flags: string;
    fields: string[];
    support: number;
    confidence: number;
    /** The template's beginning: a line matching it is of the template's format. */
    stem?: string;
  }[];
  /** A line no template matches is read by the fields' patterns at this confidence at most (default 1). */
  unmatchedConfidence?: number;
  /**
   * "abstain": a line that matches no template and no template's stem, a format the program never
   * saw, is not answered (output null): the loop asks the oracle. Default "patterns": the fields'
   * patterns read it.
   */
  unmatched?: "patterns" | "abstain";
}

export type DataProgram = LinearProgram | RulesProgram | TreeProgram | ExtractProgram;

export type Strategy = "rules" | "tree" | "logreg" | "bayes" | "extract" | "codegen";

export type VersionStatus =
  | "candidate"
  | "canary"
  | "active"
  | "retired"
  | "rejected"
  | "rolled_back"
  /** A canary candidate replaced by a newer one before it finished (never served in full, so no fallback). */
  | "superseded";

export interface ProgramVersion {
  task: string;
  version: number;
  strategy: Strategy;
  kind: "data" | "code";
  /** JSON text of a DataProgram, or JavaScript source defining `function run(input)`. */
  body: string;
  trainingHash: string;
  trainingSize: number;
  /** Held-out accuracy (cross-validated for small sets) and its Wilson interval. */
  accuracy: Interval;
  holdoutSize: number;
  /** Measured mean execution time per input, microseconds. */
  costMicros: number;
  /** What creating it cost (LLM tokens priced; 0 for local synthesis) and how long it took. */
  generationCost: number;
  generationMs: number;
  status: VersionStatus;
  createdAt: string;
  parent?: number;
  notes?: string;
}

export interface Answer {
  output: unknown;
  confidence: number;
}

/** Stable hash of a labelled set, order-independent, stored with each version. */
export function trainingHash(examples: { input: unknown; output: unknown }[]): string {
  const lines = examples.map((e) => JSON.stringify([e.input, e.output])).sort();
  const h = createHash("sha256");
  for (const l of lines) h.update(l).update("\n");
  return h.digest("hex").slice(0, 16);
}

/** Rounds weights so stored JSON stays small without changing any decision measurably. */
export function round(x: number, digits = 5): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}
