/** Return values JSON cannot hold: NaN and infinities kept as numbers (extended JSON, as Python's json
 * writes them) and read back by kogine; anything else stored as its repr (Python) or util.inspect string
 * (JS) with a warning naming where it was, the task still succeeding. The referees are Python's own json and
 * repr (the script run directly) and Node's util.inspect. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { inspect } from "node:util";
import { Pipeline } from "../src/index.js";
import { kogine, latestRun, readFile, scratch } from "./helpers.js";

const PYTHON_RESULT = `
import json
import math

class Point:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"Point({self.x})"

def main():
    loop = [1]
    loop.append(loop)
    return {"loss": float("nan"), "best": math.inf, "worst": -math.inf, "tags": {"a"}, "points": [Point(1), (2, 3)], 4: "int key", (5, 6): "tuple key", "loop": loop}

if __name__ == "__main__":
    value = main()
    # What kogine is to store: json's own form for what JSON holds (allow_nan), repr for the rest.
    value["tags"] = repr(value["tags"])
    value["points"][0] = repr(value["points"][0])
    value[repr((5, 6))] = value.pop((5, 6))
    value["loop"] = [1, repr(value["loop"])]
    print(json.dumps(value))
`;

function storedResult(dir: string, runId: string, index = 0): string {
  return readFile(join(dir, "runs", runId, "tasks", String(index).padStart(4, "0"), "result.json"));
}

test("Python: NaN and infinities are stored as json writes them; sets, objects, tuple keys and cycles as their repr, with a warning naming each", async () => {
  const dir = scratch({ "s.py": PYTHON_RESULT });
  const referee = execFileSync("python3", ["s.py"], { cwd: dir, encoding: "utf8" }).trim();
  const result = await kogine(["run", "s.py", "--log-format", "plain"], dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.equal(run.tasks[0].status, "succeeded");
  const stored = storedResult(dir, run.id);
  assert.match(stored, /"loss": NaN,\s+"best": Infinity,\s+"worst": -Infinity/);
  // Python's json reads it as it reads the referee's output (JS orders the key "4" first, which is all).
  const asPythonReadsIt = (text: string, field: string) =>
    execFileSync(
      "python3",
      ["-c", `import json,sys; print(json.dumps(json.loads(sys.argv[1])${field}, sort_keys=True))`, text],
      {
        encoding: "utf8",
      },
    );
  assert.equal(asPythonReadsIt(stored, '["value"]'), asPythonReadsIt(referee, ""));
  const warnings = result.stderr.split("\n").filter((line) => line.startsWith("kogine: warning:"));
  assert.deepEqual(
    warnings.map((line) => /has an? (.*?) at (.*?), which JSON cannot hold/.exec(line)?.slice(1)),
    [
      ["set", "result['tags']"],
      ["Point", "result['points'][0]"],
      ["tuple key", "result[(5, 6)]"],
      ["list", "result['loop'][1]"],
    ],
  );
  const tasklog = readFile(join(dir, "runs", run.id, "tasks", "0000", "stderr.log"));
  assert.match(tasklog, /kogine: warning: the return value of main\(\) has a set at result\['tags'\]/);
  const shown = await kogine(["runs", "show", "latest"], dir);
  assert.match(shown.stdout, /result: \{"4":"int key","loss":NaN,"best":Infinity,"worst":-Infinity,/);
});

test("JS: NaN and infinities are kept; a Map, a BigInt, a class instance, a function and a cycle become their util.inspect strings, with warnings", async () => {
  const dir = scratch({
    "s.mjs": [
      "class Point { constructor(x) { this.x = x; } }",
      "export function main() {",
      "  const loop = { name: 'loop' };",
      "  loop.self = loop;",
      "  return { loss: NaN, best: Infinity, worst: -Infinity, big: 2n ** 70n, map: new Map([['a', 1]]), points: [new Point(1), new Date(0)], loop, 'odd key': new Set([1]), fn: function f() {} };",
      "}",
    ].join("\n"),
  });
  const result = await kogine(["run", "s.mjs", "--log-format", "plain"], dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.equal(run.tasks[0].status, "succeeded");
  class Point {
    constructor(readonly x: number) {}
  }
  const loop: Record<string, unknown> = { name: "loop" };
  loop.self = loop;
  const show = (value: unknown) => inspect(value, { depth: 4, breakLength: Number.POSITIVE_INFINITY });
  const expected = {
    loss: Number.NaN,
    best: Number.POSITIVE_INFINITY,
    worst: Number.NEGATIVE_INFINITY,
    big: show(2n ** 70n),
    map: show(new Map([["a", 1]])),
    points: [show(new Point(1)), new Date(0).toISOString()],
    loop: { name: "loop", self: show(loop) },
    "odd key": show(new Set([1])),
    fn: show(function f() {}),
  };
  const stored = storedResult(dir, run.id);
  assert.match(stored, /"loss": NaN,\s+"best": Infinity,\s+"worst": -Infinity/);
  const { parseExtendedJson } = await import("../src/extended-json.js");
  assert.deepEqual((parseExtendedJson(stored) as { value: unknown }).value, expected);
  const paths = [
    ...result.stderr.matchAll(/kogine: warning: the return value of main\(\) has .*? at (result.*?), which/g),
  ];
  assert.deepEqual(
    paths.map((m) => m[1]),
    ["result.big", "result.map", "result.points[0]", "result.loop.self", 'result["odd key"]', "result.fn"],
  );
});

test("a NaN result passes on through a pipeline (Python to JS to Python) and comes back through the library API", async () => {
  const dir = scratch({
    "first.py": "def main():\n    return {'loss': float('nan'), 'best': float('-inf')}\n",
    "second.mjs":
      "export let seen = null;\nexport function main() { return { loss: seen.loss, isNaN: Number.isNaN(seen.loss), best: seen.best }; }\n",
    "second_config.mjs": "export function config({ prev }) { return { globals: { seen: prev } }; }\n",
    "third.py":
      "import math\nseen = None\ndef main():\n    return [math.isnan(seen['loss']), seen['best'] == -math.inf, seen['isNaN']]\n",
    "third_config.py": "seen = prev\n",
  });
  const flow = await new Pipeline(
    [
      { script: join(dir, "first.py") },
      { script: join(dir, "second.mjs"), config: join(dir, "second_config.mjs") },
      { script: join(dir, "third.py"), config: join(dir, "third_config.py") },
    ],
    { runsDir: join(dir, "runs"), logFormat: "quiet" },
  ).run();
  assert.equal(flow.status, "succeeded");
  assert.deepEqual(flow.results, [
    { loss: Number.NaN, best: Number.NEGATIVE_INFINITY },
    { loss: Number.NaN, isNaN: true, best: Number.NEGATIVE_INFINITY },
    [true, true, true],
  ]);
});
