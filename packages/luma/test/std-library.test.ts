// The standard library's LumaScript files (packages/luma/std): their own `#[test]` functions, run
// by `luma test` as a user runs them, in a debug build (overflow panics) and a release build.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const LUMA = fileURLToPath(new URL("../../bin/luma", import.meta.url));
const STD = fileURLToPath(new URL("../../std/", import.meta.url));

const declaredTests = readdirSync(STD)
  .filter((file) => file.endsWith(".ls"))
  .map((file) => readFileSync(`${STD}${file}`, "utf8").split("#[test]").length - 1)
  .reduce((a, b) => a + b, 0);

describe("the standard library's own tests", () => {
  for (const level of ["-O1", "-O2"]) {
    test(`pass at ${level}`, () => {
      const run = spawnSync(LUMA, ["test", level, STD], { encoding: "utf8" });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.ok(declaredTests >= 9, `${declaredTests} tests declared`);
      assert.equal(run.stdout.trim().split("\n").at(-1), `${declaredTests} passed, 0 failed`);
    });
  }
});
