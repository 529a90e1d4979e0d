/** How a Python task's script is loaded as a module: as CPython's multiprocessing expects of a main script
 * (spawn and forkserver children load it as `__mp_main__`), and as `python3 -m` loads a module of a package.
 * The referee is python3 running the same script directly. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { kogine, latestRun, resultOf, scratch } from "./helpers.js";

const POOL = `
import json
import multiprocessing
import os
method = "spawn"
scale = 1

def work(x):
    # Reads a setting of the script's: the child sees the task's value.
    return [x * x * scale, os.getpid()]

class Scaled:
    def __init__(self, by):
        self.by = by
    def __call__(self, x):
        return x * self.by

def main():
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        squares = pool.map(work, range(8))
        scaled = pool.map(Scaled(3), range(4))
    pids = {pid for _, pid in squares}
    return {"squares": [s for s, _ in squares], "scaled": scaled, "inChildren": os.getpid() not in pids}

if __name__ == "__main__":
    print(json.dumps(main()))
`;

for (const method of ["spawn", "forkserver"]) {
  test(`multiprocessing with the ${method} start method: a Pool of 2 runs functions and classes of the script, with the task's settings`, async () => {
    const dir = scratch({
      "pool.py": POOL.replace('method = "spawn"', `method = "${method}"`),
      "referee.py": POOL.replace('method = "spawn"', `method = "${method}"`).replace("scale = 1", "scale = 3"),
    });
    const direct = JSON.parse(execFileSync("python3", ["referee.py"], { cwd: dir, encoding: "utf8" }));
    const result = await kogine(["run", "pool.py", "--set", "scale=3", "--log-format", "quiet"], dir, {
      timeout: 60_000,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /usage: kogine_main/);
    const run = await latestRun(dir);
    assert.deepEqual(resultOf(dir, run.id, 0), direct);
    assert.equal(direct.inChildren, true);
  });
}

const PACKAGE = {
  "proj/__init__.py": "",
  "proj/models/__init__.py": "KIND = 'mlp'\n",
  "proj/models/layers.py": "def width(n):\n    return n * 8\n",
  "proj/models/train.py": `import json
from . import layers
from .. import models
from .layers import width
epochs = 3

def main():
    return {
        "width": width(epochs),
        "same": layers.width is width,
        "kind": models.KIND,
        "package": __package__,
        "spec": __spec__.name,
        "file": __file__,
    }

if __name__ == "__main__":
    print(json.dumps(main()))
`,
};

test("a module of a package runs as `python3 -m` runs it: relative imports, __package__ and __spec__; --set still applies", async () => {
  const dir = scratch(PACKAGE);
  const direct = JSON.parse(execFileSync("python3", ["-m", "proj.models.train"], { cwd: dir, encoding: "utf8" }));
  for (const script of ["proj.models.train", "proj/models/train.py"]) {
    const result = await kogine(["run", script, "--log-format", "quiet"], dir);
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    assert.deepEqual(resultOf(dir, run.id, 0), direct, script);
  }
  const set = await kogine(["run", "proj.models.train:main", "--set", "epochs=5", "--log-format", "quiet"], dir);
  assert.equal(set.code, 0, set.stderr);
  const run = await latestRun(dir);
  assert.equal((resultOf(dir, run.id, 0) as { width: number }).width, 40);
  const missing = await kogine(["run", "proj.models.nope"], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^kogine: error: script not found: proj\.models\.nope \(nor a Python module/);
});
