import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { kogine, latestRun, logOf, readFile, resultOf, scratch } from "./helpers.js";

async function results(dir: string, args: string[]) {
  const result = await kogine(args, dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  return { run, values: run.tasks.map((t) => resultOf(dir, run.id, t.index)) };
}

test("Python: every task is a fresh process of its own, with its own environment, logs and shutdown (exit handlers, threads, open files)", async () => {
  const dir = scratch({
    "counter.py": "count = 0\n",
    "t.py": [
      "import atexit, os, sys, threading, time",
      "import counter",
      "seed = 0",
      "kept = None",
      "def main():",
      "    global kept",
      "    counter.count += 1",
      "    atexit.register(lambda: open(f'atexit-{seed}', 'w').close())",
      "    kept = open(f'unclosed-{seed}', 'w')",
      "    kept.write('buffered')",
      "    threading.Thread(target=lambda: (time.sleep(0.05), open(f'thread-{seed}', 'w').close())).start()",
      "    for i in range(3):",
      "        print(f'out {seed}.{i}', flush=True)",
      "        print(f'err {seed}.{i}', file=sys.stderr, flush=True)",
      "        time.sleep(0.01)",
      "    return {'pid': os.getpid(), 'count': counter.count, 'index': int(os.environ['KOGINE_TASK_INDEX']),",
      "            'worker': int(os.environ['KOGINE_WORKER_ID']), 'cwd': os.getcwd()}",
    ].join("\n"),
  });
  const { run, values } = await results(dir, [
    "workflow",
    "parallel",
    "t.py",
    "--sweep",
    "seed=0,1,2,3,4,5",
    "-w",
    "2",
  ]);
  const tasks = values as Array<{ pid: number; count: number; index: number; worker: number; cwd: string }>;
  assert.equal(new Set(tasks.map((t) => t.pid)).size, 6, "one process per task");
  assert.deepEqual(
    tasks.map((t) => [t.count, t.index, t.cwd]),
    [0, 1, 2, 3, 4, 5].map((i) => [1, i, dir]),
  );
  assert.ok(tasks.every((t) => t.worker === 0 || t.worker === 1));
  for (let seed = 0; seed < 6; seed++) {
    assert.ok(existsSync(join(dir, `atexit-${seed}`)), `atexit handler of task ${seed} ran`);
    assert.ok(existsSync(join(dir, `thread-${seed}`)), `task ${seed} waited for its non-daemon thread`);
    assert.equal(readFile(join(dir, `unclosed-${seed}`)), "buffered", `task ${seed}'s open file was flushed`);
    assert.equal(logOf(dir, run.id, seed, "stdout"), `out ${seed}.0\nout ${seed}.1\nout ${seed}.2\n`);
    assert.equal(logOf(dir, run.id, seed, "stderr"), `err ${seed}.0\nerr ${seed}.1\nerr ${seed}.2\n`);
  }
});

test("Python: a task killed by a signal is recorded as crashed with its last stderr, and its slot goes on; a process the task forked does not hold its task open", async () => {
  const dir = scratch({
    "t.py": [
      "import os, signal, sys, time",
      "seed = 0",
      "def main():",
      "    if os.fork() == 0:  # outlives its task by far, holding every descriptor but stdio",
      "        os.closerange(0, 3)",
      "        time.sleep(5)",
      "        open(f'descendant-{seed}', 'w').close()",
      "        os._exit(0)",
      "    if seed == 1:",
      "        print('about to die', file=sys.stderr, flush=True)",
      "        os.kill(os.getpid(), signal.SIGKILL)",
      "    return seed",
    ].join("\n"),
  });
  const result = await kogine(["workflow", "parallel", "t.py", "--sweep", "seed=0,1,2,3", "-w", "1"], dir);
  assert.equal(result.code, 1, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(
    run.tasks.map((t) => t.status),
    ["succeeded", "failed", "succeeded", "succeeded"],
  );
  const crash = run.tasks[1].failure;
  assert.equal(crash?.kind, "crashed");
  assert.match(crash?.message ?? "", /killed by SIGKILL/);
  assert.match(crash?.traceback ?? "", /about to die/);
  assert.deepEqual(
    [0, 2, 3].map((i) => resultOf(dir, run.id, i)),
    [0, 2, 3],
  );
  for (let seed = 0; seed < 4; seed++) {
    assert.ok(!existsSync(join(dir, `descendant-${seed}`)), "kogine did not wait for the task's descendants");
  }
});

test("a worker slot runs one task at a time, Python and JS alike, in submission order", async () => {
  // A task is sent to its process while the one before it runs: its script's top-level code, or that of a
  // module the script imports, must still wait for its turn.
  const jsTask = (start: string) => [
    "export const seed = 0;",
    `const start = ${start};`,
    "export async function main() {",
    "  const now = () => (performance.timeOrigin + performance.now()) / 1000;",
    "  await new Promise((r) => setTimeout(r, 50));",
    "  return { start, end: now(), worker: Number(process.env.KOGINE_WORKER_ID) };",
    "}",
  ];
  const dir = scratch({
    "a.py": [
      "import os, time",
      "seed = 0",
      "start = time.time()",
      "def main():",
      "    time.sleep(0.05)",
      "    return {'start': start, 'end': time.time(), 'worker': int(os.environ['KOGINE_WORKER_ID'])}",
    ].join("\n"),
    "b.mjs": jsTask("(performance.timeOrigin + performance.now()) / 1000").join("\n"),
    "lib/loaded.mjs": "export const loadedAt = (performance.timeOrigin + performance.now()) / 1000;\n",
    "c.mjs": ['import { loadedAt } from "./lib/loaded.mjs";', ...jsTask("loadedAt")].join("\n"),
  });
  const { values } = await results(dir, [
    "workflow",
    "parallel",
    "a.py",
    "b.mjs",
    "c.mjs",
    "b.mjs",
    "--sweep",
    "seed=0,1,2",
    "-w",
    "2",
  ]);
  const spans = values as Array<{ start: number; end: number; worker: number }>;
  for (const worker of [0, 1]) {
    const own = spans.filter((s) => s.worker === worker);
    assert.ok(own.length > 0, `worker ${worker} ran tasks`);
    for (const [i, span] of own.entries()) {
      if (i > 0) assert.ok(span.start >= own[i - 1].end, `worker ${worker}: task ${i} began after task ${i - 1} ended`);
    }
  }
});

test("JS: every task is a fresh process; a relative import keeps live bindings; import.meta is the script's", async () => {
  const dir = scratch({
    "lib/state.mjs": "export let count = 0;\nexport function bump() { count++; }\n",
    "lib/data.json": '{ "size": 3 }\n',
    "s.mjs": [
      'import { createRequire } from "node:module";',
      'import { bump, count } from "./lib/state.mjs";',
      "export const scale = 2;",
      "const size = createRequire(import.meta.url)('./lib/data.json').size * scale;",
      "export function main() {",
      "  bump();",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "  console.log(`task ${process.env.KOGINE_TASK_INDEX}`);",
      "  return { pid: process.pid, count, size, url: import.meta.url, dir: import.meta.dirname };",
      "}",
    ].join("\n"),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
    "throws.mjs": "export const n = 1;\nexport function main() {\n  throw new Error(`n is ${n}`);\n}\n",
  });
  const { run, values } = await results(dir, ["workflow", "parallel", "s.mjs", "--sweep", "scale=2,3,4", "-w", "2"]);
  const tasks = values as Array<{ pid: number; count: number; size: number; url: string; dir: string }>;
  assert.equal(new Set(tasks.map((t) => t.pid)).size, 3);
  assert.deepEqual(
    tasks.map((t) => [t.count, t.size, t.url, t.dir]),
    [6, 9, 12].map((size) => [1, size, `file://${join(dir, "s.mjs")}`, dir]),
  );
  assert.equal(logOf(dir, run.id, 2, "stdout"), "task 2\n");
  const thrown = await kogine(["run", "throws.mjs", "--set", "n=5"], dir);
  assert.equal(thrown.code, 1);
  const failed = await latestRun(dir);
  assert.equal(failed.tasks[0].failure?.message, "Error: n is 5");
  assert.match(failed.tasks[0].failure?.traceback ?? "", new RegExp(`${join(dir, "throws.mjs")}:3:`));
});

test("JS: package imports, a module importing the script back, and computed imports keep their meaning", async () => {
  const dir = scratch({
    "node_modules/tinypkg/package.json": JSON.stringify({ name: "tinypkg", type: "module", exports: "./index.js" }),
    "node_modules/tinypkg/index.js": "export const from = 'tinypkg';\n",
    "pkg.mjs":
      "import { from } from 'tinypkg';\nexport const tag = 'a';\nexport function main() { return [from, tag]; }\n",
    "cycle.mjs": [
      "import { readTag } from './reader.mjs';",
      "export const tag = 'default';",
      "export function main() { return readTag(); }",
    ].join("\n"),
    "reader.mjs": "import * as script from './cycle.mjs';\nexport function readTag() { return script.tag; }\n",
    "dynamic.mjs": [
      "const name = 'helper';",
      "export const tag = 'x';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "export async function main() { return [(await import(`./${name}.mjs`)).value, tag]; }",
    ].join("\n"),
    "helper.mjs": "export const value = 'helped';\n",
  });
  assert.deepEqual((await results(dir, ["run", "pkg.mjs", "--set", "tag=b"])).values, [["tinypkg", "b"]]);
  assert.deepEqual((await results(dir, ["run", "cycle.mjs", "--set", "tag=injected"])).values, ["injected"]);
  assert.deepEqual((await results(dir, ["run", "dynamic.mjs", "--set", "tag=y"])).values, [["helped", "y"]]);
});

test("a task stopped by a SIGINT of its own is recorded as interrupted, and its slot goes on", async () => {
  const dir = scratch({
    "s.py": [
      "import os, signal",
      "seed = 0",
      "def main():",
      "    if seed == 0:",
      "        os.kill(os.getpid(), signal.SIGINT)",
      "    return seed",
    ].join("\n"),
    "s.mjs": [
      "export const seed = 0;",
      "export async function main() {",
      "  if (seed === 0) process.kill(process.pid, 'SIGINT');",
      "  await new Promise((r) => setTimeout(r, 100));",
      "  return seed;",
      "}",
    ].join("\n"),
  });
  for (const script of ["s.py", "s.mjs"]) {
    const result = await kogine(["workflow", "parallel", script, "--sweep", "seed=0,1", "-w", "1"], dir);
    assert.equal(result.code, 130, `${script}: ${result.stderr}`);
    const run = await latestRun(dir);
    assert.deepEqual(
      run.tasks.map((t) => t.status),
      ["interrupted", "succeeded"],
      script,
    );
    assert.equal(resultOf(dir, run.id, 1), 1, script);
  }
});
