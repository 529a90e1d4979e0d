/** `--set` and `--sweep` values as the scripts receive them: lists typed like the default, bracketed sweep
 * values, the `\,` escape, repeated keys refused, destructured JS exports set. Real python3 and node. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { kogine, latestRun, resultOf, scratch } from "./helpers.js";

const SCRIPTS = {
  "train.py": [
    "layers = [16]",
    "rates = (0.1,)",
    "tags = ['a']",
    "def main():",
    "    return {'layers': layers, 'layers_type': type(layers).__name__, 'rates': list(rates),",
    "            'rates_type': type(rates).__name__, 'tags': tags}",
  ].join("\n"),
  "train.ts": [
    "export const layers: number[] = [16];",
    "export const tags: string[] = ['a'];",
    "export function main() { return { layers, isArray: Array.isArray(layers), tags }; }",
  ].join("\n"),
};

test("--set on a list default gives a list typed like the default's items, in Python and TypeScript", async () => {
  const dir = scratch(SCRIPTS);
  const python = await kogine(["run", "train.py", "--set", "layers=32,64", "--set", "rates=0.5,1"], dir);
  assert.equal(python.code, 0, python.stderr);
  let run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 0), {
    layers: [32, 64],
    layers_type: "list",
    rates: [0.5, 1.0],
    rates_type: "tuple",
    tags: ["a"],
  });
  const ts = await kogine(["run", "train.ts", "--set", "layers=32,64", "--set", "tags=x\\,y,z"], dir);
  assert.equal(ts.code, 0, ts.stderr);
  run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 0), { layers: [32, 64], isArray: true, tags: ["x,y", "z"] });
});

test("--sweep splits at commas outside brackets and quotes; \\, is a comma inside a value", async () => {
  const dir = scratch(SCRIPTS);
  for (const script of ["train.py", "train.ts"]) {
    const result = await kogine(
      ["run", script, "--sweep", "layers=[1,2],[3,4]", "--sweep", "tags=a\\,b,c", "-w", "2"],
      dir,
    );
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    const values = run.tasks.map((t) => resultOf(dir, run.id, t.index) as { layers: number[]; tags: string[] });
    assert.deepEqual(
      values.map((v) => [v.layers, v.tags]),
      [
        [[1, 2], ["a,b"]],
        [[1, 2], ["c"]],
        [[3, 4], ["a,b"]],
        [[3, 4], ["c"]],
      ],
      script,
    );
  }
});

test("a key given twice (--sweep and --sweep, --sweep and --set, --set and --set) is an error naming it", async () => {
  const dir = scratch(SCRIPTS);
  for (const args of [
    ["--sweep", "layers=1,2", "--sweep", "layers=3,4"],
    ["--sweep", "layers=1,2", "--set", "layers=5"],
    ["--set", "layers=1", "--set", "layers=2"],
  ]) {
    const result = await kogine(["run", "train.py", ...args], dir);
    assert.equal(result.code, 1, args.join(" "));
    assert.match(
      result.stderr,
      /kogine: error: key\(s\) given more than once: layers \(--(set|sweep) and --(set|sweep)\)/,
    );
    assert.ok(!existsSync(join(dir, "runs")), "no run was created");
  }
});

test("names a destructuring export binds can be set, and --strict accepts them", async () => {
  const dir = scratch({
    "model.mjs": [
      "const defaults = { alpha: 1, beta: 2, rest: { gamma: 3 } };",
      "export const { alpha, beta: b = 9, ...others } = defaults;",
      "export const [first, , third = 30] = [10, 20];",
      "export const doubled = b * 2;",
      "export function main() { return { alpha, b, others, first, third, doubled }; }",
    ].join("\n"),
  });
  const result = await kogine(
    ["run", "model.mjs", "--strict", "--set", "alpha=5", "--set", "b=7", "--set", "third=33"],
    dir,
  );
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(resultOf(dir, run.id, 0), {
    alpha: 5,
    b: 7,
    others: { rest: { gamma: 3 } },
    first: 10,
    third: 33,
    doubled: 14,
  });
  const untouched = await kogine(["run", "model.mjs"], dir);
  assert.equal(untouched.code, 0, untouched.stderr);
  const plain = await latestRun(dir);
  assert.deepEqual(resultOf(dir, plain.id, 0), {
    alpha: 1,
    b: 2,
    others: { rest: { gamma: 3 } },
    first: 10,
    third: 30,
    doubled: 4,
  });
});
