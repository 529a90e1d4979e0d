// `luma test [PATH]`: the `#[test]` functions of a program, or of each `.ls` file of a directory,
// each run in a process of its own (one executable per file, told which test by its argument), so
// that a failed `assert`, `assert_eq` or any panic fails that test alone. Prints a line per test,
// the output of the failed ones, and `N passed, N failed` last.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OptLevel } from "@toolchain/compiler";
import { buildLumaModule, compileLuma } from "./build-luma.js";
import type { FileReader } from "./checker/program-loader.js";

export interface TestOutcome {
  readonly passed: number;
  readonly failed: number;
  /** Files that did not compile (their diagnostics were reported). */
  readonly broken: number;
}

/** The files `luma test PATH` looks at: PATH itself, or the `.ls` files of the directory, sorted. */
export function testFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((file) => file.endsWith(".ls"))
    .sort()
    .map((file) => join(path, file));
}

export async function runTests(
  files: readonly string[],
  readFile: FileReader,
  optLevel: OptLevel,
  report: (result: ReturnType<typeof compileLuma>) => boolean,
  write: (text: string) => void,
): Promise<TestOutcome> {
  let passed = 0;
  let failed = 0;
  let broken = 0;
  const dir = mkdtempSync(join(tmpdir(), "luma-test-"));
  try {
    for (const [n, file] of files.entries()) {
      const compiled = compileLuma(file, readFile, { tests: true, checkOverflow: optLevel < 2 });
      if (report(compiled) || compiled.module === null) {
        broken++;
        continue;
      }
      const tests = compiled.program.tests;
      if (tests.length === 0) continue;
      const exe = join(dir, `tests${n}`);
      await buildLumaModule(compiled.module, compiled.program, { output: exe, optLevel });
      for (const [i, test] of tests.entries()) {
        const run = spawnSync(exe, [String(i)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
        if (run.status === 0) {
          passed++;
          write(`test ${test.name} ... ok\n`);
        } else {
          failed++;
          write(`test ${test.name} ... FAILED\n`);
          const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trimEnd();
          if (output !== "") write(`${output.replace(/^/gm, "    ")}\n`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  write(
    `${passed} passed, ${failed} failed${broken > 0 ? `, ${broken} file${broken > 1 ? "s" : ""} not compiled` : ""}\n`,
  );
  return { passed, failed, broken };
}
