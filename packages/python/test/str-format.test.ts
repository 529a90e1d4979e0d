// `format % args` and str.format against CPython: the runtime functions (runtime/py_str_format.c)
// through str_format_harness.c on thousands of random formats and arguments, and a list of corners,
// that str_format_referee.py answers, with the leak checker on.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCHarness } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME } from "../src/build-python.js";
import { runDifferential } from "./differential.js";

const HARNESS = fileURLToPath(new URL("../../test/str_format_harness.c", import.meta.url));
const REFEREE = fileURLToPath(new URL("../../test/str_format_referee.py", import.meta.url));

describe("% formatting and str.format against CPython", () => {
  it("agree on random formats and arguments, output and errors, leaking nothing", async () => {
    const harness = await buildCHarness(HARNESS, "the str format harness", PYTHON_RUNTIME);
    const { count, wrong, stderr } = runDifferential({
      harness,
      referee: REFEREE,
      refereeArgs: ["1", "4000"],
      harnessEnv: { TOOLCHAIN_CHECK_LEAKS: "1" },
      explain: (command, expected, actual) => `${command}\n    CPython: ${expected}\n    runtime: ${actual}`,
    });
    assert.ok(count > 7900, `${count} cases`);
    assert.equal(stderr, "leak check: 0 live objects\n");
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${count} cases differ`);
  });
});
