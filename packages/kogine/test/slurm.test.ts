import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { kogine, latestRun, resultOf, scratch } from "./helpers.js";

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
