import assert from "node:assert/strict";
import { test } from "node:test";
import { kogine, latestRun, logOf, resultOf, scratch } from "./helpers.js";

async function value(dir: string, args: string[]) {
  const result = await kogine(["run", ...args], dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  return run.tasks.map((t) => resultOf(dir, run.id, t.index));
}

test("JS: settings are injected before top-level code; the main guard calls the entrypoint but does not fire", async () => {
  const dir = scratch({
    "s.mjs": [
      "export const epochs = 10;",
      "const steps = epochs * 100;",
      "let calls = 0;",
      "async function train({ scale = 1 } = {}) { calls++; return { epochs, steps: steps * scale, calls }; }",
      "export function main() { return 'not me'; }",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "if (import.meta.url === `file://${process.argv[1]}`) { train().catch(console.error); }",
    ].join("\n"),
    "c.json": JSON.stringify({ globals: { epochs: 3 }, kwargs: { scale: 2 } }),
  });
  assert.deepEqual(await value(dir, ["s.mjs", "-c", "c.json"]), [{ epochs: 3, steps: 600, calls: 1 }]);
  assert.deepEqual(await value(dir, ["s.mjs", "--set", "epochs=4", "-e", "main"]), ["not me"]);
});

test("TS script with a TS config generator; marked entrypoint; sweeps on the command line", async () => {
  const dir = scratch({
    "train.ts": [
      'import { entrypoint } from "kogine";',
      "export const lr: number = 0.1;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "const tag: string = `lr-${lr}`;",
      "interface Out { lr: number; tag: string; epochs: number }",
      "export const fit = entrypoint(async (epochs: number): Promise<Out> => ({ lr, tag, epochs }));",
      "export function main(): string { return 'unused'; }",
    ].join("\n"),
    "config.ts": [
      'import { Config } from "kogine";',
      "export function* configGen(): Generator<Config> {",
      "  yield new Config({ globals: { lr: 0.5 }, args: [2] });",
      "  yield new Config({ globals: { lr: 0.25 }, args: [3] });",
      "}",
    ].join("\n"),
  });
  assert.deepEqual(await value(dir, ["train.ts", "-c", "config.ts"]), [
    { lr: 0.5, tag: "lr-0.5", epochs: 2 },
    { lr: 0.25, tag: "lr-0.25", epochs: 3 },
  ]);
  const swept = await value(dir, ["train.ts", "--sweep", "lr=1,2"]);
  assert.deepEqual(
    swept.map((v) => (v as { lr: number }).lr),
    [1, 2],
  );
});

test("JS: unknown keyword arguments are named; --lenient drops them; no entrypoint exits 2", async () => {
  const dir = scratch({
    "s.mjs": "export function main({ alpha, beta = 2 }) { return alpha + beta; }\n",
    "c.mjs": "export const config = { globals: {}, kwargs: { alpha: 1, betta: 5 } };\n",
    "none.mjs": "export const x = 1;\n",
  });
  const strict = await kogine(["run", "s.mjs", "-c", "c.mjs"], dir);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /main\(\) does not accept keyword argument\(s\) betta/);
  assert.match(strict.stderr, /did you mean "beta"/);
  assert.deepEqual(await value(dir, ["s.mjs", "-c", "c.mjs", "--lenient"]), [3]);
  const none = await kogine(["run", "none.mjs"], dir);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no entrypoint found in .*none\.mjs/);
});

test("JS: a thrown error keeps its stack in the run store, as Node shows it for the script alone", async () => {
  const dir = scratch({
    "throws.mjs": "export function main() { throw new RangeError('bad range'); }\n",
    "unlinked.mjs": 'import { nope } from "node:fs";\nexport function main() { return nope; }\n',
  });
  const thrown = await kogine(["run", "throws.mjs"], dir);
  assert.equal(thrown.code, 1);
  const run = await latestRun(dir);
  assert.equal(run.tasks[0].failure?.message, "RangeError: bad range");
  const traceback = run.tasks[0].failure?.traceback ?? "";
  assert.match(traceback, /^RangeError: bad range\n {4}at main \(file:\/\/.*throws\.mjs:1:\d+\)$/);
  // A link error quotes the script's line as written, not its rewritten copy's.
  const unlinked = await kogine(["run", "unlinked.mjs"], dir);
  assert.equal(unlinked.code, 1);
  assert.match(
    (await latestRun(dir)).tasks[0].failure?.traceback ?? "",
    /unlinked\.mjs:1\nimport \{ nope \} from "node:fs";\n {9}\^{4}\nSyntaxError: The requested module 'node:fs' does not provide an export named 'nope'/,
  );
});

test("JS: what runs at exit still runs and is logged: exit listeners, timers left after the entrypoint, an exit code set at exit", async () => {
  const dir = scratch({
    "s.mjs": [
      "export const mode = 'listener';",
      "export function main() {",
      "  process.on('exit', () => { console.log('listener ran'); if (mode === 'code') process.exitCode = 3; });",
      "  if (mode === 'late') setTimeout(() => process.on('exit', () => console.error('late listener ran')), 20);",
      "  return mode;",
      "}",
    ].join("\n"),
  });
  const result = await kogine(["workflow", "parallel", "s.mjs", "--sweep", "mode=listener,late,code", "-w", "1"], dir);
  assert.equal(result.code, 0, result.stderr);
  const run = await latestRun(dir);
  assert.deepEqual(
    run.tasks.map((t) => resultOf(dir, run.id, t.index)),
    ["listener", "late", "code"],
  );
  assert.equal(logOf(dir, run.id, 0, "stdout"), "listener ran\n");
  assert.equal(logOf(dir, run.id, 1, "stdout"), "listener ran\n");
  assert.equal(logOf(dir, run.id, 1, "stderr"), "late listener ran\n");
  assert.deepEqual(
    run.tasks.map((t) => t.exitCode),
    [0, 0, 3],
  );
});
