/**
 * npm run bench [-- --runs N] [--cpython-runs N] [--only NAME,NAME] [--opt N] [--size-scale F]
 *
 * pycompile against C and CPython, side by side in one run, on the programs of packages/python/bench:
 *   - NAME.py with NAME.c: a runtime benchmark. Its problem size is an argument on the command
 *     line (`sys.argv[1]`, `argv[1]`), given alike to CPython, the C port and ours, so that no
 *     compiler knows it while compiling, as with a real program's input; each program prints a
 *     checksum of all its work. The C port is built with `gcc -O2`, the Python program with
 *     `pycompile build -O2` (timed: that is the compile time). CPython runs it first; its output is
 *     the reference that both executables must print exactly (status 0, same stdout). Then C and
 *     ours run alternately N times (default 5) and medians are compared. CPython is timed on its
 *     reference run (and more with --cpython-runs), since it is slow.
 *   - NAME.py alone: a compile-time benchmark (a larger program); it is built N times (median
 *     build time) and its output checked against CPython's too.
 * A failing step (our build, a wrong output...) is shown in the table and the run goes on. The
 * table is printed and written to bench-results/pycompile.json at the repo root.
 *
 * Peak memory: each side's maximum resident set size (MiB in the table, KiB in the JSON) is read by
 * GNU time (`/usr/bin/time -f %M`, Debian's package `time`, which scripts/setup.sh installs) around
 * a run that is not timed, so that the timings keep no wrapper: the output-checking first run of C
 * and ours. CPython, run once only, is measured on its reference run, where the wrapper's own start
 * (about a millisecond) is lost in seconds of run time. Without GNU time the column shows "-".
 *
 * A runtime benchmark's size is the `# bench-size: N` line that starts NAME.py, not a table here: a
 * benchmark stays one file pair that this script discovers, its size is read next to the code it
 * drives (as the compile corpus's `# argv:` headers are), and `python3 NAME.py N` needs no lookup.
 * N is chosen so that the C port runs about 0.3-0.5 s and CPython, run once, under about 25 s
 * (where the two conflict, as for xorshift, CPython's bound wins); --size-scale multiplies every
 * size, for quick runs (fib and tak grow exponentially in N).
 */

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BUILD_TIMEOUT_MS,
  benchSize,
  CC,
  compilerVersion,
  describeEnd,
  emptySide,
  firstLine,
  geometricMean,
  haveGnuTime,
  mebibytes,
  median,
  printTable,
  RUN_TIMEOUT_MS,
  ratio,
  runMeasured,
  runProcess,
  type Side,
  seconds,
  type Timed,
  timeAlternately,
  writeReport,
} from "@toolchain/compiler/bench-kit";
import { pythonExecutable, pythonVersion } from "../test/cpython-referee.js";

const BENCH_DIR = fileURLToPath(new URL("../../bench/", import.meta.url));
/** The `pycompile` command as `npx pycompile` runs it (bin/pycompile, a shell launcher). */
const PYCOMPILE = fileURLToPath(new URL("../../bin/pycompile", import.meta.url));

interface Options {
  runs: number;
  cpythonRuns: number;
  only: string[] | null;
  opt: string;
  /** Multiplies every benchmark's size (the result rounded, at least 1). */
  sizeScale: number;
}

const USAGE =
  "usage: run-bench [--runs N] [--cpython-runs N] [--only NAME,NAME] [--opt 0|1|2|3] [--size-scale F]\n" +
  "  --size-scale F  multiply every benchmark's size (its `# bench-size:` line) by F > 0, e.g. 0.1 for a quick run";

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 5, cpythonRuns: 1, only: null, opt: "2", sizeScale: 1 };
  const count = (value: string | undefined, min: number): number => {
    const n = Number.parseInt(value ?? "", 10);
    if (!Number.isFinite(n) || n < min) {
      console.error(USAGE);
      process.exit(1);
    }
    return n;
  };
  const factor = (value: string | undefined): number => {
    const f = Number(value ?? "");
    if (value === undefined || value.trim() === "" || !Number.isFinite(f) || f <= 0) {
      console.error(USAGE);
      process.exit(1);
    }
    return f;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--runs") options.runs = count(argv[++i], 1);
    else if (arg === "--cpython-runs") options.cpythonRuns = count(argv[++i], 1);
    else if (arg === "--only") options.only = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (arg === "--opt") options.opt = String(count(argv[++i], 0));
    else if (arg === "--size-scale") options.sizeScale = factor(argv[++i]);
    else {
      console.log(USAGE);
      process.exit(arg === "--help" || arg === "-h" ? 0 : 1);
    }
  }
  return options;
}

interface Benchmark {
  name: string;
  python: string;
  /** The C port, or null for a compile-time benchmark. */
  c: string | null;
  /** The problem size given as argv[1] (scaled), or null for a compile-time benchmark. */
  size: number | null;
  /** Why a runtime benchmark has no size: its first line is not `# bench-size: N`. */
  sizeError: string | null;
}

function findBenchmarks(only: string[] | null, sizeScale: number): Benchmark[] {
  const files = new Set(readdirSync(BENCH_DIR));
  const benchmarks: Benchmark[] = [];
  for (const file of [...files].sort()) {
    if (!file.endsWith(".py")) continue;
    const name = file.slice(0, -3);
    if (only && !only.includes(name)) continue;
    const python = join(BENCH_DIR, file);
    const c = files.has(`${name}.c`) ? join(BENCH_DIR, `${name}.c`) : null;
    const { size, error } = c ? benchSize(python, sizeScale) : { size: null, error: null };
    benchmarks.push({ name, python, c, size, sizeError: error === null ? null : `${file}: ${error}` });
  }
  return benchmarks;
}

interface Result {
  name: string;
  kind: "runtime" | "compile";
  /** The problem size passed as argv[1] to every side, or null for a compile-time benchmark. */
  size: number | null;
  c: Side | null;
  ours: Side;
  cpython: Side;
  /** Median `pycompile build` wall time (including node's start-up), or null if it failed. */
  compileSec: number | null;
  compileRunsSec: number[];
  oursOverC: number | null;
  cpythonOverOurs: number | null;
}

async function runBenchmark(
  bench: Benchmark,
  options: Options,
  workDir: string,
  rssFile: string | null,
): Promise<Result> {
  const log = (message: string): void => console.error(`[${bench.name}] ${message}`);
  const result: Result = {
    name: bench.name,
    kind: bench.c ? "runtime" : "compile",
    size: bench.size,
    c: bench.c ? emptySide() : null,
    ours: emptySide(),
    cpython: emptySide(),
    compileSec: null,
    compileRunsSec: [],
    oursOverC: null,
    cpythonOverOurs: null,
  };

  if (bench.sizeError) {
    result.cpython.error = result.ours.error = bench.sizeError;
    if (result.c) result.c.error = bench.sizeError;
    return result;
  }
  // The command-line arguments of every side: the size, or none for a compile-time benchmark.
  const args = bench.size === null ? [] : [String(bench.size)];

  // CPython first: its output is the reference.
  log(`CPython${args.length > 0 ? ` (size ${args[0]})` : ""}`);
  const { result: reference, maxRssKiB: cpythonRss } = await runMeasured(
    pythonExecutable(),
    [bench.python, ...args],
    rssFile,
  );
  if (reference.status !== 0) {
    result.cpython.error = `CPython ${describeEnd(reference, RUN_TIMEOUT_MS)}: ${firstLine(reference)}`;
    result.ours.error = "no reference output";
    if (result.c) result.c.error = "no reference output";
    return result;
  }
  const expected = reference.stdout;
  result.cpython.runsSec.push(reference.seconds);
  result.cpython.maxRssKiB = cpythonRss;
  for (let r = 1; r < options.cpythonRuns; r++) {
    const again = await runProcess(pythonExecutable(), [bench.python, ...args], { timeoutMs: RUN_TIMEOUT_MS });
    if (again.status === 0) result.cpython.runsSec.push(again.seconds);
  }

  // The C port.
  const cExe = join(workDir, `${bench.name}-c`);
  if (bench.c && result.c) {
    log(`${CC} -O2`);
    // GMP for the big-integer benchmark's port (pidigits.c), as Python's runtime links it.
    const cc = await runProcess(CC, ["-O2", "-o", cExe, bench.c, "-lm", "-lgmp"], { timeoutMs: BUILD_TIMEOUT_MS });
    if (cc.status !== 0) result.c.error = `${CC} failed: ${firstLine(cc)}`;
  }

  // Ours: build (timed), as many times as it is measured for a compile-time benchmark.
  const ourExe = join(workDir, `${bench.name}-ours`);
  const builds = result.kind === "compile" ? options.runs : 1;
  for (let b = 0; b < builds; b++) {
    log(`pycompile build -O${options.opt}${builds > 1 ? ` (${b + 1}/${builds})` : ""}`);
    const build = await runProcess(PYCOMPILE, ["build", bench.python, "-o", ourExe, `-O${options.opt}`], {
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    if (build.status !== 0) {
      result.ours.error = `build ${describeEnd(build, BUILD_TIMEOUT_MS)}: ${firstLine(build)}`;
      break;
    }
    result.compileRunsSec.push(build.seconds);
  }
  result.compileSec = result.ours.error ? null : median(result.compileRunsSec);

  const executables: Timed[] = [];
  if (result.c && result.c.error === null) executables.push({ side: result.c, exe: cExe, label: "C" });
  if (result.ours.error === null) executables.push({ side: result.ours, exe: ourExe, label: "ours" });
  await timeAlternately(executables, args, options.runs, expected, "CPython", rssFile, log);
  result.cpython.medianSec = median(result.cpython.runsSec);
  if (result.c?.medianSec && result.ours.medianSec) result.oursOverC = result.ours.medianSec / result.c.medianSec;
  if (result.ours.medianSec && result.cpython.medianSec) {
    result.cpythonOverOurs = result.cpython.medianSec / result.ours.medianSec;
  }
  return result;
}

function printResults(results: readonly Result[], geomean: Record<string, number | null>): void {
  const header = [
    "benchmark",
    "size",
    "C s",
    "ours s",
    "CPython s",
    "ours/C",
    "CPython/ours",
    "C MiB",
    "ours MiB",
    "CPython MiB",
    "compile s",
    "status",
  ];
  const rows = results.map((r) => {
    const errors = [...new Set([r.c?.error, r.ours.error, r.cpython.error])].filter((e): e is string => !!e);
    return [
      r.kind === "compile" ? `${r.name} (build time)` : r.name,
      r.size === null ? "" : String(r.size),
      r.c ? seconds(r.c.medianSec) : "",
      seconds(r.ours.medianSec),
      seconds(r.cpython.medianSec),
      ratio(r.oursOverC),
      ratio(r.cpythonOverOurs),
      r.c ? mebibytes(r.c.maxRssKiB) : "",
      mebibytes(r.ours.maxRssKiB),
      mebibytes(r.cpython.maxRssKiB),
      seconds(r.compileSec),
      errors.length > 0 ? errors.join("; ").slice(0, 100) : "ok",
    ];
  });
  printTable(header, rows, [
    "geometric mean",
    "",
    seconds(geomean.cSec),
    seconds(geomean.oursSec),
    seconds(geomean.cpythonSec),
    ratio(geomean.oursOverC),
    ratio(geomean.cpythonOverOurs),
    "",
    "",
    "",
    seconds(geomean.compileSec),
    "",
  ]);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const benchmarks = findBenchmarks(options.only, options.sizeScale);
  if (benchmarks.length === 0) {
    console.error(`run-bench: no benchmarks${options.only ? ` named ${options.only.join(", ")}` : ""} in ${BENCH_DIR}`);
    return 1;
  }
  const workDir = mkdtempSync(join(tmpdir(), "pycompile-bench-"));
  const results: Result[] = [];
  let measuresMemory = false;
  try {
    measuresMemory = await haveGnuTime(workDir);
    if (!measuresMemory) console.error("run-bench: no GNU time (Debian package `time`): no peak memory");
    const rssFile = measuresMemory ? join(workDir, "run.rss") : null;
    for (const bench of benchmarks) results.push(await runBenchmark(bench, options, workDir, rssFile));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const runtime = results.filter((r) => r.kind === "runtime");
  const geomean = {
    cSec: geometricMean(runtime.map((r) => r.c?.medianSec ?? null)),
    oursSec: geometricMean(runtime.map((r) => r.ours.medianSec)),
    cpythonSec: geometricMean(runtime.map((r) => r.cpython.medianSec)),
    oursOverC: geometricMean(runtime.map((r) => r.oursOverC)),
    cpythonOverOurs: geometricMean(runtime.map((r) => r.cpythonOverOurs)),
    compileSec: geometricMean(runtime.map((r) => r.compileSec)),
  };
  const python = pythonVersion();
  const cc = await compilerVersion();
  console.log(
    `pycompile -O${options.opt} vs ${CC} -O2 vs CPython ${python}: median of ${options.runs} alternating runs ` +
      `(CPython: ${options.cpythonRuns}); wall-clock seconds; size = argv[1] of every side` +
      `${options.sizeScale === 1 ? "" : ` (scaled by ${options.sizeScale})`}; ` +
      "compile = `pycompile build` including node start-up; MiB = peak RSS of one run (GNU time)",
  );
  printResults(results, geomean);
  console.log("geometric means over the runtime benchmarks (rows with a value)");

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    python,
    cc,
    optLevel: Number(options.opt),
    runs: options.runs,
    cpythonRuns: options.cpythonRuns,
    sizeScale: options.sizeScale,
    /** How each side's maxRssKiB was measured, or null when it was not (no GNU time). */
    maxRss: measuresMemory ? "GNU time %M (KiB) of one untimed run; CPython: its reference run" : null,
    benchmarks: results,
    geometricMeans: geomean,
  };
  console.log(`written ${writeReport("pycompile", report)}`);
  return 0;
}

process.exitCode = await main();
