// Agreement with the oracle over time, for the dashboard's chart and `GET /v1/tasks/{task}/agreement`:
// a task's recent comparisons cut into buckets, each with its agreed/total and Wilson interval. By
// count (the default), every bucket holds as many samples as the next (give or take one), so the
// bands are comparable; by time, the buckets span equal stretches of time between the first sample
// and the last, and a stretch with no sample is an empty bucket.

import { wilsonInterval } from "@toolchain/stats";

/** A comparison of a program's answer with the oracle's, as the store keeps it. */
export interface AgreementSample {
  /** Whether they agreed; null when the oracle failed (the sample counts as an error, not a comparison). */
  agree: boolean | null;
  version: number;
  /** When it was taken (ISO 8601), if the store says. */
  createdAt?: string;
}

export type BucketBy = "count" | "time";

/** Agreement over some samples: the comparisons, the failed oracle calls, and the Wilson interval. */
export interface AgreementFigures {
  agreed: number;
  /** Comparisons: samples whose oracle answered. */
  total: number;
  /** Samples whose oracle failed. */
  errors: number;
  /** Wilson interval (95%) of agreed/total; all null without a comparison. */
  estimate: number | null;
  low: number | null;
  high: number | null;
}

export interface AgreementBucket extends AgreementFigures {
  /** The time of its first and last sample (by count), or the stretch it covers (by time); null when unknown. */
  start: string | null;
  end: string | null;
  /** Its samples' positions in the window, oldest first, from 1 (0 and 0 for an empty bucket). */
  first: number;
  last: number;
  /** The program versions compared in it. */
  versions: number[];
}

/** The whole window's figures (what `loopai status` shows for the same window), and its buckets. */
export interface AgreementSeries extends AgreementFigures {
  /** How the buckets were cut: by time only when every sample has a time. */
  by: BucketBy;
  /** Samples in the window (comparisons and errors). */
  samples: number;
  buckets: AgreementBucket[];
}

export interface BucketOptions {
  /** "count" (default) or "time"; time falls back to count when a sample has no time. */
  by?: BucketBy;
  /** How many buckets at most (default 20). */
  buckets?: number;
  /** Two-sided confidence of the intervals (default 0.95). */
  confidence?: number;
}

interface Tally {
  agreed: number;
  total: number;
  errors: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
}

function tally(rows: readonly AgreementSample[], confidence: number): Tally {
  let agreed = 0;
  let total = 0;
  let errors = 0;
  for (const r of rows) {
    if (r.agree === null) errors++;
    else {
      total++;
      if (r.agree) agreed++;
    }
  }
  if (total === 0) return { agreed, total, errors, estimate: null, low: null, high: null };
  const ci = wilsonInterval(agreed, total, confidence);
  return { agreed, total, errors, estimate: ci.estimate, low: ci.low, high: ci.high };
}

const timeOf = (s: AgreementSample): number => (s.createdAt === undefined ? Number.NaN : Date.parse(s.createdAt));

/**
 * Cuts `rows`, oldest first, into at most `options.buckets` buckets. By time, the rows are put in
 * time order first (a stable sort: rows written in the same millisecond keep their order).
 */
export function bucketAgreement(rows: readonly AgreementSample[], options: BucketOptions = {}): AgreementSeries {
  const wanted = Math.max(1, Math.floor(options.buckets ?? 20));
  const confidence = options.confidence ?? 0.95;
  const timed = rows.length > 0 && rows.every((r) => Number.isFinite(timeOf(r)));
  const by: BucketBy = options.by === "time" && timed ? "time" : "count";
  const ordered = by === "time" ? [...rows].sort((a, b) => timeOf(a) - timeOf(b)) : rows;
  const n = ordered.length;
  const buckets: AgreementBucket[] = [];
  const bucket = (from: number, to: number, start: string | null, end: string | null): AgreementBucket => {
    const members = ordered.slice(from, to);
    return {
      start,
      end,
      first: members.length > 0 ? from + 1 : 0,
      last: members.length > 0 ? to : 0,
      ...tally(members, confidence),
      versions: [...new Set(members.map((m) => m.version))].sort((a, b) => a - b),
    };
  };
  if (by === "count") {
    const count = Math.min(wanted, n);
    for (let i = 0; i < count; i++) {
      const from = Math.floor((i * n) / count);
      const to = Math.floor(((i + 1) * n) / count);
      buckets.push(bucket(from, to, ordered[from]!.createdAt ?? null, ordered[to - 1]!.createdAt ?? null));
    }
  } else {
    const t0 = timeOf(ordered[0]!);
    const t1 = timeOf(ordered[n - 1]!);
    const count = t1 > t0 ? wanted : 1;
    const width = (t1 - t0) / count;
    let from = 0;
    for (let i = 0; i < count; i++) {
      const start = t0 + i * width;
      const end = i === count - 1 ? t1 : t0 + (i + 1) * width;
      let to = from;
      // A bucket holds the samples before its end; the last one also the sample at its end.
      while (to < n && (timeOf(ordered[to]!) < end || i === count - 1)) to++;
      buckets.push(bucket(from, to, new Date(start).toISOString(), new Date(end).toISOString()));
      from = to;
    }
  }
  return { by, samples: n, ...tally(ordered, confidence), buckets };
}
