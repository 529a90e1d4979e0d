/** The `kogine` command (bin/kogine as npm links it, and bin/kogine.js): NODE_EXTRA_CA_CERTS kept from
 * kogine's own Node and given back to every process it starts, and the early zygote the command starts for
 * `kogine run X.py` before Node: taken by the run, or ended with kogine, and never troubled by a Ctrl-C. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { rootCertificates } from "node:tls";
import { KOGINE_COMMAND, kogine, latestRun, logOf, processesMarked, resultOf, scratch, until } from "./helpers.js";

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

test("kogine run X.py takes the zygote the command started first even when the CLI loads long after it is ready", {
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
    command: true,
    env: { NODE_OPTIONS: `--import ${join(dir, "register.mjs")}` },
  });
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.ok((resultOf(dir, run.id, 0) as number) >= 2, `the task's zygote was ${resultOf(dir, run.id, 0)} s old`);
  assert.equal(logOf(dir, run.id, 0, "stdout"), "out\n");
  assert.equal(logOf(dir, run.id, 0, "stderr"), "err\n");
});

test("kogine run X.py without Python says so, through the command and without it", async () => {
  const dir = scratch({ "s.py": "def main():\n    return 1\n" });
  for (const command of [true, false]) {
    const result = await kogine(["run", "s.py"], dir, { command, env: { KOGINE_PYTHON: join(dir, "no-python3") } });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot start \S*no-python3: Python 3 is needed for \.py scripts/);
  }
});

/** `kogine ARGS` through the command in a process group of its own, as a shell starts a command on a
 * terminal, with a mark every process it starts inherits (see processesMarked). */
function startCommand(args: string[], cwd: string) {
  const mark = randomUUID();
  const child = spawn(KOGINE_COMMAND, args, {
    cwd,
    env: { ...process.env, KOGINE_RUNS_DIR: join(cwd, "runs"), KOGINE_TEST_MARK: mark },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return { child, mark, exited, stderr: () => stderr };
}

test("an early zygote no run takes ends with kogine: after bad input, and after kogine is killed", {
  timeout: 60_000,
}, async () => {
  const dir = scratch({ "s.py": "rate = 0.1\ndef main():\n    return rate\n" });
  const refused = startCommand(["run", "s.py", "--strict", "--set", "rat=0.2"], dir);
  await refused.exited;
  assert.match(refused.stderr(), /rat/);
  await until(() => processesMarked(refused.mark).length === 0, "the early zygote to end", 3000);

  for (const delayMs of [20, 150]) {
    const killed = startCommand(["run", "s.py"], dir);
    await new Promise((r) => setTimeout(r, delayMs));
    killed.child.kill("SIGKILL");
    await killed.exited;
    await until(() => processesMarked(killed.mark).length === 0, `the early zygote to end (${delayMs} ms)`, 3000);
  }
});

test("a Ctrl-C as kogine run X.py starts reaches no early zygote: no traceback, no process left", {
  timeout: 60_000,
}, async () => {
  const dir = scratch({ "s.py": "import time\ndef main():\n    time.sleep(30)\n" });
  for (const delayMs of [0, 10, 40, 120, 400]) {
    const run = startCommand(["run", "s.py"], dir);
    await new Promise((r) => setTimeout(r, delayMs));
    process.kill(-(run.child.pid as number), "SIGINT"); // a terminal's Ctrl-C goes to the whole group
    await run.exited;
    assert.doesNotMatch(run.stderr(), /Traceback|KeyboardInterrupt/, `${delayMs} ms`);
    await until(() => processesMarked(run.mark).length === 0, `every process to end (${delayMs} ms)`, 3000);
  }
});
