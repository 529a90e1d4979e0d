/**
 * What the benchmarks of compiled programs beside their C ports share (`npm run bench` for Python,
 * `npm run bench:luma` for LumaScript): finding a benchmark's size in its source, building and
 * running programs with GNU time around an untimed run for the peak memory; with the statistics,
 * the aligned table and the report file of bench-support.ts, which the back end's own benchmarks use.
 *
 * Peak memory: a side's maximum resident set size (KiB) is read by GNU time (`/usr/bin/time -f %M`,
 * Debian's package `time`, which scripts/setup.sh installs) around a run that is not timed, so the
 * timed runs carry no wrapper. Without GNU time it is null.
 */

import { readFileSync, rmSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { describeEnd, type ProcessResult, runProcess } from "../test/run-process.js";
import { CC, median, RUN_TIMEOUT_MS } from "./bench-support.js";

export {
  CC,
  geometricMean,
  median,
  printTable,
  REPO_ROOT,
  RUN_TIMEOUT_MS,
  ratio,
  seconds,
  writeReport,
} from "./bench-support.js";
export { describeEnd, type ProcessResult, runProcess };

export const BUILD_TIMEOUT_MS = 300_000;
const GNU_TIME = "/usr/bin/time";

/**
 * A benchmark's size: the `bench-size: N` comment on its first line (`# bench-size: N` in Python,
 * `// bench-size: N` in LumaScript), read next to the code it drives; `scale` multiplies it.
 */
export function benchSize(file: string, scale: number): { size: number | null; error: string | null } {
  const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  const match = /^(?:#|\/\/) bench-size: ([1-9][0-9]*)$/.exec(first);
  if (match === null) return { size: null, error: "no `bench-size: N` line first" };
  return { size: Math.max(1, Math.round(Number(match[1]) * scale)), error: null };
}

/** The first meaningful line of a failed command's output, for a table cell. */
export function firstLine(result: ProcessResult): string {
  const text = `${result.stderr.toString("utf8")}\n${result.stdout.toString("utf8")}`;
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line ? line.trim() : describeEnd(result);
}

/** Why a run failed or printed something else than `expected`, or null. */
export function outputError(label: string, result: ProcessResult, expected: Buffer, referee: string): string | null {
  if (result.status !== 0) return `${label} ${describeEnd(result, RUN_TIMEOUT_MS)}: ${firstLine(result)}`;
  if (!result.stdout.equals(expected)) return `${label} output differs from ${referee}'s`;
  return null;
}

/** Whether GNU time is there to measure peak memory: checked once, by measuring `true`. */
export async function haveGnuTime(workDir: string): Promise<boolean> {
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
export async function runMeasured(
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

/** `gcc --version`'s first line, for the report. */
export async function compilerVersion(): Promise<string> {
  const result = await runProcess(CC, ["--version"], { timeoutMs: 10_000 });
  return result.status === 0 ? firstLine(result) : "unknown";
}

export const mebibytes = (kib: number | null | undefined): string => (kib == null ? "-" : (kib / 1024).toFixed(1));

/** One program's timings in a benchmark, or why it has none. */
export interface Side {
  runsSec: number[];
  medianSec: number | null;
  /** Peak resident memory in KiB (of its untimed first run), or null. */
  maxRssKiB: number | null;
  error: string | null;
}

export function emptySide(error: string | null = null): Side {
  return { runsSec: [], medianSec: null, maxRssKiB: null, error };
}

/** An executable to time beside others, and its side of the result. */
export interface Timed {
  readonly side: Side;
  readonly exe: string;
  readonly label: string;
}

/**
 * Each executable's first run checks its output against `expected` and measures its peak memory
 * (and warms the caches); then `runs` timed runs, directly, alternating the executables so that
 * all see the same machine state; then each side's median.
 */
export async function timeAlternately(
  executables: readonly Timed[],
  args: readonly string[],
  runs: number,
  expected: Buffer,
  referee: string,
  rssFile: string | null,
  log: (message: string) => void,
): Promise<void> {
  for (const { side, exe, label } of executables) {
    if (side.error !== null) continue;
    const { result: check, maxRssKiB } = await runMeasured(exe, args, rssFile);
    side.error = outputError(label, check, expected, referee);
    side.maxRssKiB = maxRssKiB;
  }
  const timed = executables.filter(({ side }) => side.error === null);
  for (let r = 0; r < runs && timed.length > 0; r++) {
    log(`timed run ${r + 1}/${runs}`);
    for (const { side, exe, label } of timed) {
      const run = await runProcess(exe, args, { timeoutMs: RUN_TIMEOUT_MS });
      const error = outputError(label, run, expected, referee);
      if (error !== null) side.error = error;
      else side.runsSec.push(run.seconds);
    }
  }
  for (const { side } of executables) side.medianSec = side.error === null ? median(side.runsSec) : null;
}
