import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseExtendedJson } from "../src/extended-json.js";
import { LocalLauncher, type RunStore, run } from "../src/index.js";
import { readMetrics, summarizeMetrics } from "../src/metrics-file.js";
import { kogine, latestRun, scratch } from "./helpers.js";

const PYTHON_SHIM = fileURLToPath(new URL("../../shim/python", import.meta.url));
const SCRIPT_API = fileURLToPath(new URL("../src/node-shim/script-api.js", import.meta.url));

function metricsLines(dir: string, runId: string, index: number): Record<string, unknown>[] {
  const path = join(dir, "runs", runId, "tasks", String(index).padStart(4, "0"), "metrics.jsonl");
  return readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((line) => parseExtendedJson(line) as Record<string, unknown>);
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test("Python and JS tasks log metrics to metrics.jsonl, summarised in the task's record", async () => {
  const dir = scratch({
    "train.py": [
      "import kogine",
      "class Scalar:  # what numpy scalars and torch 0-d tensors offer",
      "    def __float__(self):",
      "        return 0.5",
      "def main():",
      "    kogine.log(step=0, loss=2.0, acc=0.1)",
      "    kogine.log(loss=1.0, acc=Scalar())",
      "    kogine.log({'loss': float('nan')}, step=5)",
      "    kogine.log(loss=float('inf'), acc=1)",
      "    return 'done'",
      "",
    ].join("\n"),
    "train.mjs": [
      'import { log } from "kogine";',
      "export function main() {",
      "  log({ step: 10, loss: 3 });",
      "  log({ loss: 1.5, acc: -Infinity });",
      "  log({ loss: Number.NaN }, 20);",
      "  return 'done';",
      "}",
      "",
    ].join("\n"),
  });
  const py = await kogine(["run", "train.py"], dir);
  assert.equal(py.code, 0, py.stderr);
  const pyRun = await latestRun(dir);
  const lines = metricsLines(dir, pyRun.id, 0);
  assert.deepEqual(
    lines.map(({ time: _time, ...rest }) => rest),
    [
      { step: 0, loss: 2, acc: 0.1 },
      { step: 1, loss: 1, acc: 0.5 },
      { step: 5, loss: Number.NaN },
      { step: 6, loss: Number.POSITIVE_INFINITY, acc: 1 },
    ],
  );
  for (const line of lines) assert.ok(Math.abs((line.time as number) - Date.now() / 1000) < 60);
  const shown = await kogine(["runs", "show", "latest", "--json"], dir);
  const record = JSON.parse(shown.stdout).tasks[0];
  assert.deepEqual(record.metrics.acc, { last: 1, min: 0.1, max: 1, count: 3, lastStep: 6 });
  assert.equal(record.metrics.loss.min, 1);
  assert.equal(record.metrics.loss.count, 4);
  // The record in the store keeps the non-finite last value as extended JSON.
  const status = readFileSync(join(dir, "runs", pyRun.id, "tasks", "0000", "status.json"), "utf8");
  assert.match(status, /"last": Infinity/);

  const js = await kogine(["run", "train.mjs"], dir);
  assert.equal(js.code, 0, js.stderr);
  const jsRun = await latestRun(dir);
  assert.deepEqual(
    metricsLines(dir, jsRun.id, 0).map(({ time: _time, ...rest }) => rest),
    [
      { step: 10, loss: 3 },
      { step: 11, loss: 1.5, acc: Number.NEGATIVE_INFINITY },
      { step: 20, loss: Number.NaN },
    ],
  );
  assert.deepEqual(jsRun.tasks[0] && (jsRun.tasks[0] as unknown as { metrics: unknown }).metrics, {
    loss: { last: null, min: 1.5, max: 3, count: 3, lastStep: 20 },
    acc: { last: null, min: null, max: null, count: 1, lastStep: 11 },
  });
});

test("a metric that is not a number fails the task with a message naming it", async () => {
  const dir = scratch({
    "bad.py": "import kogine\ndef main():\n    kogine.log(step=1, accuracy='high')\n",
    "flag.py": "import kogine\ndef main():\n    kogine.log(done=True)\n",
    "bad.mjs": 'import { log } from "kogine";\nexport function main() { log({ loss: "low" }); }\n',
  });
  for (const [script, name] of [
    ["bad.py", "'accuracy'"],
    ["flag.py", "'done'"],
    ["bad.mjs", '"loss"'],
  ]) {
    const result = await kogine(["run", script], dir);
    assert.equal(result.code, 1, script);
    assert.ok(result.stderr.includes(`metric ${name} must be a number`), result.stderr);
  }
});

test("outside kogine, log does nothing and should_stop is false", () => {
  const dir = scratch({
    "plain.py": [
      "import kogine, os",
      "kogine.log(step=1, loss=0.5)",
      "print(kogine.should_stop(), sorted(os.listdir('.')))",
      "",
    ].join("\n"),
    "plain.mjs": [
      `import { log, shouldStop } from ${JSON.stringify(SCRIPT_API)};`,
      'import { readdirSync } from "node:fs";',
      "log({ step: 1, loss: 0.5 });",
      "console.log(shouldStop(), readdirSync('.').sort().join(','));",
      "",
    ].join("\n"),
  });
  const env = { ...process.env, KOGINE_METRICS_FILE: "", KOGINE_STOP_FILE: "", PYTHONPATH: PYTHON_SHIM };
  const py = spawnSync("python3", ["plain.py"], { cwd: dir, env, encoding: "utf8" });
  assert.equal(py.status, 0, py.stderr);
  assert.equal(py.stdout.trim(), "False ['plain.mjs', 'plain.py']");
  const js = spawnSync(process.execPath, ["plain.mjs"], { cwd: dir, env, encoding: "utf8" });
  assert.equal(js.status, 0, js.stderr);
  assert.equal(js.stdout.trim(), "false plain.mjs,plain.py");
});

test("metrics reach the file within a second while the task runs, and on SIGTERM and KeyboardInterrupt", async () => {
  const dir = scratch({
    "slow.py": [
      "import kogine, os, time",
      "mode = 'sleep'",
      "def main():",
      "    kogine.log(loss=1.0)",
      "    open('pid-py-' + mode, 'w').write(str(os.getpid()))",
      "    if mode == 'interrupt':",
      "        kogine.log(loss=0.5)",
      "        raise KeyboardInterrupt",
      "    time.sleep(3 if mode == 'sleep' else 60)",
      "    kogine.log(loss=0.5)",
      "",
    ].join("\n"),
    "slow.mjs": [
      'import { log } from "kogine";',
      'import { writeFileSync } from "node:fs";',
      "export const mode = 'sleep';",
      "export async function main() {",
      "  log({ loss: 1 });",
      "  writeFileSync('pid-js-' + mode, String(process.pid));",
      "  await new Promise((resolve) => setTimeout(resolve, mode === 'sleep' ? 3000 : 60000));",
      "  log({ loss: 0.5 });",
      "}",
      "",
    ].join("\n"),
  });
  for (const language of ["py", "js"]) {
    const script = language === "py" ? "slow.py" : "slow.mjs";
    // While it sleeps, the first line is in the file (the flush timer), the second not yet.
    const runsDir = join(dir, `runs-${language}`);
    const running = kogine(["run", script, "--sweep", "mode=sleep,term", "-w", "2", "--runs-dir", runsDir], dir);
    let metricsFile = "";
    await waitFor(
      () => {
        const found = spawnSync("find", [runsDir, "-path", "*/0000/metrics.jsonl"], { encoding: "utf8" });
        metricsFile = found.stdout.trim();
        return metricsFile !== "" && readFileSync(metricsFile, "utf8").includes("\n");
      },
      30000,
      `${script}'s first metrics line`,
    );
    assert.equal(readFileSync(metricsFile, "utf8").trim().split("\n").length, 1);
    await waitFor(() => existsSync(join(dir, `pid-${language}-term`)), 30000, "the second task's pid");
    process.kill(Number(readFileSync(join(dir, `pid-${language}-term`), "utf8")), "SIGTERM");
    const ended = await running;
    assert.equal(ended.code, 1, ended.stderr);
    const taskMetrics = (index: number) =>
      readMetrics(metricsFile.replace("/0000/", `/${String(index).padStart(4, "0")}/`)).entries;
    assert.equal(taskMetrics(0).length, 2, `${script}: both lines after the sleep`);
    assert.deepEqual(
      taskMetrics(1).map((entry) => entry.values.loss),
      [1],
      `${script}: the line logged before SIGTERM`,
    );
  }
  const interrupted = await kogine(["run", "slow.py", "--set", "mode=interrupt"], dir);
  assert.equal(interrupted.code, 130, interrupted.stderr);
  assert.deepEqual(
    metricsLines(dir, (await latestRun(dir)).id, 0).map((line) => line.loss),
    [1, 0.5],
  );
});

test("tasks asked to stop end as pruned with their metrics: by polling should_stop, or killed after the grace", async () => {
  const dir = scratch({
    "poll.py": [
      "import kogine, time",
      "ignore = False",
      "def main():",
      "    for step in range(600):",
      "        kogine.log(step=step, loss=1 / (step + 1))",
      "        if kogine.should_stop() and not ignore:",
      "            return {'stopped_at': step}",
      "        time.sleep(0.05)",
      "    return 'ran to the end'",
      "",
    ].join("\n"),
    "poll.mjs": [
      'import { log, shouldStop } from "kogine";',
      "export async function main() {",
      "  for (let step = 0; step < 600; step++) {",
      "    log({ step, loss: 1 / (step + 1) });",
      "    if (shouldStop()) return { stopped_at: step };",
      "    await new Promise((resolve) => setTimeout(resolve, 50));",
      "  }",
      "  return 'ran to the end';",
      "}",
      "",
    ].join("\n"),
  });
  let store: RunStore | null = null;
  const runsDir = join(dir, "runs");
  for (const script of ["poll.py", "poll.mjs"]) {
    const sweep: Record<string, unknown[]> = script === "poll.py" ? { ignore: [false, true] } : {};
    const tasks = script === "poll.py" ? [0, 1] : [0];
    store = null; // the previous script's store, until this run's is opened
    const finished = run(join(dir, script), {
      runsDir,
      sweep,
      workers: 2,
      launcher: new LocalLauncher(2),
      logFormat: "quiet",
      onStore: (opened) => {
        store = opened;
      },
    });
    // Once each task has logged and flushed a few steps, ask it to stop, with a short grace.
    await waitFor(
      () =>
        store !== null &&
        tasks.every((i) => readMetrics(join((store as RunStore).taskDir(i), "metrics.jsonl")).entries.length >= 3),
      30000,
      `${script}'s first metrics`,
    );
    const asked = Date.now();
    for (const i of tasks) (store as unknown as RunStore).requestStop(i, 1500);
    const result = await finished;
    assert.ok(Date.now() - asked < 30000); // not the 30 s the tasks would run for
    for (const record of result.records) {
      assert.equal(record.status, "pruned", `${script} task ${record.index}: ${JSON.stringify(record.failure)}`);
      const metricsFile = join(result.runDir, "tasks", String(record.index).padStart(4, "0"), "metrics.jsonl");
      const { entries } = readMetrics(metricsFile);
      assert.ok(entries.length >= 3);
      assert.deepEqual(record.metrics, summarizeMetrics(entries));
    }
    const [polite, stubborn] = result.records;
    assert.equal(polite.failure, null);
    assert.deepEqual(Object.keys(result.results[0] as object), ["stopped_at"]);
    if (stubborn) {
      // It ignored the request: killed once the grace was over, its metrics up to then kept.
      assert.equal(stubborn.signal, "SIGKILL");
      assert.equal(stubborn.failure?.kind, "crashed");
    }
    const shown = await kogine(["runs", "show", result.runId], dir);
    assert.match(shown.stdout, /\[0\] .*: pruned/);
    const listed = await kogine(["runs", "list"], dir);
    assert.match(listed.stdout, new RegExp(`${tasks.length} pruned`));
  }
});

test("readMetrics follows a growing file from an offset and leaves a partial last line for later", () => {
  const dir = scratch({ "m.jsonl": '{"step": 0, "time": 1, "loss": 1}\n{"step": 1, "time": 2, "lo' });
  const path = join(dir, "m.jsonl");
  const first = readMetrics(path);
  assert.deepEqual(first.entries, [{ step: 0, time: 1, values: { loss: 1 } }]);
  spawnSync("sh", ["-c", `printf 'ss": NaN}\\nnot json\\n' >> ${path}`]);
  const second = readMetrics(path, first.nextOffset);
  assert.deepEqual(second.entries, [{ step: 1, time: 2, values: { loss: Number.NaN } }]);
  assert.deepEqual(
    second.skipped.map((s) => s.text),
    ["not json"],
  );
  assert.deepEqual(readMetrics(path, second.nextOffset).entries, []);
  assert.deepEqual(readMetrics(join(dir, "missing.jsonl")).entries, []);
});
