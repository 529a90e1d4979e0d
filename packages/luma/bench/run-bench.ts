/**
 * npm run bench:luma [-- --runs N] [--only NAME,NAME] [--size-scale F]
 *
 * LumaScript against C, side by side in one run, on the programs of packages/luma/bench: NAME.ls
 * with its C port (the same algorithm), NAME.c beside it or the file its `// c-port: PATH` line
 * names (repository-relative: the Python benchmarks' ports serve where the algorithm is the same).
 * The size is the `// bench-size: N` first line, passed as argv[1] to both, so that no compiler
 * knows it; each program prints a checksum of its work. The C port (`gcc -O2`) runs first and its
 * output is the reference LumaScript's must equal; `luma build` is timed (the build time, node's
 * start-up included); then the two run alternately N times (default 5) and the medians are
 * compared. Peak memory is GNU time's, of the untimed first runs. The table is printed and written
 * to bench-results/luma.json at the repository's root.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
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
  printTable,
  REPO_ROOT,
  RUN_TIMEOUT_MS,
  ratio,
  runProcess,
  type Side,
  seconds,
  type Timed,
  timeAlternately,
  writeReport,
} from "@toolchain/compiler/bench-kit";

const BENCH_DIR = fileURLToPath(new URL("../../bench/", import.meta.url));
const LUMA = fileURLToPath(new URL("../../bin/luma", import.meta.url));

interface Benchmark {
  readonly name: string;
  readonly source: string;
  readonly c: string;
  readonly size: number | null;
  readonly error: string | null;
}

interface Result {
  name: string;
  size: number | null;
  c: Side;
  luma: Side;
  buildSec: number | null;
  lumaOverC: number | null;
}

function findBenchmarks(only: readonly string[] | null, scale: number): Benchmark[] {
  return readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(".ls") && (only === null || only.includes(file.slice(0, -3))))
    .sort()
    .map((file) => {
      const name = file.slice(0, -3);
      const source = join(BENCH_DIR, file);
      const port = /^\/\/ c-port: (\S+)$/m.exec(readFileSync(source, "utf8"));
      const c = port !== null ? join(REPO_ROOT, port[1]!) : join(BENCH_DIR, `${name}.c`);
      const { size, error } = benchSize(source, scale);
      return { name, source, c, size, error: error === null ? null : `${file}: ${error}` };
    });
}

async function runBenchmark(bench: Benchmark, runs: number, workDir: string, rssFile: string | null): Promise<Result> {
  const log = (message: string): void => console.error(`[${bench.name}] ${message}`);
  const result: Result = {
    name: bench.name,
    size: bench.size,
    c: emptySide(bench.error),
    luma: emptySide(bench.error),
    buildSec: null,
    lumaOverC: null,
  };
  if (bench.error !== null) return result;
  const args = [String(bench.size)];

  log(`${CC} -O2`);
  const cExe = join(workDir, `${bench.name}-c`);
  const cc = await runProcess(CC, ["-O2", "-o", cExe, bench.c, "-lm"], { timeoutMs: BUILD_TIMEOUT_MS });
  if (cc.status !== 0) {
    result.c.error = `${CC} failed: ${firstLine(cc)}`;
    result.luma.error = "no reference output";
    return result;
  }
  const reference = await runProcess(cExe, args, { timeoutMs: RUN_TIMEOUT_MS });
  if (reference.status !== 0) {
    result.c.error = `C ${describeEnd(reference, RUN_TIMEOUT_MS)}: ${firstLine(reference)}`;
    result.luma.error = "no reference output";
    return result;
  }

  log("luma build -O2");
  const lumaExe = join(workDir, `${bench.name}-luma`);
  const build = await runProcess(LUMA, ["build", bench.source, "-o", lumaExe, "-O2"], { timeoutMs: BUILD_TIMEOUT_MS });
  if (build.status !== 0) result.luma.error = `build ${describeEnd(build, BUILD_TIMEOUT_MS)}: ${firstLine(build)}`;
  else result.buildSec = build.seconds;

  const executables: Timed[] = [
    { side: result.c, exe: cExe, label: "C" },
    { side: result.luma, exe: lumaExe, label: "luma" },
  ];
  await timeAlternately(executables, args, runs, reference.stdout, "the C port", rssFile, log);
  if (result.c.medianSec && result.luma.medianSec) result.lumaOverC = result.luma.medianSec / result.c.medianSec;
  return result;
}

function printResults(results: readonly Result[], geomean: Record<string, number | null>): void {
  const header = ["benchmark", "size", "C s", "luma s", "luma/C", "C MiB", "luma MiB", "build s", "status"];
  const rows = results.map((r) => {
    const errors = [...new Set([r.c.error, r.luma.error])].filter((e): e is string => e !== null);
    return [
      r.name,
      r.size === null ? "" : String(r.size),
      seconds(r.c.medianSec),
      seconds(r.luma.medianSec),
      ratio(r.lumaOverC),
      mebibytes(r.c.maxRssKiB),
      mebibytes(r.luma.maxRssKiB),
      seconds(r.buildSec),
      errors.length > 0 ? errors.join("; ").slice(0, 100) : "ok",
    ];
  });
  const footer = ["geometric mean", "", seconds(geomean.cSec), seconds(geomean.lumaSec), ratio(geomean.lumaOverC)];
  printTable(header, rows, [...footer, "", "", seconds(geomean.buildSec), ""]);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      only: { type: "string" },
      "size-scale": { type: "string", default: "1" },
    },
  });
  const runs = Number.parseInt(values.runs!, 10);
  const scale = Number(values["size-scale"]);
  if (!(runs >= 1) || !(scale > 0)) {
    console.error("usage: run-bench [--runs N >= 1] [--only NAME,NAME] [--size-scale F > 0]");
    return 1;
  }
  const only = values.only === undefined ? null : values.only.split(",").filter(Boolean);
  const benchmarks = findBenchmarks(only, scale);
  if (benchmarks.length === 0) {
    console.error(`run-bench: no benchmarks${only ? ` named ${only.join(", ")}` : ""} in ${BENCH_DIR}`);
    return 1;
  }
  const workDir = mkdtempSync(join(tmpdir(), "luma-bench-"));
  const results: Result[] = [];
  let measuresMemory = false;
  try {
    measuresMemory = await haveGnuTime(workDir);
    const rssFile = measuresMemory ? join(workDir, "run.rss") : null;
    for (const bench of benchmarks) results.push(await runBenchmark(bench, runs, workDir, rssFile));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const geomean = {
    cSec: geometricMean(results.map((r) => r.c.medianSec)),
    lumaSec: geometricMean(results.map((r) => r.luma.medianSec)),
    lumaOverC: geometricMean(results.map((r) => r.lumaOverC)),
    buildSec: geometricMean(results.map((r) => r.buildSec)),
  };
  const cc = await compilerVersion();
  console.log(
    `luma -O2 vs ${CC} -O2: median of ${runs} alternating runs; wall-clock seconds; size = argv[1] of both` +
      `${scale === 1 ? "" : ` (scaled by ${scale})`}; build = \`luma build\` including node start-up; ` +
      "MiB = peak RSS of one run (GNU time)",
  );
  printResults(results, geomean);

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cc,
    runs,
    sizeScale: scale,
    maxRss: measuresMemory ? "GNU time %M (KiB) of one untimed run" : null,
    benchmarks: results,
    geometricMeans: geomean,
  };
  console.log(`written ${writeReport("luma", report)}`);
  return 0;
}

process.exitCode = await main();
