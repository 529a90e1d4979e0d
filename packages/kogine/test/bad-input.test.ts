/** Bad command-line input is refused before a run exists: a clear message (file and line where there is
 * one), exit status 1, no run directory, no `kogine resume` suggestion. Real kogine, python3 and node. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { KOGINE_BIN, kogine, latestRun, scratch } from "./helpers.js";

const FILES = {
  "train.py":
    "momentum = 0.9\nepochs = 3\nlearning_rate = 0.1\nlayers = [16]\ndef main():\n    return momentum * epochs\n",
  "train.mjs":
    "export const momentum = 0.9;\nexport const learningRate = 0.1;\nexport function main() { return momentum; }\n",
  "other.py": "def main():\n    return 1\n",
  "broken.mjs": "export const a = 1;\nexport function main() {\n  return a +;\n}\n",
  "broken.ts": "export const a: number = 1;\nexport function main(): number {\n  return a +;\n}\n",
  "cfg.py": "learning_rat = 0.2\n",
  "broken-config.mjs": "export const a = 1;\nexport const config = { globals: { a: 2 } ;\n",
  "throwing-config.mjs": "export const a = 1;\nexport function config() {\n  throw new Error('no data');\n}\n",
  "broken-config.json": '{\n  "a": 1,\n}\n',
};

async function refused(args: string[], pattern: RegExp): Promise<void> {
  const dir = scratch(FILES);
  const result = await kogine(args, dir);
  assert.equal(result.code, 1, `${args.join(" ")}: ${result.stderr}`);
  assert.match(result.stderr, pattern, args.join(" "));
  assert.doesNotMatch(result.stderr, /resume|internal error|\n\s+at /, `${args.join(" ")}: one paragraph, no stack`);
  assert.ok(!existsSync(join(dir, "runs")), `${args.join(" ")}: no run was created`);
}

test("values the script's default cannot take, and malformed sweeps, are refused before a run", async () => {
  await refused(["run", "train.py", "--set", "momentum=abc"], /--set momentum=abc: cannot convert to float.*train\.py/);
  await refused(["run", "train.py", "--sweep", "epochs=1,2.5"], /--set epochs=2\.5: cannot convert to int/);
  await refused(["run", "train.mjs", "--set", "momentum=abc"], /--set momentum=abc: cannot convert to number/);
  await refused(["run", "train.py", "--set", "layers=[1,2"], /--set layers=\[1,2: cannot convert to list/);
  await refused(["run", "train.py", "--sweep", "a="], /--sweep a=: no values/);
});

test("--strict typos get a did-you-mean, from the command line and from a config, before a run", async () => {
  await refused(
    ["run", "train.py", "--strict", "--set", "momentun=0.5"],
    /--strict: config keys not defined by .*train\.py:\n {2}momentun \(did you mean "momentum"\?\)/,
  );
  await refused(["run", "train.py", "--strict", "-c", "cfg.py"], /learning_rat \(did you mean "learning_rate"\?\)/);
  await refused(["run", "train.mjs", "--strict", "--set", "learningrate=1"], /did you mean "learningRate"/);
});

test("a missing config, a bad Redis URL and a JS/TS syntax error are refused before a run", async () => {
  await refused(["run", "train.py", "-c", "nope.py"], /config not found: nope\.py/);
  await refused(
    ["run", "train.py", "--launcher", "bullmq", "--redis", "notaurl"],
    /--redis notaurl: expected a Redis URL/,
  );
  await refused(["run", "broken.mjs"], /broken\.mjs:3:13: syntax error: Unexpected token/);
  await refused(["run", "broken.ts"], /broken\.ts:3:13: syntax error: Unexpected ";"/);
});

test("a config that fails to load is named with its file and line, before a run", async () => {
  await refused(["run", "train.mjs", "-c", "broken-config.mjs"], /SyntaxError: .* \(at .*broken-config\.mjs line 2\)/);
  await refused(
    ["run", "train.mjs", "-c", "throwing-config.mjs"],
    /Error: no data \(at .*throwing-config\.mjs line 3\)/,
  );
  await refused(
    ["run", "train.mjs", "-c", "broken-config.json"],
    /broken-config\.json is not valid JSON: .*\(line 3, column 1\)/,
  );
});

test("run SCRIPT --resume RUN refuses a run of another script", async () => {
  const dir = scratch(FILES);
  assert.equal((await kogine(["run", "train.py"], dir)).code, 0);
  const result = await kogine(["run", "other.py", "--resume", "latest"], dir);
  assert.equal(result.code, 1);
  const run = await latestRun(dir);
  assert.match(result.stderr, new RegExp(`--resume latest: run ${run.id} ran .*train\\.py, not .*other\\.py`));
  const same = await kogine(["run", "train.py", "--resume", "latest"], dir);
  assert.equal(same.code, 0, same.stderr);
});

test("| head on any command is not an error: no EPIPE stack", async () => {
  // Outputs well beyond a pipe's buffer, so that writing goes on after the reader has left.
  const dir = scratch({
    "many.py": "x = 0\ndef main():\n    print('.' * 2000)\n    return x\n",
    "grid.py": "x = 0\n_sweep = {'x': list(range(5000))}\n",
  });
  const sweep = `x=${Array.from({ length: 200 }, (_, i) => i).join(",")}`;
  assert.equal((await kogine(["run", "many.py", "--sweep", sweep, "-w", "2", "--log-format", "quiet"], dir)).code, 0);
  for (const args of [
    ["runs", "show", "latest", "--logs"],
    ["runs", "show", "latest", "--json"],
    ["config", "show", "grid.py"],
  ]) {
    // A reader that reads one line and leaves, as `head -1` does.
    const { stderr, status } = await new Promise<{ stderr: string; status: string }>((resolve) => {
      const child = spawn(
        `node ${JSON.stringify(KOGINE_BIN)} ${args.join(" ")} | head -1 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`,
        {
          cwd: dir,
          shell: "/bin/bash",
          env: { ...process.env, KOGINE_RUNS_DIR: join(dir, "runs") },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let text = "";
      child.stderr.on("data", (chunk) => {
        text += chunk;
      });
      child.on("close", () =>
        resolve({ stderr: text.replace(/\d+\n$/, ""), status: text.trim().split("\n").at(-1) ?? "" }),
      );
    });
    assert.equal(stderr, "", args.join(" "));
    assert.equal(status, "0", args.join(" "));
  }
});
