import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { KOGINE_BIN, kogine, scratch } from "./helpers.js";

/** Runs a command on a real pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function onTerminal(command: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      cwd,
      env: { ...process.env, KOGINE_RUNS_DIR: join(cwd, "runs"), TERM: "xterm" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}:\n${output}`))));
  });
}

const files = {
  "task.py":
    "import time\nseed = 0\ndef main():\n    time.sleep(0.2)\n    if seed == 3:\n        raise ValueError('bad seed')\n    return seed\n",
};

test("on a terminal, a live line redrawn in place shows done, failed, running and ETA", async () => {
  const dir = scratch(files);
  const screen = await onTerminal(
    `'${process.execPath}' '${KOGINE_BIN}' workflow parallel task.py --sweep seed=0,1,2,3,4,5 -w 2 || true`,
    dir,
  );
  // Each redraw returns to the start of the line and clears it.
  const draws = screen.split("\r\x1b[2K").filter((d) => d.startsWith("["));
  assert.ok(draws.length >= 6, `expected the line redrawn as tasks went, saw:\n${JSON.stringify(screen)}`);
  assert.match(draws[0]!, /^\[\.{24}\] 0\/6 done, 0 failed, \d running, ETA \?/);
  assert.ok(
    draws.some((d) => /^\[#+\.*\] [1-4]\/6 done, [01] failed, [12] running, ETA \d+s/.test(d)),
    "a line in the middle has counts and an ETA",
  );
  assert.match(draws.at(-1)!, /^\[#{24}\] 5\/6 done, 1 failed, 0 running/);
  // A failure gets a line of its own above the live line; successes do not.
  assert.match(screen, /kogine: failed +\[3\] task\.py seed=3 .*ValueError: bad seed/);
  assert.doesNotMatch(screen, /kogine: succeeded/);
});

test("off a terminal, one plain line per finished task and no redraws", async () => {
  const dir = scratch(files);
  const result = await kogine(["workflow", "parallel", "task.py", "--sweep", "seed=0,1,2,3,4,5", "-w", "2"], dir);
  assert.equal(result.code, 1);
  assert.ok(!result.stderr.includes("\x1b[2K"), "no terminal control sequences");
  const finished = result.stderr.split("\n").filter((l) => /^kogine: (succeeded|failed) +\[\d\]/.test(l));
  assert.equal(finished.length, 6, result.stderr);
});
