/**
 * npm run bench:handlers [-- --runs R] [--size N] [--only KERNEL,...] [--keep DIR]
 *
 * What an error handler costs when nothing is raised. One hot loop, as Python code would be lowered:
 *
 *   def f(acc, i):
 *       return acc + (i & 255)          # a checked add: raises OverflowError
 *   for i in range(n):
 *       acc = f(acc, i)
 *
 * built twice from IR text: "plain", where a failure leaves the function (unwind to the caller),
 * and "handler", the same loop inside a handler region (try/except): every instruction of the loop
 * that can fail has `unwind caught`, and the handler prints the exception, then the loop's result
 * is printed as on the normal path. One table row per kernel, the loop's body being:
 *   - call:     the call of f, which LLVM inlines;
 *   - inline:   the checked add written in the loop itself;
 *   - indirect: the call of f through a function value chosen at run time (f or its twin g), so that
 *               it is not inlined: the caller tests the pending-error byte after every call.
 * Each program reads n and the start value of acc from its command line and prints acc. Both
 * versions are first checked against the expected sum, and with a start value that overflows: the
 * handler version must print the caught exception then acc, the plain one exit 1 with the error
 * uncaught. Then they run `--runs` times each (default 11), interleaved, and the medians of their
 * CPU times (user + sys, see bench-support.ts) are compared; the difference is small, so many runs.
 * The table is printed and written to bench-results/handlers.json; `--keep DIR` keeps each
 * program's IR text, its IR after the passes, its LLVM IR before and after `opt -O2`, and assembly.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildIrProgram,
  type Contender,
  countArgument,
  emptySide,
  median,
  printTable,
  ratio,
  runError,
  type SideTimings,
  seconds,
  timedRun,
  timeInterleaved,
  writeReport,
} from "./bench-support.js";

const KERNELS = ["call", "inline", "indirect"] as const;
type Kernel = (typeof KERNELS)[number];

const USAGE =
  "usage: bench-handlers [--runs R] [--size N] [--only KERNEL,...] [--keep DIR]\n" +
  "  --runs R          timed runs of each program (default 11); medians are compared\n" +
  "  --size N          iterations of the loop (default 1000000000)\n" +
  `  --only K,K        kernels to measure, of ${KERNELS.join(", ")} (default all)\n` +
  "  --keep DIR        keep the programs and every stage of their build in DIR";

/** The target: the handler version within 2% of the plain one. */
const TARGET = 1.02;

interface Options {
  runs: number;
  size: number;
  kernels: Kernel[];
  keep: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 11, size: 1_000_000_000, kernels: [...KERNELS], keep: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--runs") options.runs = countArgument(argv[++i], 1, USAGE);
    else if (arg === "--size") options.size = countArgument(argv[++i], 1, USAGE);
    else if (arg === "--only") {
      const names = (argv[++i] ?? "").split(",").filter(Boolean);
      if (names.length === 0 || names.some((n) => !(KERNELS as readonly string[]).includes(n))) {
        console.error(USAGE);
        process.exit(1);
      }
      options.kernels = names as Kernel[];
    } else if (arg === "--keep") options.keep = argv[++i] ?? "";
    else {
      console.log(USAGE);
      process.exit(arg === "--help" || arg === "-h" ? 0 : 1);
    }
  }
  if (options.keep === "") {
    console.error(USAGE);
    process.exit(1);
  }
  return options;
}

/** The loop's body for a kernel: it reads %i (%1) and %acc (%2) and defines the new acc, %6. */
function loopBody(kernel: Kernel, unwind: string): string[] {
  switch (kernel) {
    case "call":
      return [`  %6 = call i64 @f(%2, %1) @LINE:10${unwind}`];
    case "inline":
      return [
        "  %7 = and i64 %1, 255",
        `  %6 = add i64 %2, %7 raises OverflowError "integer overflow" @LINE:10${unwind}`,
      ];
    case "indirect":
      return [`  %6 = call_indirect i64 %11(%2, %1) @LINE:10${unwind}`];
  }
}

/**
 * The program's IR text. `@LINE` in a location stands for the line it is on, so that a traceback
 * names the line of the text. f and g are the same function (g adds the other way round), so that
 * LLVM cannot know which one the function value calls, nor merge them into one.
 */
export function handlersProgram(kernel: Kernel, withHandler: boolean): string {
  const unwind = withHandler ? " unwind caught" : "";
  const choose =
    kernel === "indirect"
      ? [
          "  %8 = func_ref fn(i64, i64) -> i64 @f",
          "  %9 = func_ref fn(i64, i64) -> i64 @g",
          "  %10 = icmp ge i1 %n, 0",
          "  %11 = select fn(i64, i64) -> i64 %10, %8, %9",
        ]
      : [];
  const handler = withHandler
    ? [
        "caught:",
        "  %20 = landing ref exception",
        "  %21 = call_extern ref str @rt_exception_kind(%20)",
        "  %22 = call_extern ref str @rt_exception_message(%20)",
        '  call_extern void @rt_write_str("caught ")',
        "  call_extern void @rt_write_str(%21)",
        '  call_extern void @rt_write_str(": ")',
        "  call_extern void @rt_write_str(%22)",
        "  call_extern void @rt_write_newline()",
        "  br done",
      ]
    : [];
  const lines = [
    `; npm run bench:handlers: kernel "${kernel}", ${withHandler ? "the loop inside a handler region" : "plain"}`,
    `module "handlers_${kernel}.ir"`,
    "entry @main",
    "extern @rt_argv_get(i64) -> ref str memory any",
    "extern @test_str_to_i64(ref str) -> i64 memory read",
    "extern @rt_write_i64(i64) -> void memory any",
    "extern @rt_write_str(ref str) -> void memory any",
    "extern @rt_write_newline() -> void memory any",
    "extern @rt_exception_kind(ref exception) -> ref str memory any",
    "extern @rt_exception_message(ref exception) -> ref str memory any",
    "func @f(%acc: i64, %i: i64) -> i64 {",
    "entry:",
    "  %0 = and i64 %i, 255",
    '  %1 = add i64 %acc, %0 raises OverflowError "integer overflow" @LINE:2',
    "  ret %1",
    "}",
    "func @g(%acc: i64, %i: i64) -> i64 {",
    "entry:",
    "  %0 = and i64 %i, 255",
    '  %1 = add i64 %0, %acc raises OverflowError "integer overflow" @LINE:2',
    "  ret %1",
    "}",
    "func @run(%n: i64, %start: i64) -> void {",
    "entry:",
    ...choose,
    "  br loop",
    "loop:",
    "  %1 = phi i64 [0, entry], [%4, next]",
    "  %2 = phi i64 [%start, entry], [%6, next]",
    "  %3 = icmp lt i1 %1, %n",
    "  condbr %3, body, done",
    "body:",
    ...loopBody(kernel, unwind),
    "  br next",
    "next:",
    "  %4 = add i64 %1, 1",
    "  br loop",
    "done:",
    "  call_extern void @rt_write_i64(%2)",
    "  call_extern void @rt_write_newline()",
    "  ret",
    ...handler,
    "}",
    "func @main() -> void {",
    "entry:",
    "  %0 = call_extern ref str @rt_argv_get(1)",
    "  %1 = call_extern i64 @test_str_to_i64(%0)",
    "  %2 = call_extern ref str @rt_argv_get(2)",
    "  %3 = call_extern i64 @test_str_to_i64(%2)",
    "  call void @run(%1, %3) @LINE:0",
    "  ret",
    "}",
  ];
  return `${lines.map((line, index) => line.replace("@LINE:", `@${index + 1}:`)).join("\n")}\n`;
}

const I64_MAX = (1n << 63n) - 1n;

/** What both versions print for `n` iterations from `start` when nothing overflows. */
function expectedSum(n: bigint, start: bigint): string {
  // Each full 256 iterations add 0 + 1 + ... + 255; the rest adds 0 + 1 + ... + (r - 1).
  const rest = n % 256n;
  return `${start + (n / 256n) * 32640n + (rest * (rest - 1n)) / 2n}\n`;
}

/** The value acc had when the add overflowed, for a small `n`, or null if it does not. */
function accAtOverflow(n: number, start: bigint): bigint | null {
  let acc = start;
  for (let i = 0; i < n; i++) {
    const next = acc + BigInt(i & 255);
    if (next > I64_MAX) return acc;
    acc = next;
  }
  return null;
}

interface Row {
  kernel: Kernel;
  size: number;
  plain: SideTimings;
  handler: SideTimings;
  /** Median handler CPU time over median plain CPU time. */
  handlerOverPlain: number | null;
  /** The median of the ratios of the runs made one after the other (run r of each). */
  pairedRatio: number | null;
}

async function measureKernel(kernel: Kernel, options: Options, workDir: string): Promise<Row> {
  const log = (message: string): void => console.error(`[${kernel}] ${message}`);
  const row: Row = {
    kernel,
    size: options.size,
    plain: emptySide(),
    handler: emptySide(),
    handlerOverPlain: null,
    pairedRatio: null,
  };
  const keep = options.keep !== null;
  const versions = [
    { label: "plain", side: row.plain, withHandler: false },
    { label: "handler", side: row.handler, withHandler: true },
  ];
  const contenders: Contender[] = [];
  const overflowStart = I64_MAX - 20_000n;
  const caughtAcc = accAtOverflow(1000, overflowStart);
  for (const { label, side, withHandler } of versions) {
    const exe = join(workDir, `handlers_${kernel}-${label}`);
    const text = handlersProgram(kernel, withHandler);
    if (keep) writeFileSync(`${exe}.source.ir`, text);
    log(`build ${label}`);
    try {
      await buildIrProgram(text, exe, keep);
    } catch (error) {
      side.error = `${label} build failed: ${String(error).split("\n")[0]}`;
      continue;
    }
    // A failure must take the way of its version: caught and printed, or uncaught.
    const failing = await timedRun(exe, ["1000", String(overflowStart)]);
    if (withHandler) {
      side.error = runError(label, failing, `caught OverflowError: integer overflow\n${caughtAcc}\n`);
    } else if (failing.status !== 1 || !failing.stderr.startsWith("uncaught OverflowError: integer overflow\n")) {
      side.error = `${label}: an overflow gave exit status ${failing.status} and ${JSON.stringify(failing.stderr.slice(0, 60))}`;
    }
    contenders.push({ label, command: exe, args: [String(options.size), "0"], side });
  }
  const expected = expectedSum(BigInt(options.size), 0n);
  for (const c of contenders) {
    if (c.side.error === null) c.side.error = runError(c.label, await timedRun(c.command, c.args), expected);
  }
  await timeInterleaved(contenders, options.runs, expected, log);
  if (row.plain.medianCpuSec && row.handler.medianCpuSec) {
    row.handlerOverPlain = row.handler.medianCpuSec / row.plain.medianCpuSec;
    const pairs = row.plain.cpuSec.map((plain, r) => row.handler.cpuSec[r]! / plain);
    row.pairedRatio = median(pairs);
  }
  return row;
}

function verdict(row: Row): string {
  const errors = [row.plain.error, row.handler.error].filter((e): e is string => !!e);
  if (errors.length > 0) return errors.join("; ").slice(0, 120);
  if (row.handlerOverPlain === null) return "-";
  const percent = (row.handlerOverPlain - 1) * 100;
  const within = row.handlerOverPlain <= TARGET ? "within 2%" : "OVER 2%";
  return `${within} (${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%)`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const workDir = options.keep ?? mkdtempSync(join(tmpdir(), "bench-handlers-"));
  mkdirSync(workDir, { recursive: true });
  const rows: Row[] = [];
  try {
    for (const kernel of options.kernels) rows.push(await measureKernel(kernel, options, workDir));
  } finally {
    if (options.keep === null) rmSync(workDir, { recursive: true, force: true });
  }
  console.log(
    "the cost of a handler when nothing is raised: the same loop plain and inside a handler region " +
      `(IR, -O2); CPU time (user + sys) in s, median of ${options.runs} interleaved runs; n = ${options.size}`,
  );
  printTable(
    ["kernel", "plain s", "handler s", "handler/plain", "paired ratio", "status"],
    rows.map((r) => [
      r.kernel,
      seconds(r.plain.medianCpuSec),
      seconds(r.handler.medianCpuSec),
      ratio(r.handlerOverPlain, 3),
      ratio(r.pairedRatio, 3),
      verdict(r),
    ]),
  );
  console.log("paired ratio: the median over runs r of handler run r / plain run r (made one after the other)");
  const outFile = writeReport("handlers", {
    date: new Date().toISOString(),
    node: process.version,
    runs: options.runs,
    size: options.size,
    target: TARGET,
    measure: "median CPU seconds (user + sys) of interleaved runs",
    rows,
  });
  console.log(`written ${outFile}`);
  return rows.every((r) => !r.plain.error && !r.handler.error) ? 0 : 1;
}

process.exitCode = await main();
