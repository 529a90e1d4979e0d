/**
 * npm run check:parser [-- [--verbose] [--batch-mb N] [path | glob ...]]
 *
 * Every .py file of CPython's standard library (site-packages excluded): CPython's
 * `ast.dump(ast.parse(bytes), include_attributes=True)` (from the referee, in batches, one python3
 * process per batch, running while we parse the previous batch) against our
 * `dumpAst(parseModule(decodeSource(bytes), path), true)`. Files CPython rejects are skipped and
 * counted. The last line is exactly `N/M files identical` (M = files CPython parses); exit 1 if N < M.
 *
 * Arguments restrict the file set: an existing file or directory (relative to the stdlib, else to
 * the current directory), or a glob over stdlib-relative paths (`*`, `?`, `**`), e.g.
 * `asyncio` or `'test/test_*.py'`.
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { dumpAst } from "../src/dump.js";
import { parseModule } from "../src/parser.js";
import { decodeSource } from "../src/source-decoding.js";
import { PySyntaxError } from "../src/syntax-error.js";
import {
  describeMismatch,
  describeThrown,
  listPyFiles,
  pythonVersion,
  type RefereeResult,
  runReferee,
  stdlibDir,
} from "../test/cpython-referee.js";

interface Options {
  verbose: boolean;
  batchBytes: number;
  patterns: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { verbose: false, batchBytes: 2 * 1024 * 1024, patterns: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--verbose" || arg === "-v") options.verbose = true;
    else if (arg === "--batch-mb") options.batchBytes = Math.max(1, Number(argv[++i]) * 1024 * 1024 || 0);
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: check-parser [--verbose] [--batch-mb N] [path | glob ...]");
      process.exit(0);
    } else options.patterns.push(arg);
  }
  return options;
}

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      i++;
      if (glob[i + 1] === "/") {
        i++;
        re += "(?:.*/)?";
      } else re += ".*";
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  // A pattern naming a directory selects everything under it.
  return new RegExp(`^${re}(?:/.*)?$`);
}

interface FileEntry {
  /** Name shown in reports: stdlib-relative when under the stdlib. */
  name: string;
  path: string;
  size: number;
}

function selectFiles(root: string, patterns: readonly string[]): FileEntry[] {
  const paths = new Set<string>();
  const stdlib = listPyFiles(root);
  if (patterns.length === 0) for (const rel of stdlib) paths.add(resolve(root, rel));
  for (const pattern of patterns) {
    // Relative paths name stdlib entries first, then paths from the current directory.
    const candidates = [resolve(root, pattern), resolve(pattern)];
    const hit = candidates.find((p) => existsSync(p));
    if (hit !== undefined) {
      if (statSync(hit).isDirectory()) {
        const exclude = hit === root ? ["site-packages"] : [];
        for (const rel of listPyFiles(hit, exclude)) paths.add(resolve(hit, rel));
      } else paths.add(hit);
      continue;
    }
    const re = globToRegExp(pattern);
    let matched = 0;
    for (const rel of stdlib) {
      if (re.test(rel)) {
        paths.add(resolve(root, rel));
        matched++;
      }
    }
    if (matched === 0) console.error(`warning: ${pattern} matches no file`);
  }
  return [...paths].sort().map((path) => {
    const rel = relative(root, path);
    const name = rel.startsWith("..") || isAbsolute(rel) ? path : rel;
    return { name, path, size: statSync(path).size };
  });
}

function batches(files: readonly FileEntry[], maxBytes: number): FileEntry[][] {
  const out: FileEntry[][] = [];
  let current: FileEntry[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > maxBytes || current.length >= 300)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

type Failure = {
  name: string;
  path: string;
  kind: "DIFF" | "REJECTS" | "CRASH" | "REFEREE";
  summary: string;
  detail: string;
};

/** A short key grouping similar failures, e.g. our error message without positions. */
function reasonKey(failure: Failure): string {
  if (failure.kind === "DIFF") return "DIFF (dump differs)";
  return `${failure.kind} ${failure.summary
    .replace(/\(line .*\)$/, "")
    .replace(/ at .*$/, "")
    .trim()}`.slice(0, 160);
}

function check(file: FileEntry, referee: RefereeResult): Failure | "identical" | "skipped-both" | "skipped-cpython" {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.path);
  } catch (e) {
    return {
      name: file.name,
      path: file.path,
      kind: "REFEREE",
      summary: `cannot read: ${describeThrown(e)}`,
      detail: "",
    };
  }
  let ours: string | null = null;
  let thrown: unknown = null;
  try {
    ours = dumpAst(parseModule(decodeSource(bytes, file.path), file.path), true);
  } catch (e) {
    thrown = e;
  }
  if (referee.status === "rejected") return thrown instanceof PySyntaxError ? "skipped-both" : "skipped-cpython";
  if (referee.status === "referee-error") {
    const summary = `CPython referee failed: ${referee.kind}: ${referee.msg}`;
    return { name: file.name, path: file.path, kind: "REFEREE", summary, detail: "" };
  }
  const expected = referee.dump!;
  if (ours === expected) return "identical";
  if (ours === null) {
    const kind = thrown instanceof PySyntaxError ? "REJECTS" : "CRASH";
    const detail = thrown instanceof Error && kind === "CRASH" ? (thrown.stack ?? "") : "";
    return { name: file.name, path: file.path, kind, summary: describeThrown(thrown), detail };
  }
  return {
    name: file.name,
    path: file.path,
    kind: "DIFF",
    summary: "dump differs",
    detail: describeMismatch(expected, ours),
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = stdlibDir();
  const files = selectFiles(root, options.patterns);
  const tty = process.stderr.isTTY === true;
  console.log(`CPython ${pythonVersion()} stdlib: ${root}`);
  if (files.length === 0) {
    console.log("no files selected");
    console.log("0/0 files identical");
    return 1;
  }

  const groups = batches(files, options.batchBytes);
  let identical = 0;
  let parsedByCPython = 0;
  let skippedBoth = 0;
  let skippedCPythonOnly = 0;
  let done = 0;
  let ourMs = 0;
  const failures: Failure[] = [];

  let pending = runReferee(
    groups[0]!.map((f) => ({ path: f.path })),
    { mode: "attributes" },
  );
  for (let g = 0; g < groups.length; g++) {
    const results = await pending;
    // The next batch's CPython dumps are computed while we parse this one.
    if (g + 1 < groups.length) pending = runReferee(groups[g + 1]!.map((f) => ({ path: f.path })));
    const group = groups[g]!;
    for (let i = 0; i < group.length; i++) {
      const file = group[i]!;
      if (tty) process.stderr.write(`\r\x1b[K[${done + 1}/${files.length}] ${file.name}`);
      const start = performance.now();
      const outcome = check(file, results[i]!);
      ourMs += performance.now() - start;
      done++;
      if (outcome === "skipped-both") skippedBoth++;
      else if (outcome === "skipped-cpython") skippedCPythonOnly++;
      else {
        parsedByCPython++;
        if (outcome === "identical") identical++;
        else failures.push(outcome);
      }
    }
  }
  if (tty) process.stderr.write("\r\x1b[K");

  const skipped = skippedBoth + skippedCPythonOnly;
  if (skipped > 0) {
    console.log(
      `skipped ${skipped} file(s) CPython rejects (ours rejects ${skippedBoth} of them too${
        skippedCPythonOnly > 0 ? `, accepts or crashes on ${skippedCPythonOnly}` : ""
      })`,
    );
  }
  console.log(`our decode+parse+dump time: ${(ourMs / 1000).toFixed(2)} s`);

  if (failures.length > 0) {
    const reasons = new Map<string, number>();
    for (const f of failures) reasons.set(reasonKey(f), (reasons.get(reasonKey(f)) ?? 0) + 1);
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, options.verbose ? reasons.size : 10);
    console.log(`\n${failures.length} failing file(s); most common reasons:`);
    for (const [reason, count] of top) console.log(`  ${String(count).padStart(5)}  ${reason}`);

    const detailed = options.verbose ? failures.length : 5;
    const listed = options.verbose ? failures.length : 30;
    console.log("\nfailing files:");
    failures.slice(0, listed).forEach((f, index) => {
      console.log(`  ${f.kind.padEnd(7)} ${f.name}: ${f.summary}`);
      if (index < detailed && f.detail !== "") console.log(indent(f.detail, "      "));
    });
    if (failures.length > listed) console.log(`  ... and ${failures.length - listed} more (--verbose lists all)`);
    console.log("");
  }
  console.log(`${identical}/${parsedByCPython} files identical`);
  return identical < parsedByCPython ? 1 : 0;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
}

process.exitCode = await main();
