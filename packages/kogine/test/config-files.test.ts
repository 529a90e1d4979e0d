import assert from "node:assert/strict";
import { test } from "node:test";
import { kogine, latestRun, resultOf, scratch } from "./helpers.js";

const SCRIPT = "lr = 0.0\nname = ''\ndef main():\n    return [lr, name]\n";

test("JSON, YAML and TOML configs with sweeps feed a Python script", async () => {
  const dir = scratch({
    "s.py": SCRIPT,
    "c.json": JSON.stringify({ name: "json", _sweep: { lr: [0.1, 0.2] } }),
    "c.yaml": "name: yaml\nsweep:\n  lr: [0.3, 0.4]\n",
    "c.toml": 'name = "toml"\nlr = 0.5\n',
  });
  const seen: unknown[] = [];
  for (const file of ["c.json", "c.yaml", "c.toml"]) {
    const result = await kogine(["run", "s.py", "-c", file], dir);
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    seen.push(...run.tasks.map((t) => resultOf(dir, run.id, t.index)));
  }
  assert.deepEqual(seen, [
    [0.1, "json"],
    [0.2, "json"],
    [0.3, "yaml"],
    [0.4, "yaml"],
    [0.5, "toml"],
  ]);
});

test("config show lists every config with types; validate counts; check finds typos and exits 1", async () => {
  const dir = scratch({
    "s.py": SCRIPT,
    "c.py": "def f(x):\n    return x\nlr = 0.1\nnmae = 'x'\nfn = f\n_sweep = {'lr': [1, 2]}\n",
    "ok.py": "lr = 1.0\n",
    "bad.yaml": "lr: [1, 2\n",
  });
  const shown = await kogine(["config", "show", "c.py"], dir);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(
    shown.stdout,
    /config 1\/2:\n {2}f = <function f at 0x[0-9a-f]+> {2}\(function\)\n {2}lr = 1 {2}\(int\)\n {2}nmae = "x" {2}\(str\)\n {2}fn = <function f at 0x[0-9a-f]+> {2}\(function\)/,
  );
  assert.match(shown.stdout, /config 2\/2:\n.*\n {2}lr = 2 {2}\(int\)/);
  const validated = await kogine(["config", "validate", "c.py"], dir);
  assert.match(validated.stdout, /c\.py: OK: 2 config\(s\), keys: f, lr, nmae, fn/);
  const checked = await kogine(["config", "check", "s.py", "-c", "c.py"], dir);
  assert.equal(checked.code, 1);
  assert.match(checked.stdout, /nmae {2}\(did you mean "name"\?\)/);
  assert.match(checked.stdout, /\n {2}fn\n/);
  assert.match(checked.stdout, /\n {2}f\n/);
  const fine = await kogine(["config", "check", "s.py", "-c", "ok.py"], dir);
  assert.equal(fine.code, 0);
  const broken = await kogine(["config", "validate", "bad.yaml"], dir);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /config bad\.yaml is not valid YAML/);
});
