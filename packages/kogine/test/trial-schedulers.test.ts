import assert from "node:assert/strict";
import { test } from "node:test";
import { AshaScheduler } from "../src/asha-scheduler.js";
import { MedianStoppingScheduler } from "../src/median-scheduler.js";
import type { TrialScheduler } from "../src/trial-scheduler.js";

/** Runs trials one after another, each reporting its curve until told to stop: the step it stopped at
 * (null when it ran to the end). */
function runTrials(scheduler: TrialScheduler, curves: number[][]): Array<number | null> {
  return curves.map((curve, trial) => {
    for (const [step, value] of curve.entries()) {
      if (scheduler.report(trial, step, value)) {
        scheduler.finish(trial, "pruned");
        return step;
      }
    }
    scheduler.finish(trial, "complete");
    return null;
  });
}

const flat = (value: number, steps = 10) => new Array(steps).fill(value);

test("ASHA: rungs at steps 1, 3, 9; a trial goes on only among the best third of a rung (or the best)", () => {
  const asha = new AshaScheduler({ direction: "min" });
  assert.deepEqual(
    [0, 1, 2, 3].map((r) => asha.rungStep(r)),
    [1, 3, 9, 27],
  );
  const stops = runTrials(asha, [flat(5), flat(3), flat(4), flat(6), flat(2), flat(2.5)]);
  // Trial 2 (4) meets rung 0 holding 5, 3: the best of three is 3, so 4 stops at step 1, as does 6.
  // Trial 4 (2) is the best everywhere; trial 5 (2.5) is in the best 2 of 6 at rung 0 but not the best
  // of rung 1 (5, 3, 2, 2.5: one in three of four is the best, 2).
  assert.deepEqual(stops, [null, null, 1, 1, null, 3]);
});

test("ASHA respects --mode max, and a NaN at a rung stops a trial", () => {
  const asha = new AshaScheduler({ direction: "max" });
  const stops = runTrials(asha, [flat(-5), flat(-3), flat(-4), flat(-6), flat(-2), flat(-2.5), [1, Number.NaN, 1]]);
  assert.deepEqual(stops, [null, null, 1, 1, null, 3, 1]);
});

test("ASHA decides on a trial's value at the rung (a later recovery does not save it), with a grace of step 1", () => {
  const asha = new AshaScheduler({ direction: "min", reductionFactor: 2, minResource: 2 });
  assert.deepEqual(
    [0, 1, 2].map((r) => asha.rungStep(r)),
    [2, 4, 8],
  );
  // Step 0 and 1 are before the first rung: nothing stops there, however bad.
  const stops = runTrials(asha, [flat(1), [100, 100, 100, 0, 0], [9, 9, 0.5, 0.5, 0.5]]);
  assert.deepEqual(stops, [null, 2, null]);
});

test("median rule: stop when the best so far is worse than the median of completed trials' running averages", () => {
  const median = new MedianStoppingScheduler({ direction: "min", startupTrials: 2 });
  const stops = runTrials(median, [
    [10, 8, 6, 4],
    [12, 10, 8, 6],
    // Step 0: best 11 against the median of 10 and 12 (11): not worse. Step 1: best 10.5 against the
    // median of the running averages 9 and 11 (10): worse, it stops.
    [11, 10.5, 1, 1],
    // Best 9 throughout; at step 2 the median of 8 and 10 is 9 (not worse), at step 3 of 7 and 9 is 8.
    [9, 9.5, 9, 9],
  ]);
  assert.deepEqual(stops, [null, null, 1, 3]);
});

test("median rule: nothing stops before the warm-up trials complete or before the warm-up steps", () => {
  const early = new MedianStoppingScheduler({ direction: "min", startupTrials: 3 });
  assert.deepEqual(
    runTrials(early, [
      [10, 8, 6, 4],
      [12, 10, 8, 6],
      [11, 10.5, 10.5, 10.5],
    ]),
    [null, null, null],
  );
  const warm = new MedianStoppingScheduler({ direction: "max", startupTrials: 2, warmupSteps: 2 });
  const stops = runTrials(warm, [
    [-10, -8, -6, -4],
    [-12, -10, -8, -6],
    [-11, -10.5, -10.5, -10.5],
  ]);
  assert.deepEqual(stops, [null, null, 2]);
});
