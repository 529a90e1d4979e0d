import assert from "node:assert/strict";
import { test } from "node:test";
import { kogine, latestRun, resultOf, scratch } from "./helpers.js";

const TRAIN = `
import asyncio
epochs = 10
lr: float = 0.001
steps = epochs * 100
flag = False
tags = ["a"]

async def main(scale=1):
    return {"epochs": epochs, "steps": steps * scale, "lr": lr, "flag": flag, "tags": tags}

if __name__ == "__main__":
    asyncio.run(main())
`;

async function runOne(dir: string, args: string[]) {
  const result = await kogine(["run", ...args], dir);
  const run = await latestRun(dir);
  return { ...result, run, value: run.tasks[0]?.status === "succeeded" ? resultOf(dir, run.id, 0) : null };
}

test("a config overrides settings before top-level code runs, so derived values follow; --inject after keeps the original's behaviour", async () => {
  const dir = scratch({ "train.py": TRAIN, "config.py": "epochs = 3\n" });
  const before = await runOne(dir, ["train.py", "-c", "config.py"]);
  assert.equal(before.code, 0, before.stderr);
  assert.deepEqual(before.value, { epochs: 3, steps: 300, lr: 0.001, flag: false, tags: ["a"] });
  const after = await runOne(dir, ["train.py", "-c", "config.py", "--inject", "after"]);
  assert.deepEqual(after.value, { epochs: 3, steps: 1000, lr: 0.001, flag: false, tags: ["a"] });
});

test("--set values are coerced to the type of the script's default", async () => {
  const dir = scratch({ "train.py": TRAIN });
  const { code, value, stderr } = await runOne(dir, [
    "train.py",
    "--set",
    "epochs=7",
    "--set",
    "lr=0.5",
    "--set",
    "flag=yes",
    "--set",
    'tags=["x","y"]',
  ]);
  assert.equal(code, 0, stderr);
  assert.deepEqual(value, { epochs: 7, steps: 700, lr: 0.5, flag: true, tags: ["x", "y"] });
  const bad = await runOne(dir, ["train.py", "--set", "epochs=many"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--set epochs=many: cannot convert to int/);
});

test("entrypoint order: explicit, marked, main guard, then main, then run; none found exits 2", async () => {
  const dir = scratch({
    "guard.py":
      "def go():\n    return 'go'\ndef main():\n    return 'main'\nif __name__ == '__main__':\n    import sys\n    sys.exit(go())\n",
    "marked.py":
      "import kogine\n@kogine.entrypoint\ndef chosen():\n    return 'chosen'\ndef main():\n    return 'main'\n",
    "fallback.py": "from subprocess import run\ndef helper():\n    return 1\ndef run_it():\n    return 2\n",
    "runonly.py": "def run():\n    return 'run'\n",
  });
  assert.equal((await runOne(dir, ["guard.py"])).value, "go");
  assert.equal((await runOne(dir, ["guard.py:main"])).value, "main");
  assert.equal((await runOne(dir, ["guard.py", "-e", "main"])).value, "main");
  assert.equal((await runOne(dir, ["marked.py"])).value, "chosen");
  assert.equal((await runOne(dir, ["runonly.py"])).value, "run");
  const none = await runOne(dir, ["fallback.py"]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no entrypoint found in .*fallback\.py/);
});

test("the main guard does not fire when kogine loads the script", async () => {
  const dir = scratch({
    "s.py":
      "calls = []\ndef main():\n    calls.append(1)\n    return len(calls)\nif __name__ == '__main__':\n    main()\n",
  });
  assert.equal((await runOne(dir, ["s.py"])).value, 1);
});

test("keyword arguments the entrypoint does not accept are an error naming them, unless --lenient", async () => {
  const dir = scratch({
    "s.py": "def main(alpha, beta=2):\n    return alpha + beta\n",
    "c.py": "from kohakuengine import Config\nCONFIG = Config(kwargs={'alpha': 1, 'betta': 5})\n",
  });
  const strict = await runOne(dir, ["s.py", "-c", "c.py"]);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /does not accept keyword argument\(s\) betta/);
  assert.match(strict.stderr, /did you mean 'beta'/);
  assert.equal((await runOne(dir, ["s.py", "-c", "c.py", "--lenient"])).value, 3);
});

test("Python config forms: config_gen with worker_id, CONFIG, _sweep grid and zip, _args/_kwargs, functions as values", async () => {
  const dir = scratch({
    "s.py":
      "a = 0\nb = 0\nfn = None\ndef main(*args, **kwargs):\n    return {'a': a, 'b': b, 'fn': fn(a) if fn else None, 'args': list(args), 'kwargs': kwargs}\n",
    "gen.py":
      "from kohakuengine import Config\ndef config_gen(worker_id):\n    for i in range(3):\n        yield Config(globals_dict={'a': i, 'b': worker_id})\n",
    "grid.py":
      "def square(x):\n    return x * x\nfn = square\n_sweep = {'a': [1, 2], 'b': [10, 20]}\n_args = [7]\n_kwargs = {'k': 'v'}\n",
    "zip.py": "_sweep = {'a': [1, 2, 3], 'b': [4, 5, 6], '__mode__': 'zip'}\n",
    "single.py": "from kohakuengine import Config\nCONFIG = Config(globals_dict={'a': 9})\n",
  });
  const gen = await runOne(dir, ["s.py", "-c", "gen.py"]);
  assert.equal(gen.run.tasks.length, 3);
  const grid = await runOne(dir, ["s.py", "-c", "grid.py"]);
  assert.equal(grid.code, 0, grid.stderr);
  const values = grid.run.tasks.map((t) => resultOf(dir, grid.run.id, t.index));
  assert.deepEqual(
    values.map((v) => [(v as { a: number }).a, (v as { b: number }).b, (v as { fn: number }).fn]),
    [
      [1, 10, 1],
      [1, 20, 1],
      [2, 10, 4],
      [2, 20, 4],
    ],
  );
  assert.deepEqual((values[0] as { args: unknown[] }).args, [7]);
  assert.deepEqual((values[0] as { kwargs: unknown }).kwargs, { k: "v" });
  const zipped = await runOne(dir, ["s.py", "-c", "zip.py"]);
  const pairs = zipped.run.tasks.map((t) => resultOf(dir, zipped.run.id, t.index) as { a: number; b: number });
  assert.deepEqual(
    pairs.map((p) => [p.a, p.b]),
    [
      [1, 4],
      [2, 5],
      [3, 6],
    ],
  );
  assert.equal(((await runOne(dir, ["s.py", "-c", "single.py"])).value as { a: number }).a, 9);
});

test("use_config layers a base config and detects cycles", async () => {
  const dir = scratch({
    "s.py": "a = 0\nb = 0\ndef main():\n    return [a, b]\n",
    "base.py": "a = 1\nb = 2\n",
    "child.py": "from kohakuengine import use_config\nuse_config('base.py')\nb = 5\n",
    "loop1.py": "from kohakuengine import use_config\nuse_config('loop2.py')\n",
    "loop2.py": "from kohakuengine import use_config\nuse_config('loop1.py')\n",
  });
  assert.deepEqual((await runOne(dir, ["s.py", "-c", "child.py"])).value, [1, 5]);
  const cycle = await kogine(["run", "s.py", "-c", "loop1.py"], dir);
  assert.equal(cycle.code, 1);
  assert.match(cycle.stderr, /use_config cycle: .*loop1\.py -> .*loop2\.py -> .*loop1\.py/);
});

test("a script that raises keeps its traceback in the run store and shows it", async () => {
  const dir = scratch({ "boom.py": "rate = 0\ndef main():\n    return 1 / rate\n" });
  const result = await runOne(dir, ["boom.py"]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /ZeroDivisionError: division by zero/);
  const failure = result.run.tasks[0].failure;
  assert.equal(failure?.kind, "exception");
  assert.match(failure?.traceback ?? "", /boom\.py", line 3, in main/);
  assert.doesNotMatch(failure?.traceback ?? "", /kogine_runner/);
});

test("bad input: missing script or config, config syntax error, unknown key under --strict", async () => {
  const dir = scratch({
    "s.py": "epochs = 1\ndef main():\n    return object()\n",
    "broken.py": "epochs = = 2\n",
  });
  const missing = await kogine(["run", "nope.py"], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^kogine: error: script not found: nope\.py\n$/);
  const noConfig = await kogine(["run", "s.py", "-c", "nope.py"], dir);
  assert.match(noConfig.stderr, /config not found: .*nope\.py/);
  const syntax = await kogine(["run", "s.py", "-c", "broken.py"], dir);
  assert.equal(syntax.code, 1);
  assert.match(syntax.stderr, /config .*broken\.py failed to load: syntax error in .*broken\.py line 1/);
  const strict = await kogine(["run", "s.py", "--set", "epoch=3", "--strict"], dir);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /--strict: config keys not defined by .*s\.py:\n {2}epoch \(did you mean "epochs"\?\)/);
  for (const result of [missing, noConfig, syntax, strict]) {
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, "no JS stack trace for bad input");
  }
});
