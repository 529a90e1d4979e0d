/** The search benchmark (`npm run bench:kogine`, alone with `-- --only search`): TPE against random search
 * at equal trial counts, and ASHA against no scheduler, on a synthetic objective with a known optimum.
 * It runs kogine's own sampler and scheduler code in this process (no task processes: what is measured is
 * the algorithms, not the launching), with several workers simulated on a step clock.
 *
 * The objective has 5 dimensions of every kind a search takes: a log-scale float (lr), a float, a whole
 * number, a log-scale whole number and a choice; its optimum is 0, each observation carries Gaussian
 * noise. The regret of a search is the noiseless value of the trial it would pick (the best observed). A
 * trial's learning curve falls from a start that depends on the settings to its final value. */
import { normalQuantile } from "@toolchain/stats";
import { AshaScheduler } from "../src/asha-scheduler.js";
import { type FinishedTrial, type SamplerName, samplePoint } from "../src/search-sampler.js";
import { type ParamValues, parseSearchSpace } from "../src/search-space.js";
import { SeededRandom } from "../src/seeded-random.js";

const SPACE_ARGUMENTS = [
  "lr=loguniform:1e-5:1e-1",
  "momentum=uniform:0:1",
  "layers=int:1:12",
  "width=logint:16:1024",
  "act=choice:relu,tanh,gelu,sigmoid",
];
const space = parseSearchSpace(SPACE_ARGUMENTS);
const ACT_PENALTY = [0.3, 0.6, 0, 1.2];
const NOISE_SD = 0.02;
const SEEDS = 15;
const TRIAL_COUNTS = [30, 60, 100];
const CURVE_STEPS = 81;
const WORKERS = 4;
const ASHA_TRIALS = 60;

/** The noiseless final value: 0 at lr = 10^-2.7, momentum 0.83, 7 layers, width 180, gelu. */
export function objective(p: ParamValues): number {
  return (
    (Math.log10(p.lr) + 2.7) ** 2 +
    4 * (p.momentum - 0.83) ** 2 +
    0.05 * (p.layers - 7) ** 2 +
    0.2 * (Math.log2(p.width) - Math.log2(180)) ** 2 +
    ACT_PENALTY[p.act]
  );
}

/** The value a trial reports at `step` (0-based) of its curve: from its start down to its final value. */
function curveValue(p: ParamValues, step: number, noise: () => number): number {
  const start = 1.5 + p.momentum; // slower to fall with more momentum: curves cross
  return objective(p) + start / (1 + step / 4) - start / (1 + (CURVE_STEPS - 1) / 4) + noise();
}

function gaussian(rng: SeededRandom): () => number {
  return () => NOISE_SD * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng.next())));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One sequential search of `trials` trials: the regret of the best observed trial. */
function searchRegret(sampler: SamplerName, trials: number, seed: number): number {
  const noise = gaussian(new SeededRandom(seed, 1_000_000));
  const finished: FinishedTrial[] = [];
  let best = { observed: Number.POSITIVE_INFINITY, truth: Number.POSITIVE_INFINITY };
  for (let number = 0; number < trials; number++) {
    const params = samplePoint(space, finished, number, { sampler, direction: "min", seed });
    const truth = objective(params);
    const observed = truth + noise();
    finished.push({ number, params, state: "complete", value: observed });
    if (observed < best.observed) best = { observed, truth };
  }
  return best.truth;
}

/** `trials` random trials on `WORKERS` simulated workers, each step one tick; with ASHA or without. */
function scheduledSearch(withAsha: boolean, seed: number): { trialSteps: number; regret: number } {
  const noise = gaussian(new SeededRandom(seed, 2_000_000));
  const asha = new AshaScheduler({ direction: "min" });
  const running: Array<{ number: number; params: ParamValues; step: number }> = [];
  let nextNumber = 0;
  let trialSteps = 0;
  let best = { observed: Number.POSITIVE_INFINITY, truth: Number.POSITIVE_INFINITY };
  const start = () => {
    while (running.length < WORKERS && nextNumber < ASHA_TRIALS) {
      const number = nextNumber++;
      running.push({
        number,
        params: samplePoint(space, [], number, { sampler: "random", direction: "min", seed }),
        step: 0,
      });
    }
  };
  start();
  while (running.length > 0) {
    for (const trial of [...running]) {
      const value = curveValue(trial.params, trial.step, noise);
      trialSteps++;
      const stop = withAsha && asha.report(trial.number, trial.step, value);
      trial.step++;
      const completed = trial.step === CURVE_STEPS;
      if (completed && value < best.observed) best = { observed: value, truth: objective(trial.params) };
      if (stop || completed) running.splice(running.indexOf(trial), 1);
    }
    start();
  }
  return { trialSteps, regret: best.truth };
}

export interface SearchBenchResult {
  method: string;
  objective: { dimensions: string[]; optimum: number; noiseSd: number };
  seeds: number;
  tpeVsRandom: Array<{
    trials: number;
    randomMedianRegret: number;
    tpeMedianRegret: number;
    tpeBetterSeeds: number;
    tpeBeatsRandom: boolean;
  }>;
  asha: {
    trials: number;
    workers: number;
    curveSteps: number;
    reductionFactor: number;
    rungs: number[];
    noSchedulerTrialSteps: number;
    ashaMedianTrialSteps: number;
    stepsSavedShare: number;
    noSchedulerMedianRegret: number;
    ashaMedianRegret: number;
    sameBestSeeds: number;
    savesHalf: boolean;
    targetSavedShare: number;
  };
}

export function runSearchBench(): SearchBenchResult {
  const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
  const tpeVsRandom = TRIAL_COUNTS.map((trials) => {
    const random = seeds.map((s) => searchRegret("random", trials, s));
    const tpe = seeds.map((s) => searchRegret("tpe", trials, s));
    const randomMedianRegret = median(random);
    const tpeMedianRegret = median(tpe);
    return {
      trials,
      randomMedianRegret,
      tpeMedianRegret,
      tpeBetterSeeds: seeds.filter((_, i) => tpe[i] < random[i]).length,
      tpeBeatsRandom: tpeMedianRegret < randomMedianRegret,
    };
  });
  const plain = seeds.map((s) => scheduledSearch(false, s));
  const asha = seeds.map((s) => scheduledSearch(true, s));
  const ashaMedianTrialSteps = median(asha.map((r) => r.trialSteps));
  const noSchedulerTrialSteps = median(plain.map((r) => r.trialSteps));
  const stepsSavedShare = 1 - ashaMedianTrialSteps / noSchedulerTrialSteps;
  const noSchedulerMedianRegret = median(plain.map((r) => r.regret));
  const ashaMedianRegret = median(asha.map((r) => r.regret));
  const reference = new AshaScheduler({ direction: "min" });
  return {
    method:
      "in process: kogine's sampler and scheduler code on a synthetic objective (no task processes); " +
      `median over ${SEEDS} seeds; regret = noiseless value of the best observed trial (optimum 0)`,
    objective: { dimensions: SPACE_ARGUMENTS, optimum: 0, noiseSd: NOISE_SD },
    seeds: SEEDS,
    tpeVsRandom,
    asha: {
      trials: ASHA_TRIALS,
      workers: WORKERS,
      curveSteps: CURVE_STEPS,
      reductionFactor: reference.reductionFactor,
      rungs: [0, 1, 2, 3, 4].map((r) => reference.rungStep(r)),
      noSchedulerTrialSteps,
      ashaMedianTrialSteps,
      stepsSavedShare,
      noSchedulerMedianRegret,
      ashaMedianRegret,
      sameBestSeeds: seeds.filter((_, i) => asha[i].regret === plain[i].regret).length,
      savesHalf: stepsSavedShare >= 0.5 && ashaMedianRegret <= noSchedulerMedianRegret,
      targetSavedShare: 0.5,
    },
  };
}

export function printSearchBench(result: SearchBenchResult): void {
  const row = (name: string, value: string, target: string) =>
    console.log(`${name.padEnd(52)} ${value.padStart(14)}   target ${target}`);
  console.log(`search benchmark (${result.method})`);
  console.log(`  objective: ${result.objective.dimensions.join(" ")}, noise sd ${result.objective.noiseSd}`);
  for (const r of result.tpeVsRandom) {
    row(`${r.trials} trials: random search, median regret`, r.randomMedianRegret.toFixed(4), "-");
    row(`${r.trials} trials: TPE, median regret`, r.tpeMedianRegret.toFixed(4), "< random");
    row(`  seeds where TPE beat random`, `${r.tpeBetterSeeds}/${result.seeds}`, "-");
  }
  const a = result.asha;
  console.log(
    `  ASHA: ${a.trials} random trials of ${a.curveSteps}-step curves on ${a.workers} simulated workers, eta ${a.reductionFactor}, rungs at steps ${a.rungs.join(", ")}`,
  );
  row("no scheduler: trial-steps", String(a.noSchedulerTrialSteps), "-");
  row("ASHA: trial-steps (median)", String(a.ashaMedianTrialSteps), `<= ${a.noSchedulerTrialSteps / 2}`);
  row("  share of trial-steps saved", `${(100 * a.stepsSavedShare).toFixed(1)}%`, ">= 50%");
  row("no scheduler: median regret", a.noSchedulerMedianRegret.toFixed(4), "-");
  row("ASHA: median regret", a.ashaMedianRegret.toFixed(4), "<= no scheduler");
  row("  seeds where ASHA kept the same best trial", `${a.sameBestSeeds}/${result.seeds}`, "-");
}
