// Differential test of Python's runtime library (packages/python/runtime) against CPython: float
// repr, the format-spec mini-language, int()/float() parsing, rounding, float arithmetic, the math
// module, and the random module's streams after many seeds (draws, ranges, distributions, and the
// indexes sample and shuffle pick). CPython (runtime_referee.py) makes random and corner cases and
// answers them; runtime_harness.c, linked with Python's runtime archive, answers the same commands;
// every line must agree.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ensureRuntimeArchive } from "@toolchain/compiler";
import { PYTHON_RUNTIME } from "../src/build-python.js";
import { runDifferential } from "./differential.js";
import { testToolchain, testWorkDir } from "./native-build.js";

const HARNESS_SOURCE = fileURLToPath(new URL("../../test/runtime_harness.c", import.meta.url));
const REFEREE = fileURLToPath(new URL("../../test/runtime_referee.py", import.meta.url));

async function buildHarness(): Promise<string> {
  const toolchain = testToolchain();
  const archive = await ensureRuntimeArchive(toolchain, PYTHON_RUNTIME);
  const output = join(testWorkDir(), "runtime-harness");
  const include = archive.includeDirs.flatMap((dir) => ["-I", dir]);
  const [cc, ...ccArgs] = toolchain.cc;
  const compiled = spawnSync(
    cc!,
    [...ccArgs, "-std=gnu11", "-O2", ...include, HARNESS_SOURCE, ...archive.linkArgs, "-o", output],
    { encoding: "utf8" },
  );
  assert.equal(compiled.status, 0, `compiling the runtime harness failed:\n${compiled.stderr}`);
  return output;
}

/** Decodes the hex strings of a harness line for a readable failure message. */
function readable(command: string, line: string): string {
  const kind = command.split(" ")[0]!;
  const decode = (hex: string) => (hex === "-" ? "" : Buffer.from(hex, "hex").toString("utf8"));
  const parts = command.split(" ");
  const shown = kind.startsWith("format") ? `${command} (spec ${JSON.stringify(decode(parts[2]!))})` : command;
  const isText = ["repr", "str", "format_f", "format_i", "format_b", "format_s"].includes(kind);
  return `${shown}: ${isText && /^[0-9a-f]*$/.test(line) ? JSON.stringify(decode(line)) : line}`;
}

describe("Python's runtime library against CPython", () => {
  for (const seed of [1, 2]) {
    it(`agrees on every case (seed ${seed})`, async () => {
      const harness = await buildHarness();
      const { count, wrong } = runDifferential({
        harness,
        referee: REFEREE,
        refereeArgs: [String(seed), seed === 1 ? "1" : "0.3"],
        explain: (command, expected, actual) =>
          `${readable(command, expected)}\n    runtime: ${readable(command, actual).split(": ").slice(1).join(": ")}`,
      });
      assert.ok(count > 5000);
      assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${count} cases differ`);
    });
  }
});
