// `format % args` and str.format against CPython: the runtime functions (runtime/py_str_format.c)
// through str_format_harness.c on thousands of random formats and arguments that
// str_format_referee.py answers, with the leak checker on.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCHarness } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME } from "../src/build-python.js";

const HARNESS = fileURLToPath(new URL("../../test/str_format_harness.c", import.meta.url));
const REFEREE = fileURLToPath(new URL("../../test/str_format_referee.py", import.meta.url));

describe("% formatting and str.format against CPython", () => {
  it("agree on random formats and arguments, output and errors, leaking nothing", async () => {
    const harness = await buildCHarness(HARNESS, "the str format harness", PYTHON_RUNTIME);
    const referee = spawnSync("python3", [REFEREE, "1", "4000"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, PYTHONUTF8: "1" },
    });
    assert.equal(referee.status, 0, referee.stderr);
    const cases = referee.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t") as [string, string]);
    assert.ok(cases.length > 7900);
    const run = spawnSync(harness, [], {
      input: `${cases.map(([command]) => command).join("\n")}\n`,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "leak check: 0 live objects\n");
    const answers = run.stdout.split("\n");
    const wrong = cases.flatMap(([command, expected], i) =>
      answers[i] === expected ? [] : [`${command}\n    CPython: ${expected}\n    runtime: ${answers[i]}`],
    );
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${cases.length} cases differ`);
  });
});
