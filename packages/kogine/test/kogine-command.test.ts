/** The `kogine` command (bin/kogine as npm links it, and bin/kogine.js): NODE_EXTRA_CA_CERTS kept from
 * kogine's own Node and given back to every process it starts, and the early zygote of `kogine run X.py`. */
import assert from "node:assert/strict";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { rootCertificates } from "node:tls";
import { KOGINE_COMMAND, kogine, latestRun, logOf, resultOf, scratch } from "./helpers.js";

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

test("kogine run X.py takes the zygote it started first even when the CLI loads long after it is ready", {
  timeout: 60_000,
}, async () => {
  // A module hook holds the CLI's loading back 2 s: the early zygote is ready meanwhile and connects its first
  // task's output socket. The task's parent (its zygote) must then be 2 s old, not one started after the CLI.
  const dir = scratch({
    "s.py": [
      "import os, subprocess, sys",
      "def main():",
      "    print('out')",
      "    print('err', file=sys.stderr)",
      "    age = subprocess.check_output(['ps', '-o', 'etime=', '-p', str(os.getppid())], text=True).strip()",
      "    return sum(float(part) * 60**i for i, part in enumerate(reversed(age.replace('-', ':').split(':'))))",
    ].join("\n"),
    "hold-cli.mjs": [
      "export async function load(url, context, next) {",
      "  if (/\\/cli(\\.bundle)?\\.js$/.test(url)) await new Promise((resolve) => setTimeout(resolve, 2000));",
      "  return next(url, context);",
      "}",
    ].join("\n"),
    "register.mjs": 'import { register } from "node:module";\nregister("./hold-cli.mjs", import.meta.url);\n',
  });
  const result = await kogine(["run", "s.py", "--log-format", "quiet"], dir, {
    env: { NODE_OPTIONS: `--import ${join(dir, "register.mjs")}` },
  });
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.ok((resultOf(dir, run.id, 0) as number) >= 2, `the task's zygote was ${resultOf(dir, run.id, 0)} s old`);
  assert.equal(logOf(dir, run.id, 0, "stdout"), "out\n");
  assert.equal(logOf(dir, run.id, 0, "stderr"), "err\n");
});
