// The `luma` command's test runner and leak check, run as a user runs them (bin/luma).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const LUMA = fileURLToPath(new URL("../../bin/luma", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "luma-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, "math.ls"),
  `func add(a: i64, b: i64) -> i64 { return a + b; }
func main() { let xs: Array<string> = Array::new(); xs.push("kept"); println("{}", add(1, 2)); }

#[test]
func adds_small_numbers() { assert_eq(add(2, 3), 5); }

#[test]
func adds_negative_numbers() { assert_eq(add(-2, -3), -6); }

#[test]
func checks_a_condition() { assert(add(1, 1) == 2); }
`,
);
writeFileSync(join(dir, "strings.ls"), '#[test]\nfunc strings_join() { assert_eq("a" + "b", "ab"); }\n');

describe("luma test", () => {
  test("runs every #[test] of each file, each alone, reports a failure with its values and place", () => {
    const run = spawnSync(LUMA, ["test", dir], { encoding: "utf8" });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stdout,
      [
        "test adds_small_numbers ... ok",
        "test adds_negative_numbers ... FAILED",
        "    panic: assertion `left == right` failed",
        "      left: -5",
        "     right: -6",
        `      at ${join(dir, "math.ls")}:8:32`,
        "test checks_a_condition ... ok",
        "test strings_join ... ok",
        "3 passed, 1 failed",
        "",
      ].join("\n"),
    );
  });

  test("exits 0 when every test passes, and 1 for a path that is not there", () => {
    const passing = spawnSync(LUMA, ["test", join(dir, "strings.ls")], { encoding: "utf8" });
    assert.equal(passing.status, 0, passing.stderr);
    assert.equal(passing.stdout, "test strings_join ... ok\n1 passed, 0 failed\n");
    const missing = spawnSync(LUMA, ["test", join(dir, "nope")], { encoding: "utf8" });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope: no such file or directory/);
  });
});

describe("luma run --check-leaks", () => {
  test("reports the live objects at exit after the program's output", () => {
    const run = spawnSync(LUMA, ["run", "--check-leaks", join(dir, "math.ls")], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, "3\n");
    assert.equal(run.stderr, "leak check: 0 live objects\n");
  });
});
