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

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pythonExecutable, pythonVersion } from "../test/cpython-referee.js";
import { describeEnd, type ProcessResult, runProcess } from "../test/run-process.js";

const BENCH_DIR = fileURLToPath(new URL("../../bench/", import.meta.url));
/** The `pycompile` command as `npx pycompile` runs it (bin/pycompile, a shell launcher). */
const PYCOMPILE = fileURLToPath(new URL("../../bin/pycompile", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const CC = process.env.CC || "gcc";
const BUILD_TIMEOUT_MS = 300_000;
const RUN_TIMEOUT_MS = 600_000;
/** GNU time, whose `-f %M` is the maximum resident set size in KiB (bash's `time` keyword has none). */
const GNU_TIME = "/usr/bin/time";

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

const SIZE_LINE = /^# bench-size: ([1-9][0-9]*)$/;

function findBenchmarks(only: string[] | null, sizeScale: number): Benchmark[] {
  const files = new Set(readdirSync(BENCH_DIR));
  const benchmarks: Benchmark[] = [];
  for (const file of [...files].sort()) {
    if (!file.endsWith(".py")) continue;
    const name = file.slice(0, -3);
    if (only && !only.includes(name)) continue;
    const python = join(BENCH_DIR, file);
    const c = files.has(`${name}.c`) ? join(BENCH_DIR, `${name}.c`) : null;
    let size: number | null = null;
    let sizeError: string | null = null;
    if (c) {
      const match = SIZE_LINE.exec(readFileSync(python, "utf8").split("\n", 1)[0]!);
      if (match) size = Math.max(1, Math.round(Number(match[1]) * sizeScale));
      else sizeError = `${file} does not start with a \`# bench-size: N\` line`;
    }
    benchmarks.push({ name, python, c, size, sizeError });
  }
  return benchmarks;
}

/** Timings of one side, or why that side has none. */
interface Side {
  runsSec: number[];
  medianSec: number | null;
  /** Peak resident memory in KiB (of one untimed run, or CPython's reference run), or null. */
  maxRssKiB: number | null;
  error: string | null;
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

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function geometricMean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && v > 0);
  if (present.length === 0) return null;
  return Math.exp(present.reduce((sum, v) => sum + Math.log(v), 0) / present.length);
}

/** The first meaningful line of a failed command's output, for a table cell. */
function firstLine(result: ProcessResult): string {
  const text = `${result.stderr.toString("utf8")}\n${result.stdout.toString("utf8")}`;
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line ? line.trim() : describeEnd(result);
}

function emptySide(error: string | null = null): Side {
  return { runsSec: [], medianSec: null, maxRssKiB: null, error };
}

function outputError(label: string, result: ProcessResult, expected: Buffer): string | null {
  if (result.status !== 0) return `${label} ${describeEnd(result, RUN_TIMEOUT_MS)}: ${firstLine(result)}`;
  if (!result.stdout.equals(expected)) return `${label} output differs from CPython's`;
  return null;
}

/** Whether GNU time is there to measure peak memory: checked once, by measuring `true`. */
async function haveGnuTime(workDir: string): Promise<boolean> {
  const file = join(workDir, "probe.rss");
  const probe = await runProcess(GNU_TIME, ["-q", "-f", "%M", "-o", file, "true"], { timeoutMs: 10_000 });
  try {
    return probe.status === 0 && /^[0-9]+\s*$/.test(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
}

/**
 * Runs a command under GNU time and returns its result as if run directly, with its peak memory.
 * coreutils' `timeout` inside the wrapper enforces the time limit, because runProcess's own SIGKILL
 * would kill only the wrapper and orphan the program; `-q` keeps GNU time's notes out of the file.
 */
async function runMeasured(
  command: string,
  args: readonly string[],
  rssFile: string | null,
): Promise<{ result: ProcessResult; maxRssKiB: number | null }> {
  if (rssFile === null)
    return { result: await runProcess(command, args, { timeoutMs: RUN_TIMEOUT_MS }), maxRssKiB: null };
  rmSync(rssFile, { force: true });
  const wrapped = await runProcess(
    GNU_TIME,
    ["-q", "-f", "%M", "-o", rssFile, "timeout", "--signal=KILL", `${RUN_TIMEOUT_MS / 1000}s`, command, ...args],
    // A backstop only: timeout ends the program first.
    { timeoutMs: RUN_TIMEOUT_MS + 30_000 },
  );
  let maxRssKiB: number | null = null;
  try {
    const text = readFileSync(rssFile, "utf8").trim();
    if (/^[0-9]+$/.test(text)) maxRssKiB = Number(text);
  } catch {
    // No file: the wrapper itself failed; the result says why.
  }
  // GNU time (and timeout) exit with 128 + N when the program was killed by signal N: report the
  // signal, as a direct run would. (A program's own exit status above 128 reads as a signal too.)
  const result = { ...wrapped };
  const code = wrapped.status !== null && wrapped.status > 128 ? wrapped.status - 128 : null;
  const signal = Object.entries(constants.signals).find(([, n]) => n === code)?.[0] as NodeJS.Signals | undefined;
  if (signal) {
    result.status = null;
    result.signal = signal;
    if (signal === "SIGKILL" && wrapped.seconds * 1000 >= RUN_TIMEOUT_MS) result.timedOut = true;
  }
  return { result, maxRssKiB };
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

  // Each executable's first run checks its output, measures its peak memory (and warms the caches);
  // then timed runs, directly, alternating C and ours so that both see the same machine state.
  const sides: { side: Side; exe: string; label: string }[] = [];
  if (result.c && result.c.error === null) sides.push({ side: result.c, exe: cExe, label: "C" });
  if (result.ours.error === null) sides.push({ side: result.ours, exe: ourExe, label: "ours" });
  for (const { side, exe, label } of sides) {
    const { result: check, maxRssKiB } = await runMeasured(exe, args, rssFile);
    side.error = outputError(label, check, expected);
    side.maxRssKiB = maxRssKiB;
  }
  const timed = sides.filter(({ side }) => side.error === null);
  for (let r = 0; r < options.runs && timed.length > 0; r++) {
    log(`timed run ${r + 1}/${options.runs}`);
    for (const { side, exe, label } of timed) {
      const run = await runProcess(exe, args, { timeoutMs: RUN_TIMEOUT_MS });
      const error = outputError(label, run, expected);
      if (error) side.error = error;
      else side.runsSec.push(run.seconds);
    }
  }
  for (const side of [result.c, result.ours, result.cpython]) {
    if (side) side.medianSec = side.error === null ? median(side.runsSec) : null;
  }
  if (result.c?.medianSec && result.ours.medianSec) result.oursOverC = result.ours.medianSec / result.c.medianSec;
  if (result.ours.medianSec && result.cpython.medianSec) {
    result.cpythonOverOurs = result.cpython.medianSec / result.ours.medianSec;
  }
  return result;
}

const seconds = (v: number | null | undefined): string => (v == null ? "-" : v.toFixed(3));
const ratio = (v: number | null | undefined): string => (v == null ? "-" : `${v.toFixed(2)}x`);
const mebibytes = (kib: number | null | undefined): string => (kib == null ? "-" : (kib / 1024).toFixed(1));

function printTable(results: readonly Result[], geomean: Record<string, number | null>): void {
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
  const rows: string[][] = [header];
  for (const r of results) {
    const errors = [...new Set([r.c?.error, r.ours.error, r.cpython.error])].filter((e): e is string => !!e);
    rows.push([
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
    ]);
  }
  rows.push([
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
  const widths = header.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]): string =>
    row
      .map((cell, c) => (c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows.slice(1, -1)) console.log(line(row));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  console.log(line(rows[rows.length - 1]!));
}

async function compilerVersion(): Promise<string> {
  const result = await runProcess(CC, ["--version"], { timeoutMs: 10_000 });
  return result.status === 0 ? firstLine(result) : "unknown";
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
    if (!measuresMemory)
      console.error(`run-bench: no GNU time at ${GNU_TIME} (Debian package \`time\`): no peak memory`);
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
  printTable(results, geomean);
  console.log("geometric means over the runtime benchmarks (rows with a value)");

  const outDir = join(REPO_ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
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
  const outFile = join(outDir, "pycompile.json");
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${outFile}`);
  return 0;
}

process.exitCode = await main();
