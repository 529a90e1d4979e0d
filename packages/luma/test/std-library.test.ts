// The standard library's LumaScript files (packages/luma/std): their own `#[test]` functions, run
// by `luma test` as a user runs them, in a debug build (overflow panics) and a release build; and
// its functions compiled once, into a cached object that programs link.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { compileLuma } from "../src/build-luma.js";
import { stdLibraryObject, usesStdLibrary } from "../src/std-library-build.js";

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

describe("the standard library compiled once", () => {
  test("a program's build calls the cached library's functions instead of compiling them", async () => {
    const program = 'import "std/math.ls";\nfunc main() { println("{}", gcd(84, 36)); }\n';
    const compiled = compileLuma("main.ls", (path) => (path === "main.ls" ? program : undefined), {});
    assert.ok(compiled.module !== null, compiled.diagnostics.map((d) => d.message).join("\n"));
    const gcd = compiled.module.functions.find((fn) => fn.displayName === "gcd");
    assert.ok(gcd !== undefined);
    const body = gcd.blocks.flatMap((block) => block.instructions);
    assert.deepEqual(
      body.map((inst) => (inst.kind === "call_extern" ? inst.callee.name : inst.kind)),
      ["luma_std_math_gcd"],
    );
    assert.ok(usesStdLibrary(compiled.program));

    const object = await stdLibraryObject(false);
    const symbols = spawnSync("nm", ["--defined-only", object], { encoding: "utf8" }).stdout;
    assert.match(symbols, / T luma_std_math_gcd\n/);
    assert.match(symbols, / T luma_std_text_pad_left\n/);
    // Cached: the same file, not built again.
    const { mtimeMs } = statSync(object);
    assert.equal(await stdLibraryObject(false), object);
    assert.equal(statSync(object).mtimeMs, mtimeMs);
  });

  test("two builds at once in one process share one build, and leave the object alone in the cache", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "luma-std-cache-"));
    try {
      const [first, second] = await Promise.all([stdLibraryObject(true, cacheDir), stdLibraryObject(true, cacheDir)]);
      assert.equal(first, second);
      assert.deepEqual(readdirSync(cacheDir), [basename(first)]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
