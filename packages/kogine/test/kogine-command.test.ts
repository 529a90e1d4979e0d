/** The `kogine` command as npm links it (bin/kogine): it starts Node without NODE_EXTRA_CA_CERTS, and every
 * process kogine starts gets the variable back, as if kogine had never touched it. */
import assert from "node:assert/strict";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { rootCertificates } from "node:tls";
import { KOGINE_COMMAND, kogine, latestRun, resultOf, scratch } from "./helpers.js";

const environmentScripts = {
  "env.py": [
    "import os",
    "def main():",
    "    return [os.environ.get('NODE_EXTRA_CA_CERTS'), os.environ.get('KOGINE_NODE_EXTRA_CA_CERTS')]",
  ].join("\n"),
  "env.mjs": [
    "export function main() {",
    "  return [process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.KOGINE_NODE_EXTRA_CA_CERTS ?? null];",
    "}",
  ].join("\n"),
};

test("through the kogine command (a link to it too), Python and JS tasks see NODE_EXTRA_CA_CERTS as it was set", async () => {
  const dir = scratch(environmentScripts);
  const caFile = join(dir, "extra-ca.pem");
  writeFileSync(caFile, rootCertificates[0]);
  // npm installs the command as a link in node_modules/.bin.
  symlinkSync(KOGINE_COMMAND, join(dir, "kogine-link"));
  for (const script of ["env.py", "env.mjs"]) {
    const result = await kogine(["run", script, "--log-format", "quiet"], dir, {
      command: join(dir, "kogine-link"),
      env: { NODE_EXTRA_CA_CERTS: caFile },
    });
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    assert.deepEqual(resultOf(dir, run.id, 0), [caFile, null], script);
  }
});

test("through the kogine command, a task sees NODE_EXTRA_CA_CERTS unset when it was unset", async () => {
  const dir = scratch(environmentScripts);
  const env = { NODE_EXTRA_CA_CERTS: undefined }; // (spawn leaves out a variable whose value is undefined)
  const result = await kogine(["run", "env.py", "--log-format", "quiet"], dir, { command: true, env });
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 0), [null, null]);
});
