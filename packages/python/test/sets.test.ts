// Differential test of sets and hashes (runtime/py_set.c, runtime/py_hash.c) against CPython: the
// hashes of ints, floats, strings, tuples and frozensets, and the iteration order of sets after every
// kind of change and operation, which is their table's order and so shows every placement. CPython
// (set_referee.py) makes seeded random cases and answers them; set_harness.c, linked with Python's
// runtime archive, answers the same commands under the leak checker; every line must agree.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCHarness } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME } from "../src/build-python.js";

const HARNESS_SOURCE = fileURLToPath(new URL("../../test/set_harness.c", import.meta.url));
const REFEREE = fileURLToPath(new URL("../../test/set_referee.py", import.meta.url));

/** A long line (a set of 60,000 elements) shortened for a failure message. */
function short(line: string): string {
  return line.length > 300 ? `${line.slice(0, 300)}… (${line.length} characters)` : line;
}

describe("sets and hashes against CPython", () => {
  const runs = [
    { seed: 1, hashSeed: "0", onlyHashes: false },
    { seed: 2, hashSeed: "12345", onlyHashes: true },
  ];
  for (const { seed, hashSeed, onlyHashes } of runs) {
    it(`agrees on every case (seed ${seed}, hash seed ${hashSeed}), leaking nothing`, async () => {
      const harness = await buildCHarness(HARNESS_SOURCE, "the sets harness", PYTHON_RUNTIME);
      const referee = spawnSync("python3", [REFEREE, String(seed), ...(onlyHashes ? ["hashes"] : [])], {
        encoding: "utf8",
        maxBuffer: 1 << 28,
        env: { ...process.env, PYTHONHASHSEED: hashSeed, PYTHONUTF8: "1" },
      });
      assert.equal(referee.status, 0, referee.stderr);
      const cases = referee.stdout
        .trimEnd()
        .split("\n")
        .map((line) => line.split("\t") as [string, string]);
      assert.ok(cases.length > 5000);
      const run = spawnSync(harness, [], {
        input: `${cases.map(([command]) => command).join("\n")}\n`,
        encoding: "utf8",
        maxBuffer: 1 << 28,
        env: { ...process.env, TOOLCHAIN_HASH_SEED: hashSeed, TOOLCHAIN_CHECK_LEAKS: "1" },
      });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr.trimEnd().split("\n").at(-1), "leak check: 0 live objects", run.stderr);
      const answers = run.stdout.split("\n");
      const wrong: string[] = [];
      cases.forEach(([command, expected], i) => {
        const actual = answers[i] ?? "(no answer)";
        if (actual !== expected)
          wrong.push(`${short(command)}\n    CPython: ${short(expected)}\n    runtime: ${short(actual)}`);
      });
      assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${cases.length} cases differ`);
    });
  }
});
