// Valgrind's memcheck as the referee of compiled LumaScript's memory: programs of test/programs that
// exercise every kind of object (arrays of strings and structs, maps, rc trees, closures, nullable
// references, fixed arrays copied by value), built as users build them, must run with no invalid
// read, write or free, no use of uninitialised memory and nothing definitely lost, and print what
// their .out files say. (The runtime's leak checker runs on every program in native.test.ts.)

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createPool, describeEnd, runProcess } from "@toolchain/compiler/testing";

const LUMA = fileURLToPath(new URL("../../bin/luma", import.meta.url));
const PROGRAMS_DIR = fileURLToPath(new URL("../../test/programs/", import.meta.url));
const VALGRIND_FAILED = 99;

const programs = [
  "growable_arrays_ok",
  "maps_ok",
  "reference_counted",
  "higher_order_arrays",
  "fixed_arrays_ok",
  "recursive_through_arrays",
  "structs_and_enums_with_strings",
  "weak_references",
  "pointers_and_c_functions",
  "mempool_linked_list_ok",
];

const workDir = mkdtempSync(join(tmpdir(), "luma-memcheck-"));
after(() => rmSync(workDir, { recursive: true, force: true }));
const pool = createPool(2);

describe("memcheck finds no memory error and nothing lost in compiled LumaScript", () => {
  for (const name of programs) {
    it(name, () =>
      pool(async () => {
        // A program that ends in a panic is run without its last `println` (the `_ok` names), so
        // that valgrind sees a whole run to its normal end.
        const base = name.replace(/_ok$/, "");
        const lines = readFileSync(join(PROGRAMS_DIR, `${base}.ls`), "utf8").split("\n");
        const source = name.endsWith("_ok")
          ? lines.filter((_line, i) => i !== lines.findLastIndex((l) => l.trim().startsWith("println"))).join("\n")
          : lines.join("\n");
        const file = join(workDir, `${name}.ls`);
        const exe = join(workDir, name);
        writeFileSync(file, source);
        const build = await runProcess(LUMA, ["build", file, "-o", exe], { timeoutMs: 120_000 });
        assert.equal(build.status, 0, `build ${describeEnd(build)}: ${build.stderr.toString()}`);
        const run = await runProcess(
          "valgrind",
          ["-q", "--leak-check=full", "--errors-for-leak-kinds=definite", `--error-exitcode=${VALGRIND_FAILED}`, exe],
          { cwd: workDir, timeoutMs: 300_000 },
        );
        assert.equal(run.status, 0, `valgrind ${describeEnd(run)}:\n${run.stderr.toString()}`);
        const expected = readFileSync(join(PROGRAMS_DIR, `${base}.out`), "utf8");
        assert.equal(run.stdout.toString(), expected);
      }),
    );
  }
});
