/**
 * The compile corpus: every program in test/corpus/ is run by CPython 3.11 (the referee) and
 * compiled by `pycompile build` into an executable that is run with the same arguments. Standard
 * output must be identical byte for byte, and so must the last line of standard error and the exit
 * status. When CPython prints a traceback, ours must list the same frames (line and function).
 *
 * Header comments at the top of a corpus program:
 *   # argv: a b c       arguments for both runs (split on whitespace)
 *   # stdin: 1 2 3      standard input for both runs: the words, one per line
 *
 * Each compiled program runs with the leak checker (TOOLCHAIN_CHECK_LEAKS=1), which must report 0 live
 * objects; its report is taken out of stderr before the comparison.
 *
 * Every program in test/corpus-refused/ must be refused by `pycompile build` with exit status 1 and
 * a diagnostic on stderr: `error:`, the substring of its `# expect: ...` header, and the position
 * `FILE:LINE:COL` (exactly the one in its `# at: LINE[:COL]` header).
 *
 * Builds run at most two at a time. `PYCOMPILE_CORPUS_OPT=2` builds with -O2 (default: the
 * compiler's default level); `--test-name-pattern` selects programs by file name.
 */

import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createPool, describeEnd, type ProcessResult, runProcess } from "@toolchain/compiler/testing";

const BIN = fileURLToPath(new URL("../../bin/pycompile.js", import.meta.url));
const CORPUS_DIR = fileURLToPath(new URL("../../test/corpus/", import.meta.url));
const REFUSED_DIR = fileURLToPath(new URL("../../test/corpus-refused/", import.meta.url));
const PYTHON = process.env.PYCOMPILE_PYTHON || "python3";
const OPT_LEVEL = process.env.PYCOMPILE_CORPUS_OPT;

const BUILD_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 30_000;
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", PYTHONUTF8: "1", PYTHONDONTWRITEBYTECODE: "1" };

const workDir = mkdtempSync(join(tmpdir(), "pycompile-corpus-"));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** Child processes that compile or run programs: two at a time on a two-core machine. */
const pool = createPool(2);

interface CorpusProgram {
  name: string;
  path: string;
  argv: string[];
  /** What both runs read on stdin. */
  stdin: string;
}

interface RefusedProgram {
  name: string;
  path: string;
  expect: string;
  line: number | null;
  column: number | null;
}

/** The comment lines at the top of a file, without their "# ". */
function headerComments(source: string): string[] {
  const comments: string[] = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("#")) break;
    comments.push(line.replace(/^#\s?/, ""));
  }
  return comments;
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".py"))
    .sort();
}

function loadCorpus(): CorpusProgram[] {
  return pythonFiles(CORPUS_DIR).map((name) => {
    const path = join(CORPUS_DIR, name);
    const header = headerComments(readFileSync(path, "utf8"));
    const argvLine = header.find((line) => line.startsWith("argv:"));
    return {
      name,
      path,
      argv: argvLine ? argvLine.slice("argv:".length).trim().split(/\s+/).filter(Boolean) : [],
      stdin: words(header.find((line) => line.startsWith("stdin:"))?.slice("stdin:".length) ?? "")
        .map((word) => `${word}\n`)
        .join(""),
    };
  });
}

function words(line: string): string[] {
  return line.trim().split(/\s+/).filter(Boolean);
}

function loadRefused(): RefusedProgram[] {
  return pythonFiles(REFUSED_DIR).map((name) => {
    const path = join(REFUSED_DIR, name);
    const header = headerComments(readFileSync(path, "utf8"));
    const expectLine = header.find((line) => line.startsWith("expect:"));
    if (!expectLine) throw new Error(`${path}: no "# expect: ..." header`);
    const at = header.find((line) => line.startsWith("at:"))?.match(/^at:\s*(\d+)(?::(\d+))?\s*$/);
    return {
      name,
      path,
      expect: expectLine.slice("expect:".length).trim(),
      line: at ? Number(at[1]) : null,
      column: at?.[2] ? Number(at[2]) : null,
    };
  });
}

let probe: Promise<string | null> | undefined;

/**
 * Null when `pycompile --help` lists a build command; otherwise why not, so that every test fails at
 * once with that reason instead of spawning a build per program.
 */
function buildCommandUnavailable(): Promise<string | null> {
  probe ??= runProcess(process.execPath, [BIN, "--help"], { env: ENV, timeoutMs: BUILD_TIMEOUT_MS }).then((result) => {
    const help = text(result.stdout);
    if (result.status === 0 && /^\s+build\b/m.test(help)) return null;
    if (result.status !== 0)
      return `\`pycompile --help\` failed (${describeEnd(result)}):\n${indent(head(text(result.stderr)))}`;
    const commands = [...help.matchAll(/^ {2}(\w[\w-]*)/gm)].map((m) => m[1]).join(", ");
    return `pycompile has no build command yet (\`pycompile --help\` lists: ${commands})`;
  });
  return probe;
}

function buildArgs(source: string, output: string): string[] {
  const args = [BIN, "build", source, "-o", output];
  if (OPT_LEVEL) args.push(`-O${OPT_LEVEL}`);
  return args;
}

function text(bytes: Buffer): string {
  return bytes.toString("utf8");
}

function lastLine(stderr: string): string {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "");
  return lines.length > 0 ? lines[lines.length - 1]! : "";
}

/** Traceback frames as "line N in NAME", from "  File "...", line N, in NAME" lines. */
function tracebackFrames(stderr: string): string[] {
  const frames: string[] = [];
  for (const match of stderr.matchAll(/^ {2}File "[^"]*", line (\d+), in (.+)$/gm)) {
    frames.push(`line ${match[1]} in ${match[2]}`);
  }
  return frames;
}

function indent(block: string, prefix = "    "): string {
  return block
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
}

/** The first lines of a text, for messages. */
function head(block: string, maxLines = 30): string {
  const lines = block.replace(/\n$/, "").split("\n");
  if (lines.length <= maxLines) return lines.join("\n");
  return `${lines.slice(0, maxLines).join("\n")}\n... (${lines.length - maxLines} more lines)`;
}

/**
 * A line diff in unified style (" " same, "-" expected only, "+" actual only) with three lines of
 * context around each change. Lines are shown JSON-quoted, so spaces, tabs and "\r" are visible.
 */
function lineDiff(expected: string, actual: string, maxOutputLines = 60): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  // Common prefix and suffix first: the LCS table then covers only the changed middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: [" " | "-" | "+", string][] = [];
  for (let i = Math.max(0, start - 3); i < start; i++) ops.push([" ", a[i]!]);
  if (midA.length * midB.length <= 4_000_000) {
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push([" ", midA[i]!]);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        ops.push(["-", midA[i++]!]);
      } else {
        ops.push(["+", midB[j++]!]);
      }
    }
  } else {
    for (const line of midA) ops.push(["-", line]);
    for (const line of midB) ops.push(["+", line]);
  }
  for (let i = endA; i < Math.min(a.length, endA + 3); i++) ops.push([" ", a[i]!]);
  // Keep changes and up to three lines of context around them.
  const keep = ops.map((_, k) => ops.slice(Math.max(0, k - 3), k + 4).some(([kind]) => kind !== " "));
  const out: string[] = [`first difference at line ${start + 1}`, "--- expected (CPython)", "+++ actual (pycompile)"];
  let skipped = false;
  for (let k = 0; k < ops.length; k++) {
    if (!keep[k]) {
      skipped = true;
      continue;
    }
    if (skipped) out.push("  ...");
    skipped = false;
    out.push(`${ops[k]![0]} ${JSON.stringify(ops[k]![1])}`);
    if (out.length >= maxOutputLines) {
      out.push("  ... (diff truncated)");
      break;
    }
  }
  return out.join("\n");
}

interface Expected {
  stdout: string;
  status: number;
  /** The last line of stderr must equal this, or satisfy the check when it is a function. */
  lastStderrLine: string | ((line: string) => boolean);
  lastStderrDescription: string;
  /** Frames that our traceback must list, or null when no traceback is expected. */
  frames: string[] | null;
}

function expectationFromCPython(program: CorpusProgram, cpython: ProcessResult): Expected {
  const stdout = text(cpython.stdout);
  const stderr = text(cpython.stderr);
  assert.ok(
    cpython.status !== null,
    `corpus error: CPython did not finish ${program.name}: ${describeEnd(cpython, RUN_TIMEOUT_MS)}`,
  );
  const hasTraceback = stderr.includes("Traceback (most recent call last):");
  return {
    stdout,
    status: cpython.status,
    lastStderrLine: lastLine(stderr),
    lastStderrDescription: JSON.stringify(lastLine(stderr)),
    frames: hasTraceback ? tracebackFrames(stderr) : null,
  };
}

function compareRun(_program: CorpusProgram, expected: Expected, ours: ProcessResult): string[] {
  const problems: string[] = [];
  const stdout = text(ours.stdout);
  const stderr = text(ours.stderr);
  if (ours.status !== expected.status) {
    problems.push(`exit: expected status ${expected.status}, got ${describeEnd(ours, RUN_TIMEOUT_MS)}`);
  }
  if (!Buffer.from(expected.stdout, "utf8").equals(ours.stdout)) {
    problems.push(`stdout differs:\n${indent(lineDiff(expected.stdout, stdout))}`);
  }
  const last = lastLine(stderr);
  const lastOk =
    typeof expected.lastStderrLine === "function" ? expected.lastStderrLine(last) : last === expected.lastStderrLine;
  if (!lastOk) {
    problems.push(`last line of stderr: expected ${expected.lastStderrDescription}, got ${JSON.stringify(last)}`);
  }
  if (expected.frames !== null) {
    if (!stderr.includes("Traceback (most recent call last):")) {
      problems.push('stderr has no "Traceback (most recent call last):" line');
    } else if (expected.frames !== null) {
      const frames = tracebackFrames(stderr);
      if (frames.join("\n") !== expected.frames.join("\n")) {
        problems.push(
          `traceback frames differ (outermost first):\n${indent(lineDiff(expected.frames.join("\n"), frames.join("\n")))}`,
        );
      }
    }
  }
  if (problems.length > 0 && stderr !== "") problems.push(`our stderr:\n${indent(head(stderr))}`);
  return problems;
}

/** Every compiled corpus program runs with the leak checker: it must free every object it made. */
const LEAK_CHECK_ENV: NodeJS.ProcessEnv = { ...ENV, TOOLCHAIN_CHECK_LEAKS: "1" };

/** The leak checker's report (its first line and the lines of live objects after it), and the rest. */
function splitLeakReport(stderr: string): { report: string; rest: string } {
  const lines = stderr.split("\n");
  const at = lines.findIndex((line) => line.startsWith("leak check: "));
  if (at < 0) return { report: "", rest: stderr };
  let end = at + 1;
  while (end < lines.length && lines[end]!.startsWith("  ")) end++;
  return { report: lines.slice(at, end).join("\n"), rest: [...lines.slice(0, at), ...lines.slice(end)].join("\n") };
}

const corpus = loadCorpus();
const refused = loadRefused();

describe("compile corpus: compiled programs behave exactly as CPython runs them", { concurrency: true }, () => {
  it("has programs", () => {
    assert.ok(corpus.length >= 70, `only ${corpus.length} programs in ${CORPUS_DIR}`);
  });

  for (const program of corpus) {
    it(program.name, async () => {
      const unavailable = await buildCommandUnavailable();
      if (unavailable !== null) assert.fail(unavailable);
      const exe = join(workDir, basename(program.name, ".py"));
      const command = `pycompile build ${program.name}${OPT_LEVEL ? ` -O${OPT_LEVEL}` : ""}`;
      const build = await pool(() =>
        runProcess(process.execPath, buildArgs(program.path, exe), { env: ENV, timeoutMs: BUILD_TIMEOUT_MS }),
      );
      if (build.status !== 0) {
        assert.fail(
          `${command} failed (${describeEnd(build, BUILD_TIMEOUT_MS)}):\n${indent(head(text(build.stderr) || text(build.stdout)))}`,
        );
      }
      const cpython = await pool(() =>
        runProcess(PYTHON, [program.path, ...program.argv], {
          cwd: workDir,
          env: ENV,
          timeoutMs: RUN_TIMEOUT_MS,
          input: program.stdin,
        }),
      );
      const expected = expectationFromCPython(program, cpython);
      const ours = await pool(() =>
        runProcess(exe, program.argv, {
          cwd: workDir,
          env: LEAK_CHECK_ENV,
          timeoutMs: RUN_TIMEOUT_MS,
          input: program.stdin,
        }),
      );
      const { report, rest } = splitLeakReport(text(ours.stderr));
      const problems = compareRun(program, expected, { ...ours, stderr: Buffer.from(rest, "utf8") });
      if (report !== "leak check: 0 live objects") {
        problems.push(`the leak check reported:\n${indent(report === "" ? "(nothing)" : report)}`);
      }
      if (problems.length > 0) {
        const args = program.argv.length > 0 ? ` ${program.argv.join(" ")}` : "";
        assert.fail(`${program.name}${args}: the compiled program differs from CPython\n${problems.join("\n")}`);
      }
    });
  }
});

describe("compile corpus: programs outside the subset are refused with a diagnostic", { concurrency: true }, () => {
  it("has programs", () => {
    assert.ok(refused.length >= 12, `only ${refused.length} programs in ${REFUSED_DIR}`);
  });

  for (const program of refused) {
    it(program.name, async () => {
      const unavailable = await buildCommandUnavailable();
      if (unavailable !== null) assert.fail(unavailable);
      // The refusal must be about the subset: CPython itself accepts the syntax.
      const syntax = await pool(() =>
        runProcess(PYTHON, ["-c", "import ast, sys; ast.parse(open(sys.argv[1], 'rb').read())", program.path], {
          env: ENV,
        }),
      );
      assert.equal(syntax.status, 0, `corpus error: CPython rejects ${program.name}:\n${text(syntax.stderr)}`);

      const exe = join(workDir, `refused-${basename(program.name, ".py")}`);
      const build = await pool(() =>
        runProcess(process.execPath, buildArgs(program.path, exe), { env: ENV, timeoutMs: BUILD_TIMEOUT_MS }),
      );
      const stderr = text(build.stderr);
      const problems: string[] = [];
      if (build.status !== 1) problems.push(`expected exit status 1, got ${describeEnd(build, BUILD_TIMEOUT_MS)}`);
      if (!stderr.includes("error:")) problems.push('stderr has no "error:"');
      if (!stderr.includes(program.expect)) problems.push(`stderr does not contain ${JSON.stringify(program.expect)}`);
      const position =
        program.line === null
          ? null
          : program.column === null
            ? `${program.path}:${program.line}:`
            : `${program.path}:${program.line}:${program.column}`;
      if (position !== null && !stderr.includes(position)) {
        problems.push(`stderr does not give the position ${position}${program.column === null ? "COL" : ""}`);
      } else if (position === null && !new RegExp(`${escapeRegExp(program.path)}:\\d+:\\d+`).test(stderr)) {
        problems.push(`stderr does not give a position ${program.path}:LINE:COL`);
      }
      if (/^\s+at .+\(.*:\d+:\d+\)$/m.test(stderr)) problems.push("stderr contains a JavaScript stack trace");
      if (problems.length > 0) {
        assert.fail(
          `${program.name}: not refused as expected\n${problems.join("\n")}\nstderr:\n${indent(head(stderr))}`,
        );
      }
    });
  }
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
