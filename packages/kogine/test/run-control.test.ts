/** Stopping a run (Ctrl-C, SIGTERM, the grace between them), per-task time limits and GPU slots, with real
 * kogine, python3 and node processes. */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { KOGINE_BIN, kogine, latestRun, processesMarked, resultOf, scratch, until } from "./helpers.js";

/** kogine started as a terminal would start it, with a mark in its environment that every process of the
 * run inherits (zygotes, spares, tasks, pre-forked children, what tasks start). */
function startKogine(args: string[], cwd: string): { child: ChildProcess; mark: string; exited: Promise<number> } {
  const mark = randomUUID();
  const child = spawn(process.execPath, [KOGINE_BIN, ...args], {
    cwd,
    env: { ...process.env, KOGINE_RUNS_DIR: join(cwd, "runs"), KOGINE_TEST_MARK: mark },
    stdio: "ignore",
  });
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return { child, mark, exited };
}

const started = (dir: string) => readdirSync(dir).filter((f) => f.startsWith("started-")).length;

const CHECKPOINTING = [
  "import time",
  "seed = 0",
  "def main():",
  "    open(f'started-{seed}', 'w').close()",
  "    try:",
  "        time.sleep(60)",
  "    except KeyboardInterrupt:",
  "        time.sleep(4)  # saving a checkpoint takes a while",
  "        open(f'checkpoint-{seed}', 'w').close()",
  "        raise",
].join("\n");

test("the first Ctrl-C gives tasks the grace (30 s by default) to save a checkpoint; --grace shortens it", async () => {
  const dir = scratch({ "train.py": CHECKPOINTING });
  const run = startKogine(["run", "train.py", "--sweep", "seed=0,1,2", "-w", "2"], dir);
  await until(() => started(dir) === 2, "two tasks to start");
  run.child.kill("SIGINT");
  assert.equal(await run.exited, 130);
  assert.ok(existsSync(join(dir, "checkpoint-0")) && existsSync(join(dir, "checkpoint-1")), "checkpoints kept");
  const manifest = await latestRun(dir);
  assert.equal(manifest.status, "interrupted");
  assert.deepEqual(
    manifest.tasks.map((t) => t.status),
    ["interrupted", "interrupted", "pending"],
  );
  assert.match(manifest.tasks[0].failure?.message ?? "", /interrupted \(Ctrl-C\)/);

  const short = scratch({ "train.py": CHECKPOINTING });
  const cut = startKogine(["run", "train.py", "--grace", "0.5"], short);
  await until(() => started(short) === 1, "the task to start");
  const signalledAt = Date.now();
  cut.child.kill("SIGINT");
  assert.equal(await cut.exited, 130);
  assert.ok(Date.now() - signalledAt < 3500, "killed after the grace, not after the checkpoint");
  assert.ok(!existsSync(join(short, "checkpoint-0")));
});

test("a second Ctrl-C or SIGTERM ends every process of the run at once; none outlives kogine", async () => {
  const stubborn = {
    "stubborn.py": [
      "import signal, subprocess, time",
      "seed = 0",
      "def main():",
      "    signal.signal(signal.SIGINT, signal.SIG_IGN)",
      "    subprocess.Popen(['sleep', '300'])",
      "    open(f'started-{seed}', 'w').close()",
      "    time.sleep(300)",
    ].join("\n"),
    "stubborn.mjs": [
      'import { spawn } from "node:child_process";',
      'import { writeFileSync } from "node:fs";',
      "export const seed = 0;",
      "export async function main() {",
      '  process.on("SIGINT", () => {});',
      '  spawn("sleep", ["300"], { stdio: "ignore" });',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      '  writeFileSync(`started-${seed}`, "");',
      "  await new Promise((r) => setTimeout(r, 300000));",
      "}",
    ].join("\n"),
  };
  for (const [script, second] of [
    ["stubborn.py", "SIGINT"],
    ["stubborn.mjs", "SIGTERM"],
  ] as const) {
    const dir = scratch(stubborn);
    const run = startKogine(["run", script, "--sweep", "seed=0,1,2,3", "-w", "2"], dir);
    await until(() => started(dir) === 2, `${script}: two tasks to start`);
    // Zygotes or spares, the running tasks, their children, and the processes ready for the next tasks.
    assert.ok(processesMarked(run.mark).length >= 5, `${script}: the run's processes are seen`);
    run.child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 500));
    const signalledAt = Date.now();
    run.child.kill(second);
    assert.equal(await run.exited, 130, script);
    assert.ok(Date.now() - signalledAt < 2000, `${script}: kogine quits at once`);
    await until(() => processesMarked(run.mark).length === 0, `${script}: every process of the run to end`, 2000);
    const manifest = await latestRun(dir);
    assert.equal(manifest.status, "interrupted", script);
    assert.deepEqual(
      manifest.tasks.map((t) => t.status),
      ["interrupted", "interrupted", "pending", "pending"],
      script,
    );
  }
});

test("SIGTERM is recorded as terminated, with exit status 143", async () => {
  const dir = scratch({ "train.py": CHECKPOINTING });
  const run = startKogine(["run", "train.py", "--grace", "10"], dir);
  await until(() => started(dir) === 1, "the task to start");
  run.child.kill("SIGTERM");
  assert.equal(await run.exited, 143);
  const manifest = await latestRun(dir);
  assert.equal(manifest.tasks[0].status, "interrupted");
  assert.match(manifest.tasks[0].failure?.message ?? "", /terminated \(SIGTERM\)/);
  assert.doesNotMatch(manifest.tasks[0].failure?.message ?? "", /Ctrl-C/);
  assert.ok(existsSync(join(dir, "checkpoint-0")), "a SIGTERM gives the grace too");
  assert.equal(processesMarked(run.mark).length, 0);
});

test("--timeout kills a task that runs too long; it fails as timeout and --retries apply", async () => {
  const dir = scratch({
    "slow.py": "import time\nseed = 0\ndef main():\n    time.sleep(30 if seed == 1 else 0)\n    return seed\n",
    "slow.mjs":
      "export const seed = 0;\nexport async function main() {\n  await new Promise((r) => setTimeout(r, seed === 1 ? 30000 : 0));\n  return seed;\n}\n",
  });
  for (const script of ["slow.py", "slow.mjs"]) {
    const begun = Date.now();
    const result = await kogine(
      ["run", script, "--sweep", "seed=0,1,2", "-w", "2", "--timeout", "1", "--retries", "1", "--retry-delay", "10"],
      dir,
    );
    assert.equal(result.code, 1, result.stderr);
    assert.ok(Date.now() - begun < 15_000, `${script}: the slow task did not run its 30 s`);
    const run = await latestRun(dir);
    assert.deepEqual(
      run.tasks.map((t) => [t.status, t.attempts, t.failure?.kind ?? null]),
      [
        ["succeeded", 1, null],
        ["failed", 2, "timeout"],
        ["succeeded", 1, null],
      ],
      script,
    );
    assert.match(run.tasks[1].failure?.message ?? "", /timed out after 1 s/);
  }
});

test("--timeout ends what the task started too, while the run goes on (Python and JS)", async () => {
  // Task 0 starts a `sleep` and runs over its time; task 1, run after it in the one slot, tells whether
  // that sleep still runs.
  const dir = scratch({
    "spawner.py": [
      "import os, subprocess, time",
      "seed = 0",
      "def main():",
      "    if seed == 0:",
      "        child = subprocess.Popen(['sleep', '300'])",
      "        open('sleep.pid', 'w').write(str(child.pid))",
      "        time.sleep(30)",
      "    pid = int(open('sleep.pid').read())",
      "    for _ in range(40):",
      "        try:",
      "            # (an orphan that has ended stays a zombie where no init reaps it, as on these machines)",
      "            if open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()[0] == 'Z':",
      "                return 'ended'",
      "        except FileNotFoundError:",
      "            return 'ended'",
      "        time.sleep(0.05)",
      "    return 'still running'",
    ].join("\n"),
    "spawner.mjs": [
      'import { spawn } from "node:child_process";',
      'import { readFileSync, writeFileSync } from "node:fs";',
      "export const seed = 0;",
      "export async function main() {",
      "  if (seed === 0) {",
      '    writeFileSync("sleep.pid", String(spawn("sleep", ["300"], { stdio: "ignore" }).pid));',
      "    await new Promise((r) => setTimeout(r, 30000));",
      "  }",
      '  const pid = Number(readFileSync("sleep.pid", "utf8"));',
      "  for (let i = 0; i < 40; i++) {",
      "    try {",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      '      const stat = readFileSync(`/proc/${pid}/stat`, "latin1");',
      '      if (stat.slice(stat.lastIndexOf(")") + 2)[0] === "Z") return "ended";',
      "    } catch {",
      '      return "ended";',
      "    }",
      "    await new Promise((r) => setTimeout(r, 50));",
      "  }",
      '  return "still running";',
      "}",
    ].join("\n"),
  });
  for (const script of ["spawner.py", "spawner.mjs"]) {
    const result = await kogine(["run", script, "--sweep", "seed=0,1", "-w", "1", "--timeout", "2"], dir);
    assert.equal(result.code, 1, result.stderr);
    const run = await latestRun(dir);
    assert.equal(run.tasks[0].failure?.kind, "timeout", script);
    assert.equal(resultOf(dir, run.id, 1), "ended", script);
  }
});

test("--gpus with --gpus-per-task gives each worker slot its own CUDA_VISIBLE_DEVICES", async () => {
  const dir = scratch({
    "gpu.py": "import os\nseed = 0\ndef main():\n    return os.environ.get('CUDA_VISIBLE_DEVICES')\n",
    "gpu.mjs": "export const seed = 0;\nexport function main() { return process.env.CUDA_VISIBLE_DEVICES ?? null; }\n",
  });
  for (const script of ["gpu.py", "gpu.mjs"]) {
    const result = await kogine(
      ["run", script, "--sweep", "seed=0,1,2,3,4,5", "--gpus", "0,1,2,3", "--gpus-per-task", "2"],
      dir,
    );
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    const bySlot = ["0,1", "2,3"];
    for (const task of run.tasks) assert.equal(resultOf(dir, run.id, task.index), bySlot[task.workerId], script);
    assert.deepEqual(new Set(run.tasks.map((t) => t.workerId)), new Set([0, 1]), `${script}: two slots`);
  }
  const fewer = await kogine(["run", "gpu.py", "--sweep", "seed=0,1", "--gpus", "0,1,2", "-w", "1"], dir);
  assert.equal(fewer.code, 0, fewer.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(
    run.tasks.map((t) => resultOf(dir, run.id, t.index)),
    ["0", "0"],
  );
  const tooMany = await kogine(["run", "gpu.py", "--gpus", "0,1", "-w", "3"], dir);
  assert.equal(tooMany.code, 1);
  assert.match(tooMany.stderr, /-w 3 asks for more worker slots than --gpus 0,1 with --gpus-per-task 1 gives \(2\)/);
});
