/** A task's stdout and stderr: its own, whole and in order, however much it writes, and never mixed with
 * another task's, even when a process it started outlives it. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { kogine, latestRun, logOf, scratch } from "./helpers.js";

test("output of a process a Python task started that outlives it stays out of the next task's logs", async () => {
  const dir = scratch({
    "s.py": [
      "import subprocess, sys, time",
      "which = 0",
      "def main():",
      "    if which == 0:",
      "        # Writes to the task's stdout and stderr while the next task runs.",
      "        subprocess.Popen(['sh', '-c', 'sleep 0.4; echo late-out; echo late-err >&2'])",
      "        print('task 0')",
      "        return 0",
      "    print('task 1 starts', flush=True)",
      "    time.sleep(1.2)",
      "    print('task 1 ends')",
      "    print('task 1 err', file=sys.stderr)",
      "    return 1",
    ].join("\n"),
  });
  const result = await kogine(["workflow", "parallel", "s.py", "--sweep", "which=0,1", "-w", "1"], dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.equal(logOf(dir, run.id, 1, "stdout"), "task 1 starts\ntask 1 ends\n");
  assert.equal(logOf(dir, run.id, 1, "stderr"), "task 1 err\n");
  assert.equal(logOf(dir, run.id, 0, "stdout").split("\n")[0], "task 0");
});

test("300,000 lines of a Python task reach its log whole and in order, buffered or not", async () => {
  const script = "def main():\n    for i in range(300000):\n        print(i)\nif __name__ == '__main__':\n    main()\n";
  const dir = scratch({ "lines.py": script });
  const referee = execFileSync("python3", ["lines.py"], { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
  for (const unbuffered of ["", "1"]) {
    // (Python takes an empty PYTHONUNBUFFERED as unset.)
    const result = await kogine(["run", "lines.py", "--log-format", "quiet"], dir, {
      env: { PYTHONUNBUFFERED: unbuffered },
    });
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    assert.ok(logOf(dir, run.id, 0, "stdout") === referee, `PYTHONUNBUFFERED=${unbuffered}: the log differs`);
  }
});
