/**
 * What the compiler's benchmarks (`npm run bench:alloc`, `npm run bench:handlers`) share: building
 * an IR text program through the pipeline pycompile runs (parse, optimizeModule, reference counts,
 * emitModule, opt/llc -O2, linked with the core runtime and the compiler tests' neutral language
 * library), running a program with its time measured, medians, the table and the JSON report.
 *
 * A run's time is taken by bash's `time` around the program: wall-clock seconds, and the CPU seconds
 * (user + system) the program itself used. The CPU time is the figure the benchmarks compare: on a
 * machine shared with other work, the wall-clock time of a CPU-bound program mostly measures how
 * long it waited for a core (a 0.27 s program took 0.56 s of wall-clock time on two busy cores),
 * while its CPU time changes only with what it competes for inside the core (caches, memory).
 */

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { insertReferenceCounting, optimizeModule, parseIrModule, printModule, validateModule } from "../src/index.js";
import { emitModule } from "../src/llvm/emit-llvm.js";
import { buildExecutable } from "../src/toolchain/build-executable.js";
import { TEST_RUNTIME, testToolchain } from "../test/native-build.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** packages/compiler/bench, where the benchmarks' IR, C and Python sources are. */
export const BENCH_DIR = fileURLToPath(new URL("../../bench/", import.meta.url));
export const CC = process.env.CC || "gcc";
export const PYTHON = process.env.PYTHON || "python3";
export const RUN_TIMEOUT_MS = 600_000;

export interface TimedRun {
  /** Exit status; 128 + N when a signal N ended it (as bash reports it). */
  status: number | null;
  stdout: string;
  stderr: string;
  wallSec: number;
  /** User plus system CPU seconds of the program. */
  cpuSec: number;
  /** Why it could not be run or timed, or null. */
  error: string | null;
}

// The program's stderr stays on fd 2; the `time` report goes to fd 3, a pipe of its own.
const TIME_SCRIPT = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" 2>&4; } 4>&2 2>&3';

/** Runs `command args` under bash's `time`, with a time limit. */
export function timedRun(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<TimedRun> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", TIME_SCRIPT, "bash", command, ...args], {
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env: env ?? process.env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const times: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (chunk: Buffer) => times.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, RUN_TIMEOUT_MS);
    let startError: string | null = null;
    child.on("error", (e) => {
      startError = e.message;
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      const report = Buffer.concat(times).toString("utf8").trim().split(/\s+/).map(Number);
      const timed = report.length === 3 && report.every(Number.isFinite);
      resolve({
        status,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        wallSec: timed ? report[0]! : Number.NaN,
        cpuSec: timed ? report[1]! + report[2]! : Number.NaN,
        error: startError
          ? `could not start: ${startError}`
          : timedOut
            ? `timed out after ${RUN_TIMEOUT_MS / 1000} s`
            : timed
              ? null
              : "no time report",
      });
    });
  });
}

/** Runs a build step (a compiler) and fails with its output if it fails. */
export async function runStep(command: string, args: readonly string[]): Promise<void> {
  const result = await timedRun(command, args);
  if (result.error !== null || result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")}: ${result.error ?? `exit status ${result.status}`}\n${result.stderr}`,
    );
  }
}

/**
 * Builds IR text into an executable as pycompile builds a program: validated, optimised by the IR
 * passes, reference counts inserted, emitted, `opt -O2 | llc -O2`, linked with the runtime archive.
 * With `keep`, also writes what each stage made next to the executable, for reading: OUTPUT.ir (the
 * IR after the passes and reference counts), OUTPUT.ll (emitModule's LLVM IR), OUTPUT.opt.ll (after
 * `opt -O2`) and OUTPUT.s (`llc -O2`).
 */
export async function buildIrProgram(irText: string, output: string, keep = false): Promise<void> {
  const module = parseIrModule(irText);
  const invalid = validateModule(module);
  if (invalid.length > 0) throw new Error(`invalid IR:\n${invalid.join("\n")}`);
  optimizeModule(module, { validate: true });
  insertReferenceCounting(module);
  const afterPasses = validateModule(module);
  if (afterPasses.length > 0) throw new Error(`invalid IR after the passes:\n${afterPasses.join("\n")}`);
  const llvmIr = emitModule(module);
  const common = { llvmIr, optLevel: 2, toolchain: testToolchain(), runtime: TEST_RUNTIME } as const;
  await buildExecutable({ ...common, output });
  if (keep) {
    writeFileSync(`${output}.ir`, printModule(module));
    writeFileSync(`${output}.ll`, llvmIr);
    await buildExecutable({ ...common, output: `${output}.opt.ll`, emit: "llvm" });
    await buildExecutable({ ...common, output: `${output}.s`, emit: "asm" });
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function geometricMean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && v > 0);
  if (present.length === 0) return null;
  return Math.exp(present.reduce((sum, v) => sum + Math.log(v), 0) / present.length);
}

/** One program's timings in one row of a benchmark. */
export interface SideTimings {
  cpuSec: number[];
  wallSec: number[];
  medianCpuSec: number | null;
  medianWallSec: number | null;
  /** Why this side has no timings (a failed build, a wrong output), or null. */
  error: string | null;
}

export function emptySide(error: string | null = null): SideTimings {
  return { cpuSec: [], wallSec: [], medianCpuSec: null, medianWallSec: null, error };
}

/** A program to time: the command, and what its run must print to count. */
export interface Contender {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly side: SideTimings;
}

/** Why a run does not count (a failure, another output), or null. */
export function runError(label: string, run: TimedRun, expected: string): string | null {
  if (run.error !== null) return `${label}: ${run.error}`;
  if (run.status !== 0) return `${label}: exit status ${run.status}: ${run.stderr.trim().split("\n")[0] ?? ""}`;
  if (run.stdout !== expected) {
    return `${label} printed ${JSON.stringify(run.stdout.slice(0, 60))}, expected ${JSON.stringify(expected)}`;
  }
  return null;
}

/**
 * Times the contenders `runs` times each, interleaved: run r starts with contender r mod n, so
 * that no program always runs right after the same other one, and all see the same machine state
 * over the whole measurement. Every run's output is checked; a contender whose run fails is dropped.
 */
export async function timeInterleaved(
  contenders: readonly Contender[],
  runs: number,
  expected: string,
  log: (message: string) => void,
): Promise<void> {
  for (let r = 0; r < runs; r++) {
    const live = contenders.filter((c) => c.side.error === null);
    if (live.length === 0) return;
    log(`timed run ${r + 1}/${runs}`);
    for (let k = 0; k < live.length; k++) {
      const c = live[(r + k) % live.length]!;
      const run = await timedRun(c.command, c.args);
      const error = runError(c.label, run, expected);
      if (error !== null) c.side.error = error;
      else {
        c.side.cpuSec.push(run.cpuSec);
        c.side.wallSec.push(run.wallSec);
      }
    }
  }
  for (const c of contenders) {
    c.side.medianCpuSec = c.side.error === null ? median(c.side.cpuSec) : null;
    c.side.medianWallSec = c.side.error === null ? median(c.side.wallSec) : null;
  }
}

/** Prints rows as a table: the first and last columns left-aligned, the others right-aligned. */
export function printTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
) {
  const all = [header, ...rows, ...(footer ? [footer] : [])];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
  if (footer) {
    console.log(rule);
    console.log(line(footer));
  }
}

export const seconds = (v: number | null | undefined): string => (v == null ? "-" : v.toFixed(3));
export const ratio = (v: number | null | undefined, digits = 2): string => (v == null ? "-" : `${v.toFixed(digits)}x`);

/** Writes the report to bench-results/<name>.json at the repository's root; returns the path. */
export function writeReport(name: string, report: unknown): string {
  const outDir = join(REPO_ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `${name}.json`);
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  return outFile;
}

/** The first line a command prints (a version), or "unknown". */
export async function versionOf(command: string, args: readonly string[]): Promise<string> {
  const run = await timedRun(command, args);
  const line = `${run.stdout}\n${run.stderr}`.split("\n").find((l) => l.trim() !== "");
  return run.status === 0 && line ? line.trim() : "unknown";
}

/** A whole number from the command line, at least `min`; exits with the usage otherwise. */
export function countArgument(value: string | undefined, min: number, usage: string): number {
  const n = Number(value ?? "");
  if (value === undefined || !/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    console.error(usage);
    process.exit(1);
  }
  return n;
}
