/** `npm run bench:kogine`: per-task overhead of kogine against running a script directly (Python and JS),
 * and the wall time of a 200-task parallel sweep of a 50 ms task with -w 2 against the ideal. Prints a
 * table and writes the same figures to bench-results/kogine.json. Medians of several repetitions.
 *
 * Overhead per task = (wall time of one `kogine workflow parallel -w 1` run of N tasks) / N - (median wall
 * time of one direct `python3 script.py` / `node script.mjs`): everything kogine adds, its own start-up
 * included (spread over the N tasks). The sweeps override a setting the scripts declare, so every task
 * goes through the injection rewrite, as real sweeps do.
 *
 * Also: a one-off `kogine run noop.py` against `python3 noop.py`, and a task printing 300,000 lines against
 * python3 printing them to a file (oneOffRun and taskOutput below), and the search benchmark
 * (search-bench.ts). `--only one-off,output,search` (any of them) measures only those and updates only
 * their entries in bench-results/kogine.json. */
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { printSearchBench, runSearchBench } from "./search-bench.js";

// The `kogine` command as npm links it.
const KOGINE = fileURLToPath(new URL("../../bin/kogine", import.meta.url));
const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "kogine-bench-"));
writeFileSync(
  join(dir, "noop.py"),
  "value = 1\ndef main():\n    return value\nif __name__ == '__main__':\n    main()\n",
);
writeFileSync(
  join(dir, "noop.mjs"),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
  "export const value = 1;\nexport function main() { return value; }\nif (import.meta.url === `file://${process.argv[1]}`) main();\n",
);
writeFileSync(join(dir, "sleep50.py"), "import time\nseed = 0\ndef main():\n    time.sleep(0.05)\n    return seed\n");
writeFileSync(
  join(dir, "sleep50.mjs"),
  "export const seed = 0;\nexport async function main() { await new Promise((r) => setTimeout(r, 50)); return seed; }\n",
);
writeFileSync(join(dir, "plain50.mjs"), "await new Promise((r) => setTimeout(r, 50));\n");

function seconds(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  execFileSync(command, args, {
    cwd: dir,
    stdio: "ignore",
    env: { ...env, KOGINE_RUNS_DIR: join(dir, "runs") },
  });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// ---- a one-off run, and a task's output ----------------------------------------------------------------

/** A one-off `kogine run noop.py` against `python3 noop.py`: wall times, medians of `runs` runs each,
 * taken in turns. Everything kogine adds to a single run: Node's start-up, the CLI, the zygote, the store.
 * Both run the interpreter `python3` stands for (its sys.executable), so that a `python3` that is a
 * launcher (a pyenv shim, a bash script costing some 250 ms a start) weighs on neither side: kogine
 * would start the same launcher, in parallel with its own start-up. */
function oneOffRun(runs = 11) {
  const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  const env = { ...process.env, KOGINE_PYTHON: python };
  const direct: number[] = [];
  const kogine: number[] = [];
  for (let i = 0; i < runs; i++) {
    direct.push(seconds(python, ["noop.py"]));
    kogine.push(seconds(KOGINE, ["run", "noop.py", "--log-format", "quiet"], env));
  }
  const directMs = median(direct) * 1000;
  const kogineMs = median(kogine) * 1000;
  return { python, directMs, kogineMs, overheadMs: kogineMs - directMs, runs, targetMs: 60 };
}

/** A task printing 300,000 lines through kogine (to its log; kogine's own output quiet) against python3
 * printing them to a file: wall times, medians of `runs` runs each, taken in turns. Python's stdout is
 * block-buffered in both unless PYTHONUNBUFFERED is set, which is measured too (for both). */
function taskOutput(runs = 5) {
  writeFileSync(
    join(dir, "lines.py"),
    "def main():\n    for i in range(300000):\n        print(i)\nif __name__ == '__main__':\n    main()\n",
  );
  const measure = (unbuffered: boolean) => {
    const env = { ...process.env, PYTHONUNBUFFERED: unbuffered ? "1" : "" };
    const direct: number[] = [];
    const kogine: number[] = [];
    for (let i = 0; i < runs; i++) {
      const file = openSync(join(dir, "lines.out"), "w");
      const start = process.hrtime.bigint();
      execFileSync("python3", ["lines.py"], { cwd: dir, stdio: ["ignore", file, "ignore"], env });
      direct.push(Number(process.hrtime.bigint() - start) / 1e9);
      closeSync(file);
      kogine.push(seconds(KOGINE, ["run", "lines.py", "--log-format", "quiet"], env));
    }
    const directS = median(direct);
    const kogineS = median(kogine);
    return { directS, kogineS, ratio: kogineS / directS };
  };
  return { lines: 300_000, runs, buffered: measure(false), unbuffered: measure(true), targetRatio: 2 };
}

function printOneOffAndOutput(oneOff: ReturnType<typeof oneOffRun>, output: ReturnType<typeof taskOutput>): void {
  const row = (name: string, value: string, target: string) =>
    console.log(`${name.padEnd(44)} ${value.padStart(12)}   target ${target}`);
  row("one-off run: python3 noop.py", `${oneOff.directMs.toFixed(1)} ms`, "-");
  row("one-off run: kogine run noop.py", `${oneOff.kogineMs.toFixed(1)} ms`, "-");
  row("  kogine overhead", `${oneOff.overheadMs.toFixed(1)} ms`, `<= ${oneOff.targetMs} ms`);
  row("300,000 lines: python3 > file", `${output.buffered.directS.toFixed(2)} s`, "-");
  row("300,000 lines: kogine run", `${output.buffered.kogineS.toFixed(2)} s`, "-");
  row("  ratio", `${output.buffered.ratio.toFixed(2)}x`, `<= ${output.targetRatio}x`);
  row("  the same, PYTHONUNBUFFERED=1: python3", `${output.unbuffered.directS.toFixed(2)} s`, "-");
  row("  the same, PYTHONUNBUFFERED=1: kogine", `${output.unbuffered.kogineS.toFixed(2)} s`, "-");
  row("  ratio", `${output.unbuffered.ratio.toFixed(2)}x`, "-");
}

/** Writes `entries` into bench-results/kogine.json, keeping the entries of other measurements. */
function recordResults(entries: Record<string, unknown>): void {
  const file = join(REPO, "bench-results", "kogine.json");
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  mkdirSync(join(REPO, "bench-results"), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...earlier, ...entries }, null, 2)}\n`);
  console.log("written to bench-results/kogine.json");
}

const onlyFlag = process.argv.indexOf("--only");
const only = onlyFlag === -1 ? null : new Set((process.argv[onlyFlag + 1] ?? "").split(","));
if (only) {
  const oneOff = only.has("one-off") ? oneOffRun() : null;
  const output = only.has("output") ? taskOutput() : null;
  if (oneOff && output) printOneOffAndOutput(oneOff, output);
  else if (oneOff || output) console.log(JSON.stringify({ oneOff, output }, null, 2));
  if (oneOff || output)
    console.log(`${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at the end`);
  const search = only.has("search") ? runSearchBench() : null;
  if (search) printSearchBench(search);
  recordResults({
    ...(oneOff && { oneOffRun: oneOff }),
    ...(output && { taskOutput: output }),
    ...(search && { search }),
  });
  process.exit(0);
}

// ---- per-task overhead and sweeps ----------------------------------------------------------------------

const TASKS = 20;
const REPEATS = 5;
const SWEEP_REPEATS = 3;
const sweep = `value=${Array.from({ length: TASKS }, (_, i) => i).join(",")}`;
function overhead(script: string, direct: [string, string[]]) {
  const directMs = median(Array.from({ length: REPEATS * 2 }, () => seconds(...direct))) * 1000;
  const perTaskMs =
    median(
      Array.from({ length: REPEATS }, () =>
        seconds(KOGINE, ["workflow", "parallel", script, "--sweep", sweep, "-w", "1", "--log-format", "quiet"]),
      ),
    ) *
    (1000 / TASKS);
  return { directMs, perTaskMs, overheadMs: perTaskMs - directMs };
}

const python = overhead("noop.py", ["python3", ["noop.py"]]);
const js = overhead("noop.mjs", [process.execPath, ["noop.mjs"]]);
// The sweep is measured with a Python task (the zygote forks each task) and with a JS task (each task
// is a fresh Node process, started while the previous one runs).
const sweepArgs = (script: string) => [
  "workflow",
  "parallel",
  script,
  "--sweep",
  `seed=${Array.from({ length: 200 }, (_, i) => i).join(",")}`,
];
const sweepSeconds = (script: string) =>
  median(
    Array.from({ length: SWEEP_REPEATS }, () =>
      seconds(KOGINE, [...sweepArgs(script), "-w", "2", "--log-format", "quiet"]),
    ),
  );
const pythonWallS = sweepSeconds("sleep50.py");
const wallS = sweepSeconds("sleep50.mjs");
// For reference: the same 200 tasks with no runner at all, each `node plain50.mjs` started by a plain pool of
// 2 when a slot frees up (one run): what a fresh Node process per task costs on this machine.
const plainPoolS = (() => {
  const script = join(dir, "plain-pool.mjs");
  writeFileSync(
    script,
    [
      'import { spawn } from "node:child_process";',
      "let next = 0;",
      "const slot = async () => {",
      "  for (; next < 200; next++)",
      `    await new Promise((r) => spawn(process.execPath, [${JSON.stringify(join(dir, "plain50.mjs"))}], { stdio: "ignore" }).on("close", r));`,
      "};",
      "await Promise.all([slot(), slot()]);",
    ].join("\n"),
  );
  return seconds(process.execPath, [script]);
})();
const idealS = (200 * 0.05) / 2;
// Every task of the sweep is a fresh Node process, so the sweep can go no faster than 200 Node start-ups on
// 2 cores (NODE_EXTRA_CA_CERTS, where set, makes each parse the CA bundle: shown with the start-up time).
const nodeStartMs = median(Array.from({ length: REPEATS * 2 }, () => seconds(process.execPath, ["-e", "0"]))) * 1000;
const oneOff = oneOffRun();
const output = taskOutput();
const results = {
  oneOffRun: oneOff,
  taskOutput: output,
  python: { ...python, targetMs: 50 },
  javascript: { ...js, targetMs: 30 },
  parallelSweepPython: {
    tasks: 200,
    taskMs: 50,
    workers: 2,
    wallS: pythonWallS,
    idealS,
    ratio: pythonWallS / idealS,
    targetRatio: 1.2,
  },
  parallelSweep: { tasks: 200, taskMs: 50, workers: 2, wallS, idealS, ratio: wallS / idealS, targetRatio: 1.2 },
  plainNodePool: { tasks: 200, taskMs: 50, workers: 2, wallS: plainPoolS, ratio: plainPoolS / idealS },
  environment: {
    cores: availableParallelism(),
    loadAverage1m: loadavg()[0],
    nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null,
    nodeStartMs,
  },
  method:
    "overhead per task = (one `kogine workflow parallel -w 1` run of N tasks) / N - (direct run); medians of repeated runs",
};
const row = (name: string, value: string, target: string) =>
  console.log(`${name.padEnd(44)} ${value.padStart(12)}   target ${target}`);
console.log(
  `kogine benchmark (overhead: medians of ${REPEATS} runs of ${TASKS} tasks; sweep: median of ${SWEEP_REPEATS} runs; machine shared, figures are noisy)`,
);
row("Python: direct run of a no-op script", `${python.directMs.toFixed(1)} ms`, "-");
row("Python: per task through kogine", `${python.perTaskMs.toFixed(1)} ms`, "-");
row("Python: kogine overhead per task", `${python.overheadMs.toFixed(1)} ms`, "<= 50 ms");
row("JS: direct run of a no-op script", `${js.directMs.toFixed(1)} ms`, "-");
row("JS: per task through kogine", `${js.perTaskMs.toFixed(1)} ms`, "-");
row("JS: kogine overhead per task", `${js.overheadMs.toFixed(1)} ms`, "<= 30 ms");
row("  ideal of a sweep (200 x 50 ms / 2)", `${idealS.toFixed(2)} s`, "-");
row("200 x 50 ms Python tasks, -w 2: wall time", `${pythonWallS.toFixed(2)} s`, "-");
row("  ratio to ideal", `${results.parallelSweepPython.ratio.toFixed(2)}x`, "<= 1.2x");
row("200 x 50 ms JS tasks, -w 2: wall time", `${wallS.toFixed(2)} s`, "-");
row("  ratio to ideal", `${results.parallelSweep.ratio.toFixed(2)}x`, "<= 1.2x");
row("  reference: a plain pool, `node task.mjs` per task", `${plainPoolS.toFixed(2)} s`, "-");
row("Node start-up (node -e 0)", `${nodeStartMs.toFixed(1)} ms`, "-");
printOneOffAndOutput(oneOff, output);
console.log(`${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at the end`);
const search = runSearchBench();
printSearchBench(search);
recordResults({ ...results, search });
