import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { kogine, latestRun, REPO_ROOT, resultOf } from "./helpers.js";

const EXAMPLES = join(REPO_ROOT, "examples", "kogine");

async function runExample(args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), "kogine-example-"));
  const result = await kogine(
    args.map((a) => (a.includes("/") ? join(EXAMPLES, a) : a)),
    cwd,
  );
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(cwd);
  return { ...result, values: run.tasks.map((t) => resultOf(cwd, run.id, t.index)) };
}

test("example: hello in Python and JS", async () => {
  for (const script of ["hello/hello.py", "hello/hello.mjs"]) {
    const { values, stdout } = await runExample(["run", script, "--set", "name=kogine"]);
    assert.deepEqual(values, [{ greeting: "hello, kogine" }]);
    assert.equal(stdout, "hello, kogine\n");
  }
});

test("example: sweep over a training-style Python script", async () => {
  const { values } = await runExample(["run", "sweep/train.py", "-c", "sweep/sweep_config.py"]);
  assert.equal(values.length, 4);
  for (const value of values as Array<{ steps: number }>) assert.equal(value.steps, 200);
});

test("example: TypeScript script with a TypeScript config", async () => {
  const { values } = await runExample(["run", "typescript/train.ts", "-c", "typescript/config.ts"]);
  assert.deepEqual(
    (values as Array<{ model: string; warmup: number }>).map((v) => [v.model, v.warmup]),
    [
      ["linear", 20],
      ["mlp", 2],
    ],
  );
});

test("example: preprocess -> train -> evaluate pipeline", async () => {
  const steps = ["preprocess", "train", "evaluate"];
  const { values } = await runExample([
    "workflow",
    "pipeline",
    ...steps.map((s) => `pipeline/${s}.py`),
    ...steps.flatMap((s) => ["-c", `pipeline/${s}_config.py`]),
  ]);
  const evaluation = values[2] as { mean_error: number; n_train: number };
  assert.equal(evaluation.n_train, 50);
  assert.ok(evaluation.mean_error < 0.05);
});

test("example: parallel sweep", async () => {
  const { values } = await runExample([
    "workflow",
    "parallel",
    "parallel/task.py",
    "-c",
    "parallel/grid.py",
    "-w",
    "2",
  ]);
  assert.deepEqual(
    (values as Array<{ seed: number }>).map((v) => v.seed),
    [0, 1, 2, 3, 4, 5],
  );
});

test("example: metrics logged by Python and JS, compared across a sweep", async () => {
  for (const script of ["metrics/train.py", "metrics/train.mjs"]) {
    const cwd = mkdtempSync(join(tmpdir(), "kogine-example-"));
    const swept = await kogine(["run", join(EXAMPLES, script), "--sweep", "lr=0.05,0.2", "-w", "2"], cwd);
    assert.equal(swept.code, 0, swept.stderr);
    const compared = await kogine(["runs", "compare", "latest", "--sort", "loss", "--format", "json"], cwd);
    const rows = JSON.parse(compared.stdout) as Array<{
      settings: { lr: number };
      metrics: { loss: { last: number } };
    }>;
    const run = await latestRun(cwd);
    assert.deepEqual(
      rows.map((r) => r.settings.lr),
      [0.2, 0.05],
    );
    for (const [i, row] of rows.entries())
      assert.deepEqual(row.metrics.loss.last, (resultOf(cwd, run.id, i === 0 ? 1 : 0) as { loss: number }).loss);
  }
});

test("example: a module of a package, its batches scored by a spawn Pool; a NaN loss kept", async () => {
  const { values } = await runExample(["run", "package/trainer/train.py"]);
  const direct = execFileSync(
    "python3",
    ["-c", "import json; from trainer.train import main; print(json.dumps(main()))"],
    {
      cwd: join(EXAMPLES, "package"),
      encoding: "utf8",
    },
  );
  assert.deepEqual(values, [JSON.parse(direct)]);
  const empty = await runExample(["run", "package/trainer/train.py", "--set", "batch_count=0"]);
  assert.deepEqual(empty.values, [{ scores: [], loss: Number.NaN }]);
});
