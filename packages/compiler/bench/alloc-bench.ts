/**
 * npm run bench:alloc [-- --runs R] [--size N] [--lengths K,K,...] [--keep DIR]
 *
 * Small objects allocated and freed, three ways doing the same work (packages/compiler/bench):
 *   - ours: alloc_bench.ir, a Node layout of two i64 fields and a nullable reference, built through
 *     our pipeline (IR passes, reference counts, LLVM -O2, the object runtime's pools and collector);
 *   - C: alloc_bench.c with malloc and free, `gcc -O2`;
 *   - CPython: alloc_bench.py, a class with __slots__.
 * Each program takes N and K on its command line: K > 0 builds N / K linked lists of K nodes, each
 * walked (summing the fields) and dropped; K = 0 allocates N single nodes, each read and freed at
 * once. Each prints the sum of every node's fields. One table row per K (`--lengths`, default
 * 0,10,1000), N from `--size` (default 10,000,000).
 *
 * CPython runs first; its output is the reference that C and ours must print exactly (our first
 * run also has the leak checker on, and must report no live object). Then the three run `--runs`
 * times (default 5), interleaved, and the medians of their CPU times (user + system, see
 * bench-support.ts) are compared, per object: ours/C and CPython/ours. The table is printed and
 * written to bench-results/alloc.json; `--keep DIR` keeps the executables and, for ours, each stage's
 * output (see buildIrProgram).
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BENCH_DIR,
  buildIrProgram,
  CC,
  type Contender,
  countArgument,
  emptySide,
  geometricMean,
  PYTHON,
  printTable,
  ratio,
  runError,
  runStep,
  type SideTimings,
  timedRun,
  timeInterleaved,
  versionOf,
  writeReport,
} from "./bench-support.js";

const USAGE =
  "usage: bench-alloc [--runs R] [--size N] [--lengths K,K,...] [--keep DIR]\n" +
  "  --runs R       timed runs of each program (default 5); medians are compared\n" +
  "  --size N       objects per row (default 10000000)\n" +
  "  --lengths K,K  one row per K: lists of K nodes, or 0 for single objects (default 0,10,1000)\n" +
  "  --keep DIR     keep the executables and our LLVM IR in DIR";

interface Options {
  runs: number;
  size: number;
  lengths: number[];
  keep: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 5, size: 10_000_000, lengths: [0, 10, 1000], keep: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--runs") options.runs = countArgument(argv[++i], 1, USAGE);
    else if (arg === "--size") options.size = countArgument(argv[++i], 1, USAGE);
    else if (arg === "--lengths") options.lengths = (argv[++i] ?? "").split(",").map((k) => countArgument(k, 0, USAGE));
    else if (arg === "--keep") options.keep = argv[++i] ?? "";
    else {
      console.log(USAGE);
      process.exit(arg === "--help" || arg === "-h" ? 0 : 1);
    }
  }
  if (options.keep === "" || options.lengths.length === 0) {
    console.error(USAGE);
    process.exit(1);
  }
  return options;
}

interface Row {
  name: string;
  /** argv of every side: N and K. */
  args: [string, string];
  /** Objects allocated and freed in a run. */
  objects: number;
  c: SideTimings;
  ours: SideTimings;
  cpython: SideTimings;
  /** Median CPU nanoseconds per object. */
  nsPerObject: { c: number | null; ours: number | null; cpython: number | null };
  oursOverC: number | null;
  cpythonOverOurs: number | null;
}

const perObject = (side: SideTimings, objects: number): number | null =>
  side.medianCpuSec === null ? null : (side.medianCpuSec * 1e9) / objects;

async function measureRow(
  k: number,
  options: Options,
  executables: { c: string | null; ours: string | null },
  buildErrors: { c: string | null; ours: string | null },
): Promise<Row> {
  const name = k === 0 ? "single objects" : `lists of ${k}`;
  const log = (message: string): void => console.error(`[${name}] ${message}`);
  const args: [string, string] = [String(options.size), String(k)];
  const row: Row = {
    name,
    args,
    objects: k === 0 ? options.size : Math.floor(options.size / k) * k,
    c: emptySide(buildErrors.c),
    ours: emptySide(buildErrors.ours),
    cpython: emptySide(),
    nsPerObject: { c: null, ours: null, cpython: null },
    oursOverC: null,
    cpythonOverOurs: null,
  };

  log(`CPython ${args.join(" ")} (reference)`);
  const reference = await timedRun(PYTHON, [join(BENCH_DIR, "alloc_bench.py"), ...args]);
  if (reference.error !== null || reference.status !== 0) {
    row.cpython.error = `CPython: ${reference.error ?? `exit status ${reference.status}: ${reference.stderr.trim()}`}`;
    row.c.error ??= "no reference output";
    row.ours.error ??= "no reference output";
    return row;
  }
  const expected = reference.stdout;

  // The first run of each program checks its output, ours with the leak checker on.
  if (executables.c !== null && row.c.error === null) {
    row.c.error = runError("C", await timedRun(executables.c, args), expected);
  }
  if (executables.ours !== null && row.ours.error === null) {
    const check = await timedRun(executables.ours, args, { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" });
    row.ours.error = runError("ours", check, expected);
    if (row.ours.error === null && check.stderr !== "leak check: 0 live objects\n") {
      row.ours.error = `ours leaks: ${check.stderr.trim().split("\n").slice(0, 2).join("; ")}`;
    }
  }

  const contenders: Contender[] = [
    { label: "CPython", command: PYTHON, args: [join(BENCH_DIR, "alloc_bench.py"), ...args], side: row.cpython },
  ];
  if (executables.c !== null) contenders.push({ label: "C", command: executables.c, args, side: row.c });
  if (executables.ours !== null) contenders.push({ label: "ours", command: executables.ours, args, side: row.ours });
  await timeInterleaved(contenders, options.runs, expected, log);

  row.nsPerObject = {
    c: perObject(row.c, row.objects),
    ours: perObject(row.ours, row.objects),
    cpython: perObject(row.cpython, row.objects),
  };
  if (row.nsPerObject.ours !== null && row.nsPerObject.c !== null)
    row.oursOverC = row.nsPerObject.ours / row.nsPerObject.c;
  if (row.nsPerObject.ours !== null && row.nsPerObject.cpython !== null) {
    row.cpythonOverOurs = row.nsPerObject.cpython / row.nsPerObject.ours;
  }
  return row;
}

const ns = (v: number | null): string => (v === null ? "-" : v.toFixed(1));

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const workDir = options.keep ?? mkdtempSync(join(tmpdir(), "bench-alloc-"));
  mkdirSync(workDir, { recursive: true });
  const rows: Row[] = [];
  try {
    const executables: { c: string | null; ours: string | null } = { c: null, ours: null };
    const buildErrors: { c: string | null; ours: string | null } = { c: null, ours: null };
    const cExe = join(workDir, "alloc_bench-c");
    console.error(`[build] ${CC} -O2 alloc_bench.c`);
    try {
      await runStep(CC, ["-O2", "-o", cExe, join(BENCH_DIR, "alloc_bench.c")]);
      executables.c = cExe;
    } catch (error) {
      buildErrors.c = `C build failed: ${String(error).split("\n")[0]}`;
    }
    const ourExe = join(workDir, "alloc_bench-ours");
    console.error("[build] alloc_bench.ir through the pipeline, -O2");
    try {
      await buildIrProgram(readFileSync(join(BENCH_DIR, "alloc_bench.ir"), "utf8"), ourExe, options.keep !== null);
      executables.ours = ourExe;
    } catch (error) {
      buildErrors.ours = `our build failed: ${String(error).split("\n")[0]}`;
    }
    for (const k of options.lengths) rows.push(await measureRow(k, options, executables, buildErrors));
  } finally {
    if (options.keep === null) rmSync(workDir, { recursive: true, force: true });
  }

  const geomean = {
    oursOverC: geometricMean(rows.map((r) => r.oursOverC)),
    cpythonOverOurs: geometricMean(rows.map((r) => r.cpythonOverOurs)),
  };
  const python = await versionOf(PYTHON, ["--version"]);
  const cc = await versionOf(CC, ["--version"]);
  console.log(
    `small objects allocated and freed: ours (IR, -O2, object runtime) vs ${CC} -O2 malloc/free vs ${python}; ` +
      `CPU time (user + sys) per object in ns, median of ${options.runs} interleaved runs; N = ${options.size}`,
  );
  printTable(
    ["workload", "objects", "C ns", "ours ns", "CPython ns", "ours/C", "CPython/ours", "status"],
    rows.map((r) => {
      const errors = [...new Set([r.c.error, r.ours.error, r.cpython.error])].filter((e): e is string => !!e);
      return [
        r.name,
        String(r.objects),
        ns(r.nsPerObject.c),
        ns(r.nsPerObject.ours),
        ns(r.nsPerObject.cpython),
        ratio(r.oursOverC),
        ratio(r.cpythonOverOurs),
        errors.length > 0 ? errors.join("; ").slice(0, 120) : "ok",
      ];
    }),
    ["geometric mean", "", "", "", "", ratio(geomean.oursOverC), ratio(geomean.cpythonOverOurs), ""],
  );
  const outFile = writeReport("alloc", {
    date: new Date().toISOString(),
    node: process.version,
    python,
    cc,
    runs: options.runs,
    size: options.size,
    measure: "median CPU seconds (user + sys) of interleaved runs; nsPerObject = median / objects",
    rows,
    geometricMeans: geomean,
  });
  console.log(`written ${outFile}`);
  return rows.every((r) => !r.c.error && !r.ours.error && !r.cpython.error) ? 0 : 1;
}

process.exitCode = await main();
