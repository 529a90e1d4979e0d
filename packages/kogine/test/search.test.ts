/** `kogine run --search`: trials of real Python and JS scripts, run through the CLI. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { KOGINE_BIN, kogine, latestRun, REPO_ROOT, resultOf, scratch } from "./helpers.js";

const TRAIN_PY = `import math, time
import kogine
lr = 0.01
layers = 2
dropout = 0.0
steps = 1
pause = 0.0

def main():
    loss = None
    for step in range(steps):
        # Good settings (lr near 1e-3) give a curve that falls to a low loss; bad ones stay high.
        loss = (math.log10(lr) + 3) ** 2 + (layers - 4) ** 2 / 10 + dropout + 1.0 / (step + 1)
        kogine.log(step=step, loss=loss)
        if kogine.should_stop():
            break
        time.sleep(pause)
    return {"loss": loss, "lr": lr, "layers": layers, "dropout": dropout}
`;

const SPACE = [
  "--search",
  "lr=loguniform:1e-5:1e-1",
  "--search",
  "layers=choice:2,4,8",
  "--search",
  "dropout=uniform:0:0.5",
];

interface ComparedRow {
  index: number;
  status: string;
  metrics: Record<string, { last: number; best: number | null }>;
}

async function compared(dir: string): Promise<ComparedRow[]> {
  const shown = await kogine(["runs", "compare", "latest", "--format", "json"], dir);
  assert.equal(shown.code, 0, shown.stderr);
  return JSON.parse(shown.stdout);
}

test("a search runs its trials with values in the space, records them, and compares best first", async () => {
  const dir = scratch({ "train.py": TRAIN_PY });
  const args = ["run", "train.py", ...SPACE, "--trials", "12", "--metric", "loss", "--mode", "min", "-w", "2"];
  const result = await kogine([...args, "--seed", "7"], dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.equal(run.tasks.length, 12);
  assert.ok(run.tasks.every((t) => t.status === "succeeded"));
  const values = run.tasks.map((t) => resultOf(dir, run.id, t.index) as Record<string, number>);
  for (const v of values) {
    assert.ok(v.lr >= 1e-5 && v.lr <= 0.1, `lr ${v.lr}`);
    assert.ok([2, 4, 8].includes(v.layers), `layers ${v.layers}`);
    assert.ok(v.dropout >= 0 && v.dropout <= 0.5, `dropout ${v.dropout}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, "runs", run.id, "manifest.json"), "utf8"));
  assert.equal(manifest.invocation.metric, "loss");
  assert.equal(manifest.invocation.metricMode, "min");
  assert.equal(manifest.invocation.search.seed, 7);
  const rows = await compared(dir);
  const losses = values.map((v) => v.loss).sort((a, b) => a - b);
  assert.equal(rows[0].metrics.loss.best, losses[0]);
  // The same seed draws the same trials again, when trials end in the same order (one at a time: with
  // several, TPE draws from whichever ended first).
  const points = async () => {
    const sequential = await kogine([...args.slice(0, -2), "-w", "1", "--seed", "7", "--log-format", "quiet"], dir);
    assert.equal(sequential.code, 0, sequential.stderr);
    const { id } = await latestRun(dir);
    return [...Array(12).keys()].map((i) => resultOf(dir, id, i));
  };
  assert.deepEqual(await points(), await points());
});

test("TPE search of a JS script: choices reach it as strings and numbers, whole numbers stay whole", async () => {
  const dir = scratch({
    "train.mjs": [
      'import { log } from "kogine";',
      'export const act = "relu";',
      "export const width = 8;",
      "export const x = 0;",
      "export function main() {",
      '  const loss = (x - 0.3) ** 2 + (act === "tanh" ? 0 : 1) + Math.abs(Math.log2(width) - 5) / 10;',
      "  log({ step: 0, loss });",
      "  return { loss, act, width, x };",
      "}",
    ].join("\n"),
  });
  const result = await kogine(
    [
      "run",
      "train.mjs",
      "--search",
      "act=choice:relu,tanh",
      "--search",
      "width=logint:4:256",
      "--search",
      "x=uniform:-1:1",
    ].concat(["--trials", "14", "--metric", "loss", "--mode", "min", "--sampler", "tpe", "-w", "2", "--seed", "1"]),
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.equal(run.tasks.length, 14);
  for (const task of run.tasks) {
    const v = resultOf(dir, run.id, task.index) as Record<string, unknown>;
    assert.ok(v.act === "relu" || v.act === "tanh", `act ${v.act}`);
    assert.ok(Number.isInteger(v.width) && (v.width as number) >= 4 && (v.width as number) <= 256, `width ${v.width}`);
    assert.ok(typeof v.x === "number" && v.x >= -1 && v.x <= 1);
  }
});

test("ASHA stops trials whose curves lose: they end pruned with their metrics, the best runs to the end", async () => {
  const dir = scratch({ "train.py": TRAIN_PY });
  const result = await kogine(
    [
      "run",
      "train.py",
      ...SPACE,
      "--set",
      "steps=12",
      "--set",
      "pause=0.2",
      "--trials",
      "8",
      "--metric",
      "loss",
    ].concat(["--mode", "min", "--scheduler", "asha", "--sampler", "random", "-w", "3", "--seed", "11"]),
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  const rows = await compared(dir);
  const pruned = rows.filter((r) => r.status === "pruned");
  const succeeded = rows.filter((r) => r.status === "succeeded");
  assert.ok(pruned.length >= 2, `pruned ${pruned.length} of ${rows.length}: ${result.stderr}`);
  assert.ok(succeeded.length >= 1);
  assert.equal(rows[0].status, "succeeded", "the best trial ran to the end");
  for (const row of pruned) {
    const task = run.tasks.find((t) => t.index === row.index) as unknown as { metrics: { loss: { lastStep: number } } };
    assert.ok(task.metrics.loss.lastStep < 11, `pruned trial ${row.index} stopped early`);
    assert.ok(row.metrics.loss.last > (rows[0].metrics.loss.best as number));
  }
});

test("a search interrupted by Ctrl-C resumes: finished trials kept, the rest run and drawn", async () => {
  const dir = scratch({ "train.py": TRAIN_PY });
  const child = spawn(
    process.execPath,
    [KOGINE_BIN, "run", "train.py", ...SPACE, "--set", "steps=3", "--set", "pause=0.15", "--trials", "7"].concat([
      "--metric",
      "loss",
      "--mode",
      "min",
      "--seed",
      "5",
      "--scheduler",
      "median",
      "--log-format",
      "quiet",
    ]),
    { cwd: dir, env: { ...process.env, KOGINE_RUNS_DIR: join(dir, "runs") }, stdio: "ignore" },
  );
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  // Interrupted once three trials have ended.
  const ended = () => {
    const runs = join(dir, "runs");
    if (!existsSync(runs)) return 0;
    const [date] = readdirSync(runs);
    const [name] = date ? readdirSync(join(runs, date)) : [];
    if (!name) return 0;
    const tasks = join(runs, date, name, "tasks");
    return readdirSync(tasks).filter((t) => {
      const status = join(tasks, t, "status.json");
      return existsSync(status) && JSON.parse(readFileSync(status, "utf8")).status === "succeeded";
    }).length;
  };
  while (ended() < 3) await new Promise((r) => setTimeout(r, 50));
  child.kill("SIGINT");
  assert.equal(await exited, 130);
  const interrupted = await latestRun(dir);
  const before = interrupted.tasks.filter((t) => t.status === "succeeded");
  assert.ok(before.length >= 3 && interrupted.tasks.length < 7, `${interrupted.tasks.length} trials before resume`);
  const resumed = await kogine(["resume", "latest"], dir);
  assert.equal(resumed.code, 0, resumed.stderr);
  const run = await latestRun(dir);
  assert.equal(run.id, interrupted.id);
  assert.equal(run.tasks.length, 7);
  assert.ok(run.tasks.every((t) => t.status === "succeeded"));
  for (const task of before) {
    const now = run.tasks.find((t) => t.index === task.index);
    assert.equal(now?.attempts, 1, `trial ${task.index} was not run again`);
    assert.deepEqual(resultOf(dir, run.id, task.index), resultOf(dir, interrupted.id, task.index));
  }
});

test("a trial that returns its metric without logging it is compared by the value it returned", async () => {
  const dir = scratch({ "score.py": "x = 0.0\ndef main():\n    return x * 10\n" });
  const result = await kogine(
    ["run", "score.py", "--search", "x=uniform:0:1", "--trials", "4", "--metric", "score", "--mode", "max"],
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  const returned = run.tasks.map((t) => resultOf(dir, run.id, t.index) as number).sort((a, b) => b - a);
  const rows = await compared(dir);
  assert.deepEqual(
    rows.map((r) => r.metrics.score.best),
    returned,
  );
});

test("bad search options are rejected before a run is created", async () => {
  const dir = scratch({ "train.py": TRAIN_PY });
  const cases: Array<[string[], RegExp]> = [
    [
      ["--search", "lr=loguniform:0:1", "--trials", "3", "--metric", "loss", "--mode", "min"],
      /--search lr=loguniform:0:1: loguniform needs a low bound above 0/,
    ],
    [["--trials", "3"], /--trials applies to a search/],
    [["--search", "lr=uniform:0:1", "--metric", "loss", "--mode", "min"], /--search needs --trials N/],
    [["--search", "lr=uniform:0:1", "--trials", "3", "--mode", "min"], /--search needs --metric NAME/],
    [["--search", "lr=uniform:0:1", "--trials", "3", "--metric", "loss"], /--search needs --mode min or --mode max/],
    [
      ["--search", "lr=uniform:0:1", "--trials", "0", "--metric", "loss", "--mode", "min"],
      /--trials 0: expected a whole number >= 1/,
    ],
    [
      ["--search", "lr=uniform:0:1", "--set", "lr=3", "--trials", "2", "--metric", "loss", "--mode", "min"],
      /lr is also given a value by --set/,
    ],
    [
      ["--search", "lr=uniform:0:1", "--sweep", "layers=2,4", "--trials", "2", "--metric", "loss", "--mode", "min"],
      /--search and --sweep cannot be combined/,
    ],
  ];
  const search = ["--search", "lr=uniform:0:1", "--trials", "2", "--metric", "loss", "--mode", "min"];
  cases.push([[...search, "--launcher", "slurm"], /--search cannot use --launcher slurm/]);
  for (const [args, message] of cases) {
    const result = await kogine(["run", "train.py", ...args], dir);
    assert.equal(result.code, 1, args.join(" "));
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
  }
  assert.equal(existsSync(join(dir, "runs")), false);
});

test("the median rule stops trials worse than the median of completed ones", async () => {
  const dir = scratch({ "train.py": TRAIN_PY });
  const result = await kogine(
    [
      "run",
      "train.py",
      ...SPACE,
      "--set",
      "steps=10",
      "--set",
      "pause=0.15",
      "--trials",
      "9",
      "--metric",
      "loss",
    ].concat(["--mode", "min", "--scheduler", "median", "--sampler", "random", "-w", "2", "--seed", "4"]),
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const rows = await compared(dir);
  const pruned = rows.filter((r) => r.status === "pruned");
  assert.ok(pruned.length >= 1, `none of ${rows.length} pruned: ${result.stderr}`);
  // The best trial ran to the end, and every stopped trial had done worse than it when it stopped.
  assert.equal(rows[0].status, "succeeded");
  for (const row of pruned) assert.ok((row.metrics.loss.best as number) > (rows[0].metrics.loss.best as number));
});

test("example: search/train.py", async () => {
  const dir = scratch({});
  const script = join(REPO_ROOT, "examples", "kogine", "search", "train.py");
  const result = await kogine(
    ["run", script, "--search", "lr=loguniform:1e-4:1", "--search", "momentum=uniform:0:0.95"]
      .concat(["--search", "batch=choice:1,8,32", "--set", "pause=0", "--trials", "6", "--metric", "loss"])
      .concat(["--mode", "min", "-w", "2", "--seed", "1"]),
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const rows = await compared(dir);
  assert.equal(rows.length, 6);
  assert.ok(rows.every((r) => r.status === "succeeded"));
  const best = rows[0].metrics.loss.best as number;
  assert.ok(
    rows.every((r) => (r.metrics.loss.best ?? Number.POSITIVE_INFINITY) >= best || Number.isNaN(r.metrics.loss.best)),
  );
});
