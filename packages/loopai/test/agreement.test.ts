// Agreement over time in buckets (agreement.ts): by count, by time, with oracle errors, versions,
// empty stretches, and the whole window's interval equal to the one `loopai status` gives.

import assert from "node:assert/strict";
import { test } from "node:test";
import { wilsonInterval } from "@toolchain/stats";
import { type AgreementSample, bucketAgreement } from "../src/agreement.js";

const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, seconds)).toISOString();

test("by count: buckets of equal size (give or take one), each with its agreed/total and Wilson interval", () => {
  // 10 samples, oldest first: 7 agree.
  const agree = [true, true, false, true, true, true, false, true, false, true];
  const rows: AgreementSample[] = agree.map((a, i) => ({ agree: a, version: i < 5 ? 1 : 2, createdAt: at(i) }));
  const series = bucketAgreement(rows, { buckets: 3 });
  assert.equal(series.by, "count");
  assert.equal(series.samples, 10);
  assert.deepEqual(
    series.buckets.map((b) => [b.first, b.last, b.agreed, b.total]),
    [
      [1, 3, 2, 3],
      [4, 6, 3, 3],
      [7, 10, 2, 4],
    ],
  );
  for (const b of series.buckets) {
    const ci = wilsonInterval(b.agreed, b.total);
    assert.deepEqual([b.estimate, b.low, b.high], [ci.estimate, ci.low, ci.high]);
  }
  assert.deepEqual(
    series.buckets.map((b) => b.versions),
    [[1], [1, 2], [2]],
  );
  assert.deepEqual(
    series.buckets.map((b) => [b.start, b.end]),
    [
      [at(0), at(2)],
      [at(3), at(5)],
      [at(6), at(9)],
    ],
  );
  const whole = wilsonInterval(7, 10);
  assert.deepEqual(
    [series.agreed, series.total, series.estimate, series.low, series.high],
    [7, 10, whole.estimate, whole.low, whole.high],
  );
});

test("an oracle error is a sample but not a comparison; a bucket without a comparison has no interval", () => {
  const rows: AgreementSample[] = [
    { agree: null, version: 1 },
    { agree: null, version: 1 },
    { agree: true, version: 1 },
    { agree: false, version: 1 },
  ];
  const series = bucketAgreement(rows, { buckets: 2 });
  assert.deepEqual(
    series.buckets.map((b) => [b.agreed, b.total, b.errors, b.estimate, b.low, b.high]),
    [
      [0, 0, 2, null, null, null],
      [1, 2, 0, 0.5, wilsonInterval(1, 2).low, wilsonInterval(1, 2).high],
    ],
  );
  assert.deepEqual([series.samples, series.total, series.errors], [4, 2, 2]);
  // No times: the buckets say so.
  assert.deepEqual(series.buckets[0]!.start, null);
});

test("fewer samples than buckets: one bucket a sample; none: no bucket and no estimate", () => {
  const two = bucketAgreement(
    [
      { agree: true, version: 1 },
      { agree: false, version: 1 },
    ],
    { buckets: 20 },
  );
  assert.equal(two.buckets.length, 2);
  const none = bucketAgreement([], { buckets: 20, by: "time" });
  assert.deepEqual(none, {
    by: "count",
    samples: 0,
    agreed: 0,
    total: 0,
    errors: 0,
    estimate: null,
    low: null,
    high: null,
    buckets: [],
  });
});

test("by time: equal stretches from the first sample to the last, put in time order, empty ones kept", () => {
  // Samples at 0, 1, 2 s and 9, 10 s (given out of order): 4 stretches of 2.5 s.
  const rows: AgreementSample[] = [
    { agree: true, version: 1, createdAt: at(1) },
    { agree: true, version: 1, createdAt: at(0) },
    { agree: false, version: 1, createdAt: at(2) },
    { agree: true, version: 2, createdAt: at(9) },
    { agree: true, version: 2, createdAt: at(10) },
  ];
  const series = bucketAgreement(rows, { by: "time", buckets: 4 });
  assert.equal(series.by, "time");
  assert.deepEqual(
    series.buckets.map((b) => [b.agreed, b.total, b.first, b.last, b.versions]),
    [
      [2, 3, 1, 3, [1]],
      [0, 0, 0, 0, []],
      [0, 0, 0, 0, []],
      [2, 2, 4, 5, [2]],
    ],
  );
  assert.equal(series.buckets[0]!.start, at(0));
  assert.equal(series.buckets[3]!.end, at(10));
  assert.equal(series.buckets[1]!.estimate, null);
  // The stretches meet: each one's end is the next one's start.
  for (let i = 1; i < 4; i++) assert.equal(series.buckets[i]!.start, series.buckets[i - 1]!.end);
  // Every sample in one instant: one bucket.
  const instant = bucketAgreement(
    rows.map((r) => ({ ...r, createdAt: at(5) })),
    { by: "time", buckets: 4 },
  );
  assert.deepEqual(
    instant.buckets.map((b) => [b.agreed, b.total]),
    [[4, 5]],
  );
});

test("by time falls back to count when a sample has no time", () => {
  const series = bucketAgreement(
    [
      { agree: true, version: 1, createdAt: at(0) },
      { agree: true, version: 1 },
    ],
    { by: "time", buckets: 5 },
  );
  assert.equal(series.by, "count");
  assert.equal(series.buckets.length, 2);
});
