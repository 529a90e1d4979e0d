import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { KOGINE_BIN, kogine, latestRun, scratch } from "./helpers.js";

type ShownRun = Awaited<ReturnType<typeof latestRun>> & {
  tasks: Array<{ durationMs: number | null; startedAt: string | null }>;
};

async function waitFor(check: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function runDirOf(dir: string): string {
  const day = readdirSync(join(dir, "runs")).sort().pop() as string;
  return join(
    dir,
    "runs",
    day,
    readdirSync(join(dir, "runs", day))
      .sort()
      .pop() as string,
  );
}

function taskStatus(runDir: string, index: number): string | null {
  const path = join(runDir, "tasks", String(index).padStart(4, "0"), "status.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { status: string }).status : null;
}

/** Ends the task processes a killed kogine left behind (their scripts wrote their pids). */
function killLeftovers(dir: string): void {
  for (const name of readdirSync(dir).filter((n) => n.startsWith("pid-"))) {
    try {
      process.kill(Number(readFileSync(join(dir, name), "utf8")), "SIGKILL");
    } catch {
      // ended already
    }
  }
}

test("after a resume, durationMs is the task's own run time and attempts count every attempt", async () => {
  const dir = scratch({
    "flaky.py": [
      "import os, time",
      "i = 0",
      "def main():",
      "    time.sleep(1.5 if i == 0 else 0.2)",
      "    if i == 1 and not os.path.exists('fixed'):",
      "        raise RuntimeError('not yet')",
      "    return i",
      "",
    ].join("\n"),
  });
  const first = await kogine(
    ["run", "flaky.py", "--sweep", "i=0,1", "-w", "1", "--retries", "1", "--retry-delay", "10"],
    dir,
  );
  assert.equal(first.code, 1, first.stderr);
  const failed = (await latestRun(dir)) as ShownRun;
  assert.equal(failed.tasks[1].attempts, 2);
  // Task 1 waited some 1.5 s for its slot behind task 0: its duration is its own run time, not the wait.
  assert.ok((failed.tasks[1].durationMs as number) < 1200, `${failed.tasks[1].durationMs}`);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  writeFileSync(join(dir, "fixed"), "");
  const resumed = await kogine(["resume", "latest"], dir);
  assert.equal(resumed.code, 0, resumed.stderr);
  const run = (await latestRun(dir)) as ShownRun;
  assert.equal(run.status, "succeeded");
  assert.deepEqual(
    run.tasks.map((t) => [t.status, t.attempts]),
    [
      ["succeeded", 1],
      ["succeeded", 3],
    ],
  );
  const duration = run.tasks[1].durationMs as number;
  assert.ok(duration >= 200 && duration < 1200, `durationMs ${duration}`);
  assert.ok(Date.parse(run.tasks[1].startedAt as string) > Date.parse(failed.tasks[1].startedAt as string));
});

test("after kill -9 of kogine the run shows as crashed, its finished tasks kept; it resumes", async () => {
  const dir = scratch({
    "work.py": [
      "import os, time",
      "i = 0",
      "def main():",
      "    open(f'pid-{i}', 'w').write(str(os.getpid()))",
      "    open('ran.txt', 'a').write(f'{i}\\n')",
      "    time.sleep(0.1 if i < 2 or os.path.exists('quick') else 60)",
      "    return i",
      "",
    ].join("\n"),
  });
  const child = spawn(process.execPath, [KOGINE_BIN, "run", "work.py", "--sweep", "i=0,1,2,3", "-w", "1"], {
    cwd: dir,
    env: { ...process.env, KOGINE_RUNS_DIR: join(dir, "runs") },
    stdio: "ignore",
  });
  try {
    await waitFor(
      () =>
        existsSync(join(dir, "runs")) &&
        taskStatus(runDirOf(dir), 1) === "succeeded" &&
        taskStatus(runDirOf(dir), 2) === "running",
      "task 2 to run",
    );
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
  } finally {
    killLeftovers(dir);
  }
  const listed = await kogine(["runs", "list"], dir);
  assert.match(listed.stdout, / crashed +4 task\(s\): 2 succeeded, 2 interrupted/);
  const run = await latestRun(dir);
  assert.equal(run.status, "crashed");
  assert.deepEqual(
    run.tasks.map((t) => t.status),
    ["succeeded", "succeeded", "interrupted", "interrupted"],
  );
  assert.match(run.tasks[2].failure?.message ?? "", /kogine \(pid \d+ on .*\) ended before the task ended/);
  assert.match(run.tasks[3].failure?.message ?? "", /before the task started/);
  const shown = await kogine(["runs", "show", "latest"], dir);
  assert.match(shown.stdout, /status crashed/);

  writeFileSync(join(dir, "quick"), "");
  const resumed = await kogine(["resume", "latest"], dir);
  assert.equal(resumed.code, 0, resumed.stderr);
  const after = await latestRun(dir);
  assert.equal(after.status, "succeeded");
  assert.deepEqual(
    after.tasks.map((t) => [t.status, t.attempts]),
    [
      ["succeeded", 1],
      ["succeeded", 1],
      ["succeeded", 2],
      ["succeeded", 1],
    ],
  );
  assert.deepEqual(readFileSync(join(dir, "ran.txt"), "utf8").split("\n").filter(Boolean), ["0", "1", "2", "2", "3"]);
});

test("a run whose lock names a live process of another start time (a reused pid) shows as crashed", async () => {
  const dir = scratch({ "ok.py": "def main():\n    return 1\n" });
  const done = await kogine(["run", "ok.py"], dir);
  assert.equal(done.code, 0, done.stderr);
  const runDir = runDirOf(dir);
  const manifestPath = join(runDir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, status: "running" }));
  const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  const startTicks = readFileSync(`/proc/${process.pid}/stat`, "utf8").split(") ")[1].split(" ")[19];
  const lock = (ticks: string, host = hostname()) =>
    writeFileSync(
      join(runDir, "lock"),
      JSON.stringify({ pid: process.pid, host, bootId, startTicks: ticks, since: new Date().toISOString() }),
    );
  lock(startTicks); // this test's own process: alive, so the run is running
  assert.match((await kogine(["runs", "list"], dir)).stdout, / running /);
  lock(String(Number(startTicks) + 1)); // same pid, another process
  assert.match((await kogine(["runs", "list"], dir)).stdout, / crashed /);
  lock("1", "some-other-host"); // cannot be checked from here: taken as alive
  assert.match((await kogine(["runs", "list"], dir)).stdout, / running /);
});

test("a second resume of a run being resumed fails with exit status 3 and runs nothing", async () => {
  const dir = scratch({
    "once.py": [
      "import os, time",
      "i = 0",
      "def main():",
      "    open(f'pid-{i}', 'w').write(str(os.getpid()))",
      "    open('ran.txt', 'a').write(f'{i}\\n')",
      "    if not os.path.exists('ready'):",
      "        raise RuntimeError('not ready')",
      "    time.sleep(2)",
      "    return i",
      "",
    ].join("\n"),
  });
  const failed = await kogine(["run", "once.py", "--sweep", "i=0,1", "-w", "2"], dir);
  assert.equal(failed.code, 1);
  writeFileSync(join(dir, "ready"), "");
  writeFileSync(join(dir, "ran.txt"), "");
  const first = kogine(["resume", "latest"], dir);
  await waitFor(() => readFileSync(join(dir, "ran.txt"), "utf8").length > 0, "the first resume's tasks");
  const second = await kogine(["resume", "latest"], dir);
  assert.equal(second.code, 3, second.stderr);
  assert.match(second.stderr, /^kogine: error: run \S+ is in use by another kogine process \(pid \d+, since /);
  assert.equal((await first).code, 0);
  assert.deepEqual(readFileSync(join(dir, "ran.txt"), "utf8").split("\n").filter(Boolean).sort(), ["0", "1"]);
  const again = await kogine(["resume", "latest"], dir);
  assert.equal(again.code, 0, again.stderr); // the lock went with its owner
});
