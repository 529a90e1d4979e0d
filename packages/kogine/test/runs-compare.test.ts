import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseExtendedJson } from "../src/extended-json.js";
import { run } from "../src/index.js";
import { modeByName } from "../src/runs-compare.js";
import { KOGINE_BIN, kogine, scratch } from "./helpers.js";

const TRAIN = [
  "import kogine",
  "lr = 0.1",
  "name = 'base'",
  "seed = 0",
  "def main():",
  "    for step in range(4):",
  "        # loss falls fastest for lr 0.2; acc is its mirror; the last step overshoots",
  "        loss = abs(lr - 0.2) + 1 / (step + 1) + (0.5 if step == 3 else 0)",
  "        kogine.log(step=step, loss=loss, acc=1 - loss)",
  "    return lr",
  "",
].join("\n");

interface Row {
  index: number;
  settings: Record<string, unknown>;
  status: string;
  durationMs: number;
  metrics: Record<string, { last: number; best: number; mode: string }>;
}

test("runs compare: varied settings, status, duration, each metric's last and best, sorted best first", async () => {
  const dir = scratch({ "train.py": TRAIN });
  const swept = await kogine(["run", "train.py", "--sweep", "lr=0.1,0.2,0.4", "--set", "seed=7", "-w", "2"], dir);
  assert.equal(swept.code, 0, swept.stderr);
  const json = await kogine(["runs", "compare", "latest", "--format", "json"], dir);
  assert.equal(json.code, 0, json.stderr);
  const rows = parseExtendedJson(json.stdout) as Row[];
  // The referee: each task's own metrics file, read here independently of the run store's summaries.
  const runDir = /run (\S+):/.exec(swept.stderr)?.[1] as string;
  const losses = new Map<number, number[]>();
  for (const row of rows) {
    const lines = readFileSync(join(runDir, "tasks", String(row.index).padStart(4, "0"), "metrics.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { loss: number; acc: number });
    losses.set(
      row.index,
      lines.map((l) => l.loss),
    );
    assert.deepEqual(row.metrics.loss, {
      last: lines[lines.length - 1].loss,
      best: Math.min(...lines.map((l) => l.loss)),
      mode: "min",
    });
    assert.deepEqual(row.metrics.acc, {
      last: lines[lines.length - 1].acc,
      best: Math.max(...lines.map((l) => l.acc)),
      mode: "max",
    });
    assert.deepEqual(Object.keys(row.settings), ["lr"]); // seed and name are the same in every task
    assert.equal(row.status, "succeeded");
  }
  assert.deepEqual(
    rows.map((r) => r.settings.lr),
    [0.1, 0.2, 0.4],
  );

  const sorted = await kogine(["runs", "compare", "latest", "--sort", "loss", "--format", "json"], dir);
  const byLoss = (parseExtendedJson(sorted.stdout) as Row[]).map((r) => r.index);
  const expected = [...rows].sort((a, b) => a.metrics.loss.best - b.metrics.loss.best).map((r) => r.index);
  assert.deepEqual(byLoss, expected);
  const maxFirst = await kogine(
    ["runs", "compare", "latest", "--sort", "loss", "--mode", "max", "--format", "json"],
    dir,
  );
  const byLossMax = parseExtendedJson(maxFirst.stdout) as Row[];
  const highest = (index: number) => Math.max(...losses.get(index)!);
  assert.deepEqual(
    byLossMax.map((r) => [r.index, r.metrics.loss.best]),
    [...losses.keys()].sort((a, b) => highest(b) - highest(a)).map((index) => [index, highest(index)]),
  );
  assert.equal(byLossMax[0].metrics.loss.mode, "max");
  assert.equal(byLossMax[0].metrics.acc.mode, "max");

  const table = await kogine(["runs", "compare", "latest", "--sort", "acc"], dir);
  const lines = table.stdout.trimEnd().split("\n");
  assert.match(lines[0], /^#\s+lr\s+status\s+duration\s+acc last\s+acc max\s+loss last\s+loss min$/);
  assert.equal(lines.length, 4);
  // Columns line up: every row's status starts where the header's does.
  const statusAt = lines[0].indexOf("status");
  for (const line of lines.slice(1)) assert.equal(line.indexOf("succeeded"), statusAt, line);
  assert.match(lines[1], /^1\s+0\.2\s+succeeded/); // the best acc first

  const csv = await kogine(["runs", "compare", "latest", "--format", "csv"], dir);
  const csvLines = csv.stdout.split("\r\n");
  assert.equal(csvLines[0], "index,lr,status,duration_s,acc.last,acc.best,loss.last,loss.best");
  assert.equal(csvLines[1].split(",")[1], "0.1");

  const missing = await kogine(["runs", "compare", "latest", "--sort", "f1"], dir);
  assert.equal(missing.code, 1);
  assert.match(
    missing.stderr,
    /^kogine: error: --sort f1: no task of run \S+ logged that metric \(logged: loss, acc\)\n$/,
  );
});

test("runs compare quotes CSV cells, and a search's metric sorts by default", async () => {
  const dir = scratch({ "train.py": TRAIN });
  const result = await run(join(dir, "train.py"), {
    runsDir: join(dir, "runs"),
    sweep: { name: ["a,b", 'say "hi"', "plain"] },
    logFormat: "quiet",
  });
  assert.equal(result.status, "succeeded");
  const csv = await kogine(["runs", "compare", "latest", "--format", "csv"], dir);
  const parsed = spawnSync(
    "python3",
    ["-c", "import csv, sys, json; print(json.dumps([r['name'] for r in csv.DictReader(sys.stdin)]))"],
    { input: csv.stdout, encoding: "utf8" },
  );
  assert.deepEqual(JSON.parse(parsed.stdout), ["a,b", 'say "hi"', "plain"]);

  // A run whose invocation says it searched for the highest loss: that metric and mode order it.
  const manifestPath = join(result.runDir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.invocation = { ...manifest.invocation, metric: "loss", mode: "max" };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const rows = parseExtendedJson(
    (await kogine(["runs", "compare", "latest", "--format", "json"], dir)).stdout,
  ) as Row[];
  assert.equal(rows[0].metrics.loss.mode, "max");
  assert.deepEqual(
    rows.map((r) => r.metrics.loss.best),
    rows.map((r) => r.metrics.loss.best).sort((a, b) => b - a),
  );
});

test("runs compare into a pipe its reader has closed (| head) ends quietly", () => {
  const dir = scratch({ "train.py": TRAIN });
  const env = { ...process.env, KOGINE_RUNS_DIR: join(dir, "runs") };
  const swept = spawnSync(process.execPath, [KOGINE_BIN, "run", "train.py", "--sweep", "lr=0.1,0.2"], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  assert.equal(swept.status, 0, swept.stderr);
  // `true` exits without reading: kogine's write meets a closed pipe.
  const command = `"${process.execPath}" "${KOGINE_BIN}" runs compare latest | true; echo "\${PIPESTATUS[0]}"`;
  const piped = spawnSync("bash", ["-c", command], { cwd: dir, env, encoding: "utf8" });
  assert.equal(piped.stderr, "");
  assert.equal(piped.stdout, "0\n");
});

test("the name rule for best: loss-like names are best at their minimum, others at their maximum", () => {
  for (const name of ["loss", "val_loss", "train/err", "error_rate", "MSE", "rmse", "test-mae", "perplexity", "nll"])
    assert.equal(modeByName(name), "min", name);
  for (const name of ["acc", "accuracy", "f1", "reward", "lossless_ratio", "terror"])
    assert.equal(modeByName(name), "max", name);
});
