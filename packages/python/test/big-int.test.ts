// Differential test of Python's arbitrary-precision int (packages/python/runtime/py_int*.c, int
// formatting and parsing) against CPython: big_int_referee.py makes seeded random and boundary cases
// and answers them; big_int_harness.c, linked with Python's runtime archive and GMP, answers the same
// commands; every line must agree. The harness releases everything, and the leak checker must find
// no object alive at its end.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCHarness } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME } from "../src/build-python.js";
import { runDifferential } from "./differential.js";

const HARNESS_SOURCE = fileURLToPath(new URL("../../test/big_int_harness.c", import.meta.url));
const REFEREE = fileURLToPath(new URL("../../test/big_int_referee.py", import.meta.url));

/** Strings travel as hex: shows them as text in a failure message. */
function readable(text: string): string {
  return text
    .split(/[ \t]/)
    .map((word) =>
      /^([0-9a-f]{2})+$/.test(word) && word.length >= 4
        ? `${word}=${JSON.stringify(Buffer.from(word, "hex").toString("utf8"))}`
        : word,
    )
    .join(" ");
}

describe("Python's big ints against CPython", () => {
  for (const seed of [1, 2]) {
    it(`agrees on every case and leaks nothing (seed ${seed})`, async () => {
      const harness = await buildCHarness(HARNESS_SOURCE, "the big-int harness", PYTHON_RUNTIME);
      const { count, wrong, stderr } = runDifferential({
        harness,
        referee: REFEREE,
        refereeArgs: [String(seed), seed === 1 ? "1" : "0.3"],
        harnessEnv: { TOOLCHAIN_CHECK_LEAKS: "1" },
        explain: (command, expected, actual) =>
          `${readable(command)}\n    CPython: ${readable(expected)}\n    runtime: ${readable(actual)}`,
      });
      assert.ok(count > (seed === 1 ? 40000 : 10000), `${count} cases`);
      assert.equal(stderr, "leak check: 0 live objects\n");
      assert.deepEqual(wrong.slice(0, 15), [], `${wrong.length} of ${count} cases differ`);
    });
  }
});
