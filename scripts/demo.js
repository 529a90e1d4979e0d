// The demo of pycompile's main job so far: parse Python exactly as CPython 3.11 does.
// Writes a small Python program to a temporary directory, prints `pycompile ast` of it next to
// CPython's own ast.dump, says whether they are identical (exit 1 if not), then shows how
// `pycompile check` reports a syntax error. Run it with `npm run demo` (which builds first).

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PYCOMPILE = fileURLToPath(new URL("../packages/python/bin/pycompile.js", import.meta.url));
const PYTHON = process.env.PYCOMPILE_PYTHON || "python3";
const CPYTHON_DUMP = "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))";

const PROGRAM = `import functools


def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args!r}")
        return func(*args, **kwargs)

    return wrapper


@trace
def describe(shape):
    match shape:
        case {"kind": "circle", "r": r} if r > 0:
            return f"circle of area {3.14159 * r**2:.2f}"
        case [x, y, *rest]:
            return f"polygon from ({x}, {y}) with {len(rest)} more points"
        case str() | bytes() as name:
            return f"named {name!s:>10}"
        case _:
            return "unknown"


if (n := len(shapes := [{"kind": "circle", "r": 2}, [0, 0, 1, 1], "hexagon"])) > 1:
    for s in shapes:
        print(describe(s))
`;

const BROKEN = `def greet(name):
    message = f"hello {name}"
    print(message
    return message
`;

const bold = (text) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${text}\x1b[0m` : text);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    console.error(`demo: cannot run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  return result;
}

function numbered(text) {
  return text
    .trimEnd()
    .split("\n")
    .map((line, i) => `${String(i + 1).padStart(4)} | ${line}`.trimEnd())
    .join("\n");
}

/** Where two strings first differ, with a little context, for a readable verdict. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  return `first difference at character ${i}:\n  pycompile: ...${a.slice(from, i + 40)}\n  CPython:   ...${b.slice(from, i + 40)}`;
}

const dir = mkdtempSync(join(tmpdir(), "pycompile-demo-"));
let status = 0;
try {
  // The files are named relative to the temporary directory, where the commands run.
  const programPath = "shapes.py";
  const brokenPath = "greet.py";
  writeFileSync(join(dir, programPath), PROGRAM);
  writeFileSync(join(dir, brokenPath), BROKEN);

  console.log(bold("pycompile demo: parse Python exactly as CPython 3.11 does"));
  console.log(`\nIn ${dir}:`);
  console.log(`\n${bold(programPath)} (f-strings, match, the walrus operator, decorators):`);
  console.log(numbered(PROGRAM));

  const ours = run(process.execPath, [PYCOMPILE, "ast", programPath]);
  console.log(`\n${bold(`pycompile ast ${programPath}`)}  (exit ${ours.status})`);
  process.stdout.write(ours.stdout);
  process.stderr.write(ours.stderr);

  const theirs = run(PYTHON, ["-c", CPYTHON_DUMP, programPath]);
  console.log(`\n${bold(`${PYTHON} -c "${CPYTHON_DUMP}" ${programPath}`)}  (exit ${theirs.status})`);
  process.stdout.write(theirs.stdout);
  process.stderr.write(theirs.stderr);

  const identical = ours.status === 0 && theirs.status === 0 && ours.stdout === theirs.stdout;
  if (identical) {
    console.log(`\n${bold("Identical:")} yes, ${theirs.stdout.trimEnd().length} characters, character for character.`);
  } else {
    console.log(`\n${bold("Identical:")} NO`);
    if (ours.status === 0 && theirs.status === 0) console.log(firstDifference(ours.stdout, theirs.stdout));
    status = 1;
  }

  console.log(`\n${bold(brokenPath)} (a syntax error):`);
  console.log(numbered(BROKEN));
  const cpythonError = run(PYTHON, [
    "-c",
    "import ast,sys\ntry: ast.parse(open(sys.argv[1],'rb').read())\nexcept SyntaxError as e: print(f'SyntaxError: {e.msg} (line {e.lineno}, column {e.offset})')",
    brokenPath,
  ]);
  console.log(`\n${bold("CPython says:")} ${cpythonError.stdout.trim()}`);
  console.log(`\n${bold(`pycompile check ${brokenPath}`)}`);
  const check = spawnSync(process.execPath, [PYCOMPILE, "check", brokenPath], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  console.log(`(exit ${check.status}: 1 means the file has a syntax error)`);
  if (check.status !== 1) status = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = status;
