/**
 * npm run bench:parser [-- [--runs N] [--warmup N]]
 *
 * Our parser against CPython's `ast.parse`, side by side in one run, on every .py file of the
 * stdlib (site-packages excluded), all read into memory first:
 *   1. the CPython referee finds the files CPython rejects (excluded from both sides);
 *   2. our warm-up run (decodeSource + parseModule on in-memory bytes) finds the files our parser
 *      throws on (also excluded from both sides, and reported loudly);
 *   3. a python3 process reads the remaining files into memory, warms up, then times only its
 *      `ast.parse(bytes)` loop with time.perf_counter, N runs;
 *   4. we time N runs of our loop on the same files.
 * Medians are compared. The table is printed and written to bench-results/parser.json at the
 * repo root.
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseModule } from "../src/parser.js";
import { decodeSource } from "../src/source-decoding.js";
import {
  describeThrown,
  listPyFiles,
  pythonExecutable,
  pythonVersion,
  runRefereeSync,
  stdlibDir,
} from "../test/cpython-referee.js";

const BENCH_PY = `
import ast, json, resource, sys, time
req = json.loads(sys.stdin.buffer.read())
data = []
for p in req["paths"]:
    with open(p, "rb") as f:
        data.append(f.read())
rejected = []
for _ in range(max(1, req["warmup"])):
    for i, b in enumerate(data):
        try:
            ast.parse(b)
        except Exception:
            rejected.append(i)
    if rejected:
        bad = set(rejected)
        data = [b for i, b in enumerate(data) if i not in bad]
runs = []
for _ in range(req["runs"]):
    t0 = time.perf_counter()
    for b in data:
        ast.parse(b)
    runs.append(time.perf_counter() - t0)
json.dump({"runs": runs, "rejected": sorted(set(rejected)), "files": len(data),
           "bytes": sum(len(b) for b in data),
           "peakRssKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, sys.stdout)
`;

interface Options {
  runs: number;
  warmup: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 5, warmup: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--runs") options.runs = Math.max(1, Number.parseInt(argv[++i] ?? "", 10) || 1);
    else if (arg === "--warmup") options.warmup = Math.max(0, Number.parseInt(argv[++i] ?? "", 10) || 0);
    else {
      console.log("usage: bench-parser [--runs N] [--warmup N]");
      process.exit(arg === "--help" || arg === "-h" ? 0 : 2);
    }
  }
  return options;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Loaded {
  name: string;
  path: string;
  bytes: Uint8Array;
}

function runOurs(files: readonly Loaded[]): number {
  const start = performance.now();
  for (const file of files) parseModule(decodeSource(file.bytes, file.path), file.path);
  return (performance.now() - start) / 1000;
}

interface CPythonTimes {
  runs: number[];
  rejected: number[];
  files: number;
  bytes: number;
  peakRssKB: number;
}

function runCPython(files: readonly Loaded[], options: Options): CPythonTimes {
  const python = pythonExecutable();
  const proc = spawnSync(python, ["-I", "-c", BENCH_PY], {
    input: JSON.stringify({ paths: files.map((f) => f.path), runs: options.runs, warmup: options.warmup }),
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  if (proc.error || proc.status !== 0) {
    throw new Error(`CPython benchmark (${python}) failed: ${proc.error?.message ?? proc.stderr}`);
  }
  return JSON.parse(proc.stdout) as CPythonTimes;
}

const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  const root = stdlibDir();
  const version = pythonVersion();

  // Everything in memory first.
  const all: Loaded[] = listPyFiles(root).map((name) => {
    const path = join(root, name);
    return { name, path, bytes: readFileSync(path) };
  });

  // 1. Files CPython rejects leave both sides.
  const verdicts = runRefereeSync(
    all.map((f) => ({ path: f.path })),
    { mode: "none" },
  );
  const rejectedByCPython: string[] = [];
  const accepted: Loaded[] = [];
  all.forEach((file, i) => {
    if (verdicts[i]!.status === "ok") accepted.push(file);
    else rejectedByCPython.push(file.name);
  });

  // 2. Our warm-up: files our parser throws on leave both sides too.
  const oursThrew: { name: string; error: string }[] = [];
  const common: Loaded[] = [];
  for (const file of accepted) {
    try {
      parseModule(decodeSource(file.bytes, file.path), file.path);
      common.push(file);
    } catch (e) {
      oursThrew.push({ name: file.name, error: describeThrown(e) });
    }
  }
  for (let w = 1; w < options.warmup; w++) runOurs(common);

  // 3. CPython on the common set (or, if ours parses nothing, on everything CPython accepts).
  const cpythonSet = common.length > 0 ? common : accepted;
  const cpython = runCPython(cpythonSet, options);

  // 4. Ours, same files, same number of runs.
  const ourRuns: number[] = [];
  if (common.length > 0) for (let r = 0; r < options.runs; r++) ourRuns.push(runOurs(common));
  const ourPeakRssMB = process.resourceUsage().maxRSS / 1024;

  const MB = 1e6;
  const ourBytes = common.reduce((sum, f) => sum + f.bytes.length, 0);
  const ourMedian = ourRuns.length > 0 ? median(ourRuns) : Number.NaN;
  const cpMedian = median(cpython.runs);
  const ourRate = ourBytes / MB / ourMedian;
  const cpRate = cpython.bytes / MB / cpMedian;
  const ratio = common.length > 0 ? ourRate / cpRate : Number.NaN;

  const rows: [string, string, string, string, string, string, string][] = [
    ["", "files", "MB", "median s", "MB/s", "peak RSS MB", "runs (s)"],
    [
      "ours",
      String(common.length),
      fmt(ourBytes / MB),
      fmt(ourMedian, 3),
      fmt(ourRate),
      fmt(ourPeakRssMB, 0),
      ourRuns.map((t) => fmt(t, 3)).join(" ") || "n/a",
    ],
    [
      `CPython ${version}`,
      String(cpython.files),
      fmt(cpython.bytes / MB),
      fmt(cpMedian, 3),
      fmt(cpRate),
      fmt(cpython.peakRssKB / 1024, 0),
      cpython.runs.map((t) => fmt(t, 3)).join(" "),
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log(
    `stdlib ${root}: ${all.length} .py files; ${rejectedByCPython.length} rejected by CPython (excluded); ` +
      `${options.warmup} warm-up, ${options.runs} timed runs, median (MB = 10^6 bytes)`,
  );
  if (oursThrew.length > 0) {
    const bar = "!".repeat(78);
    console.log(bar);
    console.log(
      `!!! OUR PARSER THREW ON ${oursThrew.length} OF ${accepted.length} FILES CPYTHON PARSES — EXCLUDED FROM BOTH SIDES`,
    );
    for (const f of oursThrew.slice(0, 5)) console.log(`!!!   ${f.name}: ${f.error}`);
    if (oursThrew.length > 5) console.log(`!!!   ... and ${oursThrew.length - 5} more`);
    if (common.length === 0) console.log("!!! nothing left to time for ours; CPython timed on all files it parses");
    console.log(bar);
  }
  for (const row of rows) {
    console.log(
      row.map((cell, c) => (c === 0 || c === 6 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "),
    );
  }
  console.log(
    `speed ratio ours/CPython (MB/s): ${fmt(ratio)}${oursThrew.length > 0 ? "  (on a reduced file set!)" : ""}`,
  );

  const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
  const outDir = join(repoRoot, "bench-results");
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    python: version,
    stdlib: root,
    warmup: options.warmup,
    runs: options.runs,
    stdlibFiles: all.length,
    rejectedByCPython,
    oursThrew,
    ours: {
      files: common.length,
      bytes: ourBytes,
      runsSec: ourRuns,
      medianSec: ourRuns.length > 0 ? ourMedian : null,
      mbPerSec: ourRuns.length > 0 ? ourRate : null,
      peakRssMB: ourPeakRssMB,
    },
    cpython: {
      files: cpython.files,
      bytes: cpython.bytes,
      runsSec: cpython.runs,
      medianSec: cpMedian,
      mbPerSec: cpRate,
      peakRssMB: cpython.peakRssKB / 1024,
      rejectedDuringTiming: cpython.rejected.length,
    },
    ratioOursToCPython: Number.isFinite(ratio) ? ratio : null,
  };
  const outFile = join(outDir, "parser.json");
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${outFile}`);
  return 0;
}

process.exitCode = main();
