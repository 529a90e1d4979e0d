/**
 * The pycompile command line, run as users run it: `node packages/python/bin/pycompile.js ...` in a
 * child process. Expected ASTs and syntax errors come from python3 (CPython 3.11) in the same run.
 */

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/pycompile.js", import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL("../../package.json", import.meta.url));
const PYTHON = process.env.PYCOMPILE_PYTHON || "python3";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function pycompile(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `pycompile ast` must print, computed by CPython: one dump or one SyntaxError line per file. */
const REFERENCE_AST = `
import ast, sys
attributes = sys.argv[1] == "1"
for path in sys.argv[2:]:
    try:
        print(ast.dump(ast.parse(open(path, "rb").read()), include_attributes=attributes))
    except SyntaxError as e:
        print(f"SyntaxError: {path}:{e.lineno}:{e.offset}: {e.msg}")
`;

function cpythonAst(files: string[], attributes = false): string {
  const result = spawnSync(PYTHON, ["-c", REFERENCE_AST, attributes ? "1" : "0", ...files], { encoding: "utf8" });
  assert.equal(result.status, 0, `${PYTHON} failed: ${result.stderr}`);
  return result.stdout;
}

/** CPython's SyntaxError for a file: [lineno, offset, msg]. */
function cpythonSyntaxError(file: string): [number, number, string] {
  const code = `
import ast, json, sys
try:
    ast.parse(open(sys.argv[1], "rb").read())
    print("null")
except SyntaxError as e:
    print(json.dumps([e.lineno, e.offset, e.msg]))
`;
  const result = spawnSync(PYTHON, ["-c", code, file], { encoding: "utf8" });
  assert.equal(result.status, 0, `${PYTHON} failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as [number, number, string] | null;
  assert.notEqual(parsed, null, `CPython accepts ${file}`);
  return parsed!;
}

const dir = mkdtempSync(join(tmpdir(), "pycompile-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function pyFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const tiny = pyFile("tiny.py", "x = 1\nprint(f'{x + 1!r:>4}')\n");
const second = pyFile("second.py", "def f(a, /, *b, c=2):\n    return [y for y in b if y]\n");
const broken = pyFile("broken.py", "total = (1 +\n         2\n");

/** Stack frames look like "    at fn (file:line:col)"; bad input must never show one. */
const STACK_FRAME = /^\s+at /m;

describe("pycompile", () => {
  test("the referee is CPython 3.11", () => {
    const result = spawnSync(PYTHON, ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"], {
      encoding: "utf8",
    });
    assert.equal(result.stdout.trim(), "True", `${PYTHON} must be CPython 3.11 (set PYCOMPILE_PYTHON)`);
  });

  test("--help lists the commands and exits 0", () => {
    const run = pycompile("--help");
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: pycompile /);
    assert.match(run.stdout, /^\s+ast \[options\] <file\.\.\.>/m);
    assert.match(run.stdout, /^\s+check \[options\] <file\.\.\.>/m);
    assert.equal(run.stderr, "");
  });

  test("every command has --help", () => {
    const ast = pycompile("ast", "--help");
    assert.equal(ast.status, 0);
    assert.match(ast.stdout, /^Usage: pycompile ast /);
    assert.match(ast.stdout, /--attributes/);
    const check = pycompile("check", "--help");
    assert.equal(check.status, 0);
    assert.match(check.stdout, /^Usage: pycompile check /);
    assert.match(check.stdout, /--verbose/);
  });

  test("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string };
    const run = pycompile("--version");
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  test("the `pycompile` command that npm links (a shell launcher) runs the same CLI, with its exit status", () => {
    const launcher = fileURLToPath(new URL("../../bin/pycompile", import.meta.url));
    const viaLauncher = spawnSync(launcher, ["check", broken], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    const direct = pycompile("check", broken);
    assert.equal(viaLauncher.status, 1);
    assert.equal(viaLauncher.stderr, direct.stderr);
    const version = spawnSync(launcher, ["--version"], { encoding: "utf8" });
    assert.equal(version.stdout, pycompile("--version").stdout);
  });

  test("an unknown option exits 1 with commander's message", () => {
    const run = pycompile("ast", "--no-such-option", tiny);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /unknown option '--no-such-option'/);
    assert.equal(run.stdout, "");
    assert.doesNotMatch(run.stderr, STACK_FRAME);
  });

  test("an unknown command exits 1", () => {
    const run = pycompile("frobnicate", tiny);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /unknown command 'frobnicate'/);
  });

  test("no command prints usage on stderr and exits 1", () => {
    const run = pycompile();
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^Usage: pycompile /);
  });

  test("a command without files exits 1", () => {
    const run = pycompile("ast");
    assert.equal(run.status, 1);
    assert.match(run.stderr, /missing required argument 'file'/);
  });

  test("a file that cannot be read is named with the OS reason, and exits 1", () => {
    const missing = join(dir, "missing.py");
    const run = pycompile("ast", missing);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, `pycompile: cannot read '${missing}': No such file or directory\n`);
  });

  test("a directory is not a readable file", () => {
    const sub = join(dir, "package");
    mkdirSync(sub, { recursive: true });
    const run = pycompile("check", sub);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `pycompile: cannot read '${sub}': Is a directory\n`);
  });

  test("ast prints exactly what CPython's ast.dump prints", () => {
    const run = pycompile("ast", tiny);
    assert.equal(run.stderr, "");
    assert.equal(run.stdout, cpythonAst([tiny]));
    assert.equal(run.status, 0);
  });

  test("ast --attributes includes positions exactly as CPython does", () => {
    const run = pycompile("ast", "--attributes", tiny, second);
    assert.equal(run.stderr, "");
    assert.equal(run.stdout, cpythonAst([tiny, second], true));
    assert.equal(run.status, 0);
  });

  test("ast reports a syntax error in the file's place, goes on, and exits 1", () => {
    const run = pycompile("ast", tiny, broken, second);
    assert.equal(run.stdout, cpythonAst([tiny, broken, second]));
    assert.match(run.stdout, /^SyntaxError: /m);
    assert.equal(run.stderr, "");
    assert.equal(run.status, 1);
  });

  test("ast goes on after an unreadable file and exits 1", () => {
    const missing = join(dir, "also-missing.py");
    const run = pycompile("ast", missing, tiny);
    assert.equal(run.stdout, cpythonAst([tiny]));
    assert.match(run.stderr, /^pycompile: cannot read /);
    assert.equal(run.status, 1);
  });

  test("check is silent for a file the compiler accepts", () => {
    const run = pycompile("check", tiny);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, "");
  });

  test("check reports a construct outside the compiled subset at its position, and exits 1", () => {
    const run = pycompile("check", second);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^error: unsupported: positional-only parameters$/m);
    assert.match(run.stderr, new RegExp(`--> ${second.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:1:7$`, "m"));
  });

  test("check --verbose reports each file", () => {
    const run = pycompile("check", "--verbose", tiny);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${tiny}: ok\nchecked 1 file: no errors\n`);
  });

  test("check renders a syntax error with its location and source line, and exits 1", () => {
    const [lineno, offset, msg] = cpythonSyntaxError(broken);
    const run = pycompile("check", broken);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, "");
    const lines = run.stderr.split("\n");
    assert.equal(lines[0], `error: ${msg}`);
    assert.equal(lines[1], ` --> ${broken}:${lineno}:${offset}`);
    const sourceLine = readFileSync(broken, "utf8").split("\n")[lineno - 1]!;
    assert.ok(lines.includes(`${lineno} | ${sourceLine}`), run.stderr);
    assert.match(run.stderr, /^\s+\| +\^/m);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
  });
});
