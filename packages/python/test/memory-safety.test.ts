/**
 * Strings are reference counted by the compiler (packages/compiler/src/passes/reference-counting.ts).
 * Valgrind's memcheck is the referee here: string-heavy corpus programs, built as users build them,
 * must run with no invalid read, write or free, no use of uninitialised memory, and no string left
 * unreachable ("definitely lost") at exit, and still print exactly what CPython prints. (The runtime's
 * own leak checker runs on every corpus program in compile-corpus.test.ts.) Programs run in a
 * scratch directory, so a program that writes a file leaves nothing in the source tree.
 */

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createPool, describeEnd, runProcess } from "@toolchain/compiler/testing";

const BIN = fileURLToPath(new URL("../../bin/pycompile.js", import.meta.url));
const CORPUS_DIR = fileURLToPath(new URL("../../test/corpus/", import.meta.url));
const VALGRIND_FAILED = 99;

const programs = [
  "string_lifetimes",
  "string_concat_escapes",
  "fizzbuzz_variants",
  "digit_sums_palindromes",
  "fstring_bools_strings",
  "fstring_alignment_fill",
  "mutual_recursion_out_of_order",
];

const workDir = mkdtempSync(join(tmpdir(), "pycompile-memcheck-"));
after(() => rmSync(workDir, { recursive: true, force: true }));
const pool = createPool(2);

describe("memcheck finds no memory error and no leaked string", () => {
  for (const name of programs) {
    it(name, () =>
      pool(async () => {
        const source = join(CORPUS_DIR, `${name}.py`);
        const exe = join(workDir, name);
        const build = await runProcess(process.execPath, [BIN, "build", source, "-o", exe], { timeoutMs: 120_000 });
        assert.equal(build.status, 0, `build failed (${describeEnd(build)}):\n${build.stderr.toString()}`);
        const cpython = await runProcess("python3", [source], { cwd: workDir });
        const checked = await runProcess(
          "valgrind",
          [
            "--quiet",
            `--error-exitcode=${VALGRIND_FAILED}`,
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
            exe,
          ],
          { cwd: workDir, timeoutMs: 120_000 },
        );
        assert.notEqual(checked.startError, "ENOENT", "valgrind is not installed (scripts/setup.sh installs it)");
        assert.notEqual(checked.status, VALGRIND_FAILED, `memcheck reported errors:\n${checked.stderr.toString()}`);
        assert.equal(checked.status, cpython.status, describeEnd(checked));
        assert.equal(checked.stdout.toString(), cpython.stdout.toString());
      }),
    );
  }
});
