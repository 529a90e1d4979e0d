import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { RunStore } from "../src/run-store.js";
import { kogine, latestRun, resultOf, scratch, until } from "./helpers.js";

test("--launcher slurm --dry-run prints an array job whose elements run kogine for task i", async () => {
  const dir = scratch({
    "t.py": "import kogine\nseed = 0\ndef main():\n    kogine.log(double=seed * 2)\n    return seed * 2\n",
  });
  const result = await kogine(
    ["workflow", "parallel", "t.py", "--sweep", "seed=5,6,7", "-w", "2", "--launcher", "slurm", "--dry-run"],
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const script = result.stdout;
  assert.match(script, /^#!\/bin\/bash\n/);
  assert.match(script, /#SBATCH --array=0-2%2\n/);
  assert.match(script, /exec '.*node' '.*bin\/kogine\.js' task '.*runs\/.*' "\$SLURM_ARRAY_TASK_ID"\n/);
  const run = await latestRun(dir);
  assert.equal(run.status, "submitted");
  // Slurm is not installed here: run the job script as Slurm would run array element 1.
  const element = spawnSync("bash", ["-c", script], {
    cwd: dir,
    env: { ...process.env, SLURM_ARRAY_TASK_ID: "1" },
    encoding: "utf8",
  });
  assert.equal(element.status, 0, element.stderr);
  assert.equal(resultOf(dir, run.id, 1), 12);
  const after = await latestRun(dir);
  assert.deepEqual(
    after.tasks.map((t) => t.status),
    ["pending", "succeeded", "pending"],
  );
  // The element's metrics are in its record, as a local task's are.
  const metrics = (after.tasks[1] as unknown as { metrics: Record<string, { last: number }> }).metrics;
  assert.equal(metrics.double.last, 12);
  const noSlurm = await kogine(["run", join(dir, "t.py"), "--launcher", "slurm"], dir, {
    env: { PATH: "/nonexistent" },
  });
  assert.equal(noSlurm.code, 1);
  assert.match(noSlurm.stderr, /sbatch not found: Slurm is not installed here/);
});

test("--slurm-* options reach the job script, and every path in it survives spaces and quotes", async () => {
  const awkward = `it's a "quoted" dir`;
  const dir = scratch({ [`${awkward}/t.py`]: "seed = 0\ndef main():\n    return seed + 1\n" });
  const runsDir = join(dir, awkward, "my runs");
  const result = await kogine(
    [
      ...["run", join(dir, awkward, "t.py"), "--sweep", "seed=1,2", "--launcher", "slurm", "--dry-run"],
      ...["--runs-dir", runsDir, "--slurm-partition", "gpu", "--slurm-time", "2:00:00", "--slurm-gpus", "a100:2"],
      ...["--slurm-mem", "16G", "--slurm-cpus", "8"],
    ],
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const script = result.stdout;
  assert.equal(spawnSync("bash", ["-n"], { input: script }).status, 0, "bash reads the script");
  const directives = Object.fromEntries(
    script
      .split("\n")
      .filter((line) => line.startsWith("#SBATCH "))
      .map((line) => sbatchDirective(line.slice("#SBATCH ".length))),
  );
  assert.equal(directives["--partition"], "gpu");
  assert.equal(directives["--time"], "2:00:00");
  assert.equal(directives["--gpus"], "a100:2");
  assert.equal(directives["--mem"], "16G");
  assert.equal(directives["--cpus-per-task"], "8");
  const run = await latestRun(dir).catch(() => null);
  assert.equal(run, null, "the run is under --runs-dir, not ./runs");
  const shown = JSON.parse((await kogine(["runs", "show", "latest", "--runs-dir", runsDir, "--json"], dir)).stdout);
  assert.equal(directives["--output"], join(runsDir, shown.id, "tasks", "slurm-%A_%a.out"));
  const element = spawnSync("bash", ["-c", script], {
    cwd: dir,
    env: { ...process.env, SLURM_ARRAY_TASK_ID: "1" },
    encoding: "utf8",
  });
  assert.equal(element.status, 0, element.stderr);
  const after = JSON.parse((await kogine(["runs", "show", "latest", "--runs-dir", runsDir, "--json"], dir)).stdout);
  assert.deepEqual(
    after.tasks.map((t: { status: string }) => t.status),
    ["pending", "succeeded"],
  );
});

/** An `#SBATCH` line's option and value as sbatch reads them: quotes group, a backslash escapes the next
 * character (Slurm's sbatch/opt.c, _get_argument). */
function sbatchDirective(text: string): [string, string] {
  let word = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") word += text[++i];
    else if (quote === c) quote = null;
    else if (quote) word += c;
    else if (c === '"' || c === "'") quote = c;
    else if (c === " ") break;
    else word += c;
  }
  const at = word.indexOf("=");
  return [word.slice(0, at), word.slice(at + 1)];
}

test("a Slurm element asked to stop (RunStore.requestStop from another process) is killed after the grace, pruned, not failed", {
  timeout: 60_000,
}, async () => {
  const dir = scratch({
    "stubborn.py": "import time\ndef main():\n    open('started', 'w').close()\n    time.sleep(60)\n",
  });
  const planned = await kogine(["run", "stubborn.py", "--launcher", "slurm", "--dry-run"], dir);
  assert.equal(planned.code, 0, planned.stderr);
  const run = await latestRun(dir);
  const element = spawn("bash", ["-c", planned.stdout], {
    cwd: dir,
    env: { ...process.env, SLURM_ARRAY_TASK_ID: "0" },
    stdio: "ignore",
  });
  const ended = new Promise<number | null>((resolve) => element.on("close", resolve));
  await until(() => existsSync(join(dir, "started")), "the task to start");
  const askedAt = Date.now();
  RunStore.open(join(dir, "runs", run.id)).requestStop(0, 500);
  assert.equal(await ended, 0);
  assert.ok(Date.now() - askedAt < 5000, "killed after the grace, not after its 60 s");
  const after = await latestRun(dir);
  assert.equal(after.tasks[0].status, "pruned");
});
