// End-to-end: the LumaScript programs of test/programs compiled to native executables and run with
// the leak checker, their output compared with output written by hand (the language's definition:
// there is no other implementation to ask); and programs using constructs not lowered yet, refused
// with E0400.
// Builds run two at a time (the machine is shared); each program runs under a timeout.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildLumaModule, compileLuma } from "../src/build-luma.js";

/**
 * A program of test/programs: NAME.ls, its expected stdout in NAME.out, its stdin in NAME.in if
 * there is one (else none), and in comments at its top `// expect-status: N` (default 0),
 * `// expect-stderr: LINE` lines (default none) and `// opt-level: N` (default 1, a debug build,
 * whose integer overflow panics). It runs in a directory of its own.
 */
interface Case {
  readonly name: string;
  readonly source: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly stdin: string;
  readonly optLevel: 0 | 1 | 2 | 3;
}

const PROGRAMS_DIR = fileURLToPath(new URL("../../test/programs/", import.meta.url));

const CASES: readonly Case[] = readdirSync(PROGRAMS_DIR)
  .filter((file) => file.endsWith(".ls"))
  .sort()
  .map((file) => {
    const source = readFileSync(join(PROGRAMS_DIR, file), "utf8");
    const header = (key: string) =>
      source
        .split("\n")
        .filter((line) => line.startsWith(`// ${key}: `))
        .map((line) => line.slice(`// ${key}: `.length));
    const stderr = header("expect-stderr");
    return {
      name: file,
      source,
      stdout: readFileSync(join(PROGRAMS_DIR, file.replace(/\.ls$/, ".out")), "utf8"),
      stderr: stderr.length === 0 ? "" : `${stderr.join("\n")}\n`,
      status: Number(header("expect-status")[0] ?? "0"),
      optLevel: Number(header("opt-level")[0] ?? "1") as 0 | 1 | 2 | 3,
      stdin: existsSync(join(PROGRAMS_DIR, file.replace(/\.ls$/, ".in")))
        ? readFileSync(join(PROGRAMS_DIR, file.replace(/\.ls$/, ".in")), "utf8")
        : "",
    };
  });

/** Programs using a construct not lowered yet, and the text its diagnostic must contain. */
const UNSUPPORTED: readonly [string, string, string][] = [
  ["the address of a string variable", 'func main() { let s = "x"; let p = &s; }', "holding references"],
  ["a pointer to strings", "func main() { let p = alloc(string, 2); }", "pointers to `string`"],
  ["a C function as a value", "extern func labs(x: i64) -> i64;\nfunc main() { let f = labs; }", "C functions"],
];

/** Compiles `source` as `name`; the files it imports are read from disk (test/programs/lib, std/). */
function compile(source: string, name = "main.ls", optLevel = 1) {
  const readFile = (path: string) => {
    if (path === name) return source;
    const file = isAbsolute(path) ? path : join(PROGRAMS_DIR, path);
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  };
  return compileLuma(name, readFile, { checkOverflow: optLevel < 2 });
}

let dir = "";
const results = new Map<string, { stdout: string; stderr: string; status: number | null } | Error>();

/** Runs the tasks, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "luma-native-"));
  await pool(CASES, 2, async (c) => {
    try {
      const compiled = compile(c.source, c.name, c.optLevel);
      const errors = compiled.diagnostics.filter((d) => d.severity === "error");
      if (compiled.module === null) throw new Error(errors.map((d) => d.message).join("\n"));
      const exe = join(dir, `p${CASES.indexOf(c)}`);
      await buildLumaModule(compiled.module, compiled.program, { output: exe, optLevel: c.optLevel });
      const run = spawnSync(exe, [], {
        cwd: dir,
        input: c.stdin,
        timeout: 10_000,
        maxBuffer: 1_000_000,
        encoding: "utf8",
        env: { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" },
      });
      results.set(c.name, { stdout: run.stdout, stderr: run.stderr, status: run.status });
    } catch (error) {
      results.set(c.name, error instanceof Error ? error : new Error(String(error)));
    }
  });
});

after(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("LumaScript programs run natively", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const result = results.get(c.name);
      assert.ok(result !== undefined, "built and run");
      if (result instanceof Error) throw result;
      assert.equal(result.stdout, c.stdout);
      // The leak checker reports last, on every exit (a panic's too).
      const lines = result.stderr.split("\n");
      const report = lines.splice(-2, 1)[0];
      assert.equal(lines.join("\n"), c.stderr);
      assert.equal(report, "leak check: 0 live objects");
      assert.equal(result.status, c.status);
    });
  }
});

describe("constructs not lowered yet are refused with a diagnostic", () => {
  for (const [name, source, text] of UNSUPPORTED) {
    test(name, () => {
      const compiled = compile(source);
      assert.equal(compiled.module, null);
      const diagnostics = compiled.diagnostics.filter((d) => d.severity === "error");
      assert.ok(diagnostics.length > 0, "a diagnostic");
      const first = diagnostics[0]!;
      assert.equal(first.code, "E0400", first.message);
      assert.match(first.message, /not supported yet by the compiler/);
      assert.ok(first.message.includes(text), first.message);
    });
  }

  test("a program without main", () => {
    const compiled = compile("func f() {}");
    assert.equal(compiled.module, null);
    assert.ok(compiled.diagnostics.some((d) => d.code === "E0401"));
  });
});
