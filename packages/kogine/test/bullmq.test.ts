import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { KOGINE_BIN, kogine, latestRun, resultOf, scratch } from "./helpers.js";

let redisServer: ChildProcess;
let redisUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

before(async () => {
  const port = await freePort();
  redisServer = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  for (;;) {
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    const ready = await probe
      .connect()
      .then(() => probe.ping())
      .catch(() => null);
    probe.disconnect();
    if (ready === "PONG") break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(() => {
  redisServer.kill("SIGKILL");
});

/** A worker of `workers` slots on a queue of a test's own, so that no worker of another test takes its tasks. */
function startQueueWorker(dir: string, queue: string, workers: number): ChildProcess {
  const args = [KOGINE_BIN, "worker", "--redis", redisUrl, "-w", String(workers), "--queue", queue];
  return spawn(process.execPath, args, { cwd: dir, stdio: "ignore" });
}

/** The options that submit a run's tasks to `queue`. */
function onQueue(queue: string): string[] {
  return ["--launcher", "bullmq", "--redis", redisUrl, "--queue", queue];
}

function startWorker(dir: string): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [KOGINE_BIN, "worker", "--redis", redisUrl, "-w", "1", "--lock-ms", "1500"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve) => {
    worker.stderr?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("waiting for tasks")) resolve(worker);
    });
  });
}

test("two workers share a BullMQ queue; a worker killed mid-task loses nothing: the task reruns on the other", async () => {
  const dir = scratch({
    "task.py": [
      "import os, time",
      "seed = 0",
      "def main():",
      // Each worker leads its own process group (started detached); its task processes are in it.
      "    open(f'started-{seed}-{os.getpgid(0)}', 'w').close()",
      "    time.sleep(1.0)",
      "    print(f'done {seed}')",
      "    return {'seed': seed, 'worker_pid': os.getpgid(0)}",
    ].join("\n"),
  });
  const workers = await Promise.all([startWorker(dir), startWorker(dir)]);
  const submitted = kogine(
    ["workflow", "parallel", "task.py", "--sweep", "seed=0,1,2,3", "--launcher", "bullmq", "--redis", redisUrl],
    dir,
  );
  let marker: string | undefined;
  while (!marker) {
    marker = readdirSync(dir).find((f) => f.startsWith("started-"));
    await new Promise((r) => setTimeout(r, 20));
  }
  const [, killedSeed, killedPid] = marker.split("-");
  const victim = workers.find((w) => String(w.pid) === killedPid) as ChildProcess;
  process.kill(-(victim.pid as number), "SIGKILL");
  const survivor = workers.find((w) => w !== victim) as ChildProcess;
  const result = await submitted;
  survivor.kill("SIGTERM");
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(
    run.tasks.map((t) => t.status),
    ["succeeded", "succeeded", "succeeded", "succeeded"],
  );
  const rerun = resultOf(dir, run.id, Number(killedSeed)) as { seed: number; worker_pid: number };
  assert.equal(rerun.seed, Number(killedSeed));
  assert.equal(rerun.worker_pid, survivor.pid);
  assert.ok(readdirSync(dir).includes(`started-${killedSeed}-${survivor.pid}`));
  assert.ok(run.tasks[Number(killedSeed)].attempts >= 2);
  const log = join(dir, "runs", run.id, "tasks", String(killedSeed).padStart(4, "0"), "stdout.log");
  assert.match((await import("node:fs")).readFileSync(log, "utf8"), new RegExp(`done ${killedSeed}`));
});

test("a Redis that is down gets a clear message and nothing is submitted", async () => {
  const dir = scratch({ "t.py": "def main():\n    return 1\n" });
  const port = await freePort();
  const result = await kogine(["run", "t.py", "--launcher", "bullmq", "--redis", `redis://127.0.0.1:${port}`], dir);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^kogine: error: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\)\. Start a Redis server/,
  );
});

test("a task run by a BullMQ worker logs metrics into the submitting side's run store", async () => {
  const dir = scratch({
    "train.py": [
      "import kogine",
      "lr = 0.1",
      "def main():",
      "    for step in range(3):",
      "        kogine.log(step=step, loss=lr / (step + 1))",
      "    return lr",
      "",
    ].join("\n"),
  });
  const queue = `metrics-${process.pid}`;
  const worker = startQueueWorker(dir, queue, 1);
  try {
    const submitted = await kogine(["run", "train.py", ...onQueue(queue)], dir);
    assert.equal(submitted.code, 0, submitted.stderr);
    const run = (await latestRun(dir)) as unknown as { tasks: Array<{ metrics: Record<string, unknown> }> };
    assert.deepEqual(run.tasks[0].metrics.loss, { last: 0.1 / 3, min: 0.1 / 3, max: 0.1, count: 3, lastStep: 2 });
  } finally {
    worker.kill("SIGTERM");
  }
});

test("a search runs its trials on BullMQ workers, -w at a time, each drawn from those ended before", async () => {
  const dir = scratch({
    "train.py": [
      "import kogine",
      "x = 0.0",
      "n = 1",
      "def main():",
      "    kogine.log(step=0, loss=(x - 0.3) ** 2 + n)",
      "    return {'x': x, 'n': n, 'loss': (x - 0.3) ** 2 + n}",
      "",
    ].join("\n"),
  });
  const queue = `search-${process.pid}`;
  const worker = startQueueWorker(dir, queue, 2);
  try {
    const submitted = await kogine(
      [
        "run",
        "train.py",
        "--search",
        "x=uniform:-1:1",
        "--search",
        "n=int:1:3",
        "--trials",
        "5",
        "--metric",
        "loss",
      ].concat(["--mode", "min", "-w", "2", "--seed", "2", ...onQueue(queue)]),
      dir,
    );
    assert.equal(submitted.code, 0, submitted.stderr);
    const run = await latestRun(dir);
    assert.equal(run.tasks.length, 5);
    for (const task of run.tasks) {
      assert.equal(task.status, "succeeded");
      const value = resultOf(dir, run.id, task.index) as { x: number; n: number };
      assert.ok(value.x >= -1 && value.x <= 1 && [1, 2, 3].includes(value.n), JSON.stringify(value));
    }
  } finally {
    worker.kill("SIGTERM");
  }
});

test("a NaN or infinite result comes back from a BullMQ worker as a number", async () => {
  const dir = scratch({
    "t.py": "def main():\n    return {'loss': float('nan'), 'best': float('-inf'), 'steps': 3}\n",
  });
  const worker = await startWorker(dir);
  const result = await kogine(["run", "t.py", "--launcher", "bullmq", "--redis", redisUrl], dir);
  worker.kill("SIGTERM");
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 0), { loss: Number.NaN, best: Number.NEGATIVE_INFINITY, steps: 3 });
});

test("a NaN result passes on to the next step of a pipeline run on a BullMQ worker", async () => {
  const dir = scratch({
    "first.py": "def main():\n    return {'loss': float('nan'), 'best': float('-inf')}\n",
    "second.py":
      "import math\nseen = None\ndef main():\n    return [math.isnan(seen['loss']), seen['best'] == -math.inf]\n",
    "first_config.py": "",
    "second_config.py": "seen = prev\n",
  });
  const worker = await startWorker(dir);
  const args = ["workflow", "pipeline", "first.py", "second.py", "-c", "first_config.py", "-c", "second_config.py"];
  const result = await kogine([...args, "--launcher", "bullmq", "--redis", redisUrl], dir);
  worker.kill("SIGTERM");
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 1), [true, true]);
});

// 20 steps of 0.4 s: ASHA's last rung is step 9, and a stop takes up to some 3 s to reach the task (the
// worker reports every second, the scheduler reads every 0.2 s, the worker looks for stops every second).
test("ASHA prunes losing trials of a search run on BullMQ workers: their metrics stream back as they run", {
  timeout: 120_000,
}, async () => {
  const dir = scratch({
    "curve.py": [
      "import time",
      "import kogine",
      "level = 0.0",
      "def main():",
      "    for step in range(20):",
      "        kogine.log(step=step, loss=level + 1.0 / (step + 1))",
      "        if kogine.should_stop():",
      "            return {'stopped_at': step}",
      "        time.sleep(0.4)",
      "    return {'stopped_at': None}",
    ].join("\n"),
  });
  const queue = `asha-${process.pid}`;
  const worker = startQueueWorker(dir, queue, 3);
  try {
    const search = ["--search", "level=uniform:0:10", "--trials", "9", "--metric", "loss", "--mode", "min"];
    const submitted = await kogine(
      ["run", "curve.py", ...search, "--scheduler", "asha", "-w", "3", "--seed", "4"].concat(onQueue(queue)),
      dir,
    );
    assert.equal(submitted.code, 0, submitted.stderr);
    const run = await latestRun(dir);
    const pruned = (
      run.tasks as Array<(typeof run.tasks)[number] & { metrics?: { loss: { lastStep: number } } }>
    ).filter((t) => t.status === "pruned");
    assert.ok(pruned.length >= 2, `pruned ${pruned.length} of ${run.tasks.length}`);
    for (const task of pruned) {
      assert.ok((task.metrics?.loss.lastStep ?? 99) < 19, `trial ${task.index} stopped early, its metrics kept`);
      assert.equal((resultOf(dir, run.id, task.index) as { stopped_at: number | null }).stopped_at !== null, true);
    }
  } finally {
    worker.kill("SIGTERM");
  }
});
