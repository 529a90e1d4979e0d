import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Parallel } from "../src/index.js";
import { KOGINE_BIN, kogine, latestRun, logOf, readFile, resultOf, scratch } from "./helpers.js";

test("sequential runs steps in order and stops at the first failure", async () => {
  const dir = scratch({
    "a.py": "def main():\n    open('order.txt', 'a').write('a')\n    return 'a'\n",
    "fail.py": "def main():\n    raise RuntimeError('step failed')\n",
    "b.mjs":
      "import { appendFileSync } from 'node:fs';\nexport function main() { appendFileSync('order.txt', 'b'); return 'b'; }\n",
  });
  const ok = await kogine(["workflow", "sequential", "a.py", "b.mjs", "a.py"], dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(readFile(join(dir, "order.txt")), "aba");
  const failed = await kogine(["workflow", "sequential", "a.py", "fail.py", "b.mjs"], dir);
  assert.equal(failed.code, 1);
  assert.equal(readFile(join(dir, "order.txt")), "abaa");
  const run = await latestRun(dir);
  assert.deepEqual(
    run.tasks.map((t) => t.status),
    ["succeeded", "failed", "pending"],
  );
});

test("pipeline passes each step's return value to the next config as prev, and all as results", async () => {
  const dir = scratch({
    "count.py": "n = 3\ndef main():\n    return list(range(n))\n",
    "total.mjs": "export const items = [];\nexport function main() { return items.reduce((a, b) => a + b, 0); }\n",
    "report.py": "total = 0\nfirst = None\ndef main():\n    return {'total': total, 'first': first}\n",
    "count_config.py": "n = 5\n",
    "total_config.mjs": "export function config({ prev }) { return { items: prev }; }\n",
    "report_config.py": "total = prev\nfirst = results[0]\n",
  });
  const result = await kogine(
    [
      "workflow",
      "pipeline",
      "count.py",
      "total.mjs",
      "report.py",
      "-c",
      "count_config.py",
      "-c",
      "total_config.mjs",
      "-c",
      "report_config.py",
    ],
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 2), { total: 10, first: [0, 1, 2, 3, 4] });
});

test("parallel: N worker slots, results in submission order, failures named without stopping the others", async () => {
  const dir = scratch({
    "t.py":
      "import os, time\nseed = 0\ndef main():\n    time.sleep(0.05 * (seed % 3))\n    if seed == 4:\n        raise ValueError('seed 4 is cursed')\n    return {'seed': seed, 'worker': int(os.environ['KOGINE_WORKER_ID']), 'task': int(os.environ['KOGINE_TASK_INDEX'])}\n",
  });
  const result = await kogine(["workflow", "parallel", "t.py", "--sweep", "seed=0,1,2,3,4,5,6,7", "-w", "3"], dir);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /task 4 \(t\.py seed=4\) failed: ValueError: seed 4 is cursed/);
  assert.match(result.stderr, /failed tasks: 4;/);
  const run = await latestRun(dir);
  assert.equal(run.tasks.filter((t) => t.status === "succeeded").length, 7);
  for (const task of run.tasks.filter((t) => t.status === "succeeded")) {
    const value = resultOf(dir, run.id, task.index) as { seed: number; worker: number; task: number };
    assert.equal(value.seed, task.index);
    assert.equal(value.task, task.index);
    assert.ok(value.worker >= 0 && value.worker < 3);
  }
  const resumed = await kogine(["resume", run.id], dir);
  assert.equal(resumed.code, 1, "the cursed seed fails again");
  const after = await latestRun(dir);
  assert.equal(after.id, run.id);
  assert.equal(after.tasks[4].attempts, 2); // counted over resumes
});

test("--resume re-runs only tasks that did not succeed; --retries retries with backoff", async () => {
  const dir = scratch({
    "flaky.py": [
      "import os",
      "seed = 0",
      "def main():",
      "    marker = f'ran-{seed}'",
      "    first = not os.path.exists(marker)",
      "    open(marker, 'a').write('x')",
      "    if seed == 1 and first:",
      "        raise RuntimeError('first attempt fails')",
      "    return seed",
    ].join("\n"),
  });
  const first = await kogine(["run", "flaky.py", "--sweep", "seed=0,1,2"], dir);
  assert.equal(first.code, 1);
  const run = await latestRun(dir);
  const resumed = await kogine(["run", "--resume", run.id], dir);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.deepEqual(
    [0, 1, 2].map((i) => readFile(join(dir, `ran-${i}`)).length),
    [1, 2, 1],
  );
  const retried = await kogine(
    ["run", "flaky.py", "--sweep", "seed=1", "--set", "unused=0", "--retries", "2", "--retry-delay", "10"],
    scratch({ "flaky.py": readFile(join(dir, "flaky.py")) }),
  );
  assert.equal(retried.code, 0, retried.stderr);
  assert.match(retried.stderr, /attempt 1 failed \(RuntimeError: first attempt fails\); retrying in 10 ms/);
});

test("Ctrl-C on a terminal stops the children and records them as interrupted; tasks waiting for their slot never start", async () => {
  const slow = {
    "slow.py": [
      "import time",
      "seed = 0",
      "open(f'loaded-{seed}', 'w').close()",
      "def main():",
      "    open(f'started-{seed}', 'w').close()",
      "    time.sleep(30)",
    ].join("\n"),
    "slow.mjs": [
      'import { writeFileSync } from "node:fs";',
      "export const seed = 0;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "writeFileSync(`loaded-${seed}`, '');",
      "export async function main() {",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "  writeFileSync(`started-${seed}`, '');",
      "  await new Promise((r) => setTimeout(r, 30000));",
      "}",
    ].join("\n"),
  };
  for (const script of Object.keys(slow)) {
    const dir = scratch(slow);
    // A process group of its own, which gets the SIGINT as a terminal's foreground group does: kogine, its
    // zygotes and spares, the running tasks and those waiting for their turn alike.
    const child = spawn(
      process.execPath,
      [KOGINE_BIN, "workflow", "parallel", script, "--sweep", "seed=0,1,2,3", "-w", "2"],
      {
        cwd: dir,
        env: { ...process.env, KOGINE_RUNS_DIR: join(dir, "runs") },
        stdio: "ignore",
        detached: true,
      },
    );
    while (readdirSync(dir).filter((f) => f.startsWith("started-")).length < 2)
      await new Promise((r) => setTimeout(r, 50));
    process.kill(-(child.pid as number), "SIGINT");
    const code = await new Promise((resolve) => child.on("close", resolve));
    assert.equal(code, 130, script);
    const run = await latestRun(dir);
    assert.equal(run.status, "interrupted", script);
    assert.deepEqual(
      run.tasks.map((t) => t.status),
      ["interrupted", "interrupted", "pending", "pending"],
      script,
    );
    assert.deepEqual(
      readdirSync(dir)
        .filter((f) => f.startsWith("loaded-"))
        .sort(),
      ["loaded-0", "loaded-1"],
      `${script}: no code of the waiting tasks ran`,
    );
    for (const index of [0, 1]) {
      assert.doesNotMatch(logOf(dir, run.id, index, "stderr"), /kogine_runner|task-runner/, `${script}: clean log`);
    }
  }
});

test("--log-format json writes one event per line; the library API runs the same flows", async () => {
  const dir = scratch({ "s.mjs": "export const x = 1;\nexport function main() { return x * 10; }\n" });
  const result = await kogine(
    ["workflow", "parallel", "s.mjs", "--sweep", "x=1,2", "--log-format", "json", "-w", "2"],
    dir,
  );
  const events = result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.equal(events.filter((e) => e.event === "task-finished").length, 2);
  assert.equal(events.at(-1).event, "run-finished");
  const api = await new Parallel([join(dir, "s.mjs")], {
    sweep: { x: [3, 4] },
    workers: 2,
    runsDir: join(dir, "api-runs"),
    logFormat: "quiet",
  }).run();
  assert.equal(api.status, "succeeded");
  assert.deepEqual(api.results, [30, 40]);
  assert.ok(existsSync(join(api.runDir, "tasks", "0001", "stdout.log")));
});
