// The demo of pycompile's main job: compile ordinary Python to a native executable that prints
// exactly what CPython prints, much faster. Part 1 builds a numeric program, runs it next to
// CPython and compares output and time (exit 1 if the outputs differ). Part 2 shows the parser:
// `pycompile ast` next to CPython's own ast.dump, then how `pycompile check` reports errors.
// Run it with `npm run demo` (which builds first).

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PYCOMPILE = fileURLToPath(new URL("../packages/python/bin/pycompile.js", import.meta.url));
const PYTHON = process.env.PYCOMPILE_PYTHON || "python3";
const CPYTHON_DUMP = "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))";

const NUMERIC = `import math
import sys


def collatz_length(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
best, best_n = 0, 0
for n in range(1, limit):
    length = collatz_length(n)
    if length > best:
        best, best_n = length, n
primes = 0
for n in range(limit):
    if is_prime(n):
        primes += 1
print(f"longest Collatz chain below {limit:,}: {best} steps, from {best_n}")
print(f"primes below {limit:,}: {primes} ({primes / limit:.3%})")
print(f"pi: {math.pi:.10f}, sqrt(2): {math.sqrt(2)}")
`;

const MIXED = `def label(n):
    if n % 3 == 0:
        return "fizz"
    return n


row = [label(i) for i in range(1, 7)]
print(row, sum(x for x in row if isinstance(x, int)))
print({"name": "ada", "born": 1815, "langs": ["en", "fr"]})
`;

const REFUSED = `class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point(1, 2).x)
`;

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

  console.log(bold("pycompile demo, part 1: Python compiled to a native executable"));
  console.log(`\nIn ${dir}:`);
  writeFileSync(join(dir, "numeric.py"), NUMERIC);
  console.log(`\n${bold("numeric.py")}:`);
  console.log(numbered(NUMERIC));
  const build = run(process.execPath, [PYCOMPILE, "build", "numeric.py", "-o", "numeric", "--timings"]);
  console.log(`\n${bold("pycompile build numeric.py -o numeric --timings")}  (exit ${build.status})`);
  process.stdout.write(build.stdout);
  process.stdout.write(build.stderr);
  if (build.status !== 0) {
    status = 1;
  } else {
    const timed = (command, args) => {
      const start = process.hrtime.bigint();
      const result = run(command, args);
      return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
    };
    const native = timed(join(dir, "numeric"), []);
    const cpython = timed(PYTHON, ["numeric.py"]);
    console.log(`\n${bold("./numeric")}  (${native.seconds.toFixed(2)} s)`);
    process.stdout.write(native.result.stdout);
    console.log(`\n${bold(`${PYTHON} numeric.py`)}  (${cpython.seconds.toFixed(2)} s)`);
    process.stdout.write(cpython.result.stdout);
    const same = native.result.stdout === cpython.result.stdout && native.result.status === cpython.result.status;
    const speedup = (cpython.seconds / native.seconds).toFixed(0);
    console.log(`\n${bold("Same output:")} ${same ? `yes, and ${speedup}x faster than CPython` : "NO"}`);
    if (!same) status = 1;
  }
  writeFileSync(join(dir, "label.py"), MIXED);
  console.log(`\n${bold("label.py")} (values of several types: a function returning a str or an int, a mixed dict):`);
  console.log(numbered(MIXED));
  const mixed = run(process.execPath, [PYCOMPILE, "run", "label.py"]);
  console.log(`\n${bold("pycompile run label.py")}  (exit ${mixed.status})`);
  process.stdout.write(mixed.stdout);
  process.stdout.write(mixed.stderr);
  const mixedByCPython = run(PYTHON, ["label.py"]);
  const sameMixed = mixed.stdout === mixedByCPython.stdout && mixed.status === mixedByCPython.status;
  console.log(`${bold("Same output as CPython:")} ${sameMixed ? "yes" : "NO"}`);
  if (!sameMixed) status = 1;

  writeFileSync(join(dir, "point.py"), REFUSED);
  console.log(`\n${bold("point.py")} (a class, which the compiled subset does not have yet):`);
  console.log(numbered(REFUSED));
  console.log(`\n${bold("pycompile build point.py")}`);
  const refused = spawnSync(process.execPath, [PYCOMPILE, "build", "point.py"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  console.log(`(exit ${refused.status}: 1 means the compiler refused the program, saying where and why)`);
  if (refused.status !== 1) status = 1;

  console.log(`\n${bold("pycompile demo, part 2: the parser agrees with CPython's")}`);
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
