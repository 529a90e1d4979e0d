/** Worker slots take tasks from one shared queue: a task never waits behind a long task in one slot while
 * another slot could run it, whatever was prepared ahead. Real python3 and node task processes. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { kogine, latestRun, logOf, scratch } from "./helpers.js";

test("a task prepared ahead behind a long task moves to the slot that falls idle (Python and JS)", async () => {
  const dir = scratch({
    "long.py": [
      "import time",
      "seed = 0",
      "print(f'loaded {seed}')",
      "def main():",
      "    time.sleep(3 if seed == 1 else 0.05)",
      "    print(f'ran {seed}')",
      "    return seed",
    ].join("\n"),
    "long.mjs": [
      "export const seed = 0;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "console.log(`loaded ${seed}`);",
      "export async function main() {",
      "  await new Promise((r) => setTimeout(r, seed === 1 ? 3000 : 50));",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
      "  console.log(`ran ${seed}`);",
      "  return seed;",
      "}",
    ].join("\n"),
  });
  for (const script of ["long.py", "long.mjs"]) {
    const result = await kogine(["run", script, "--sweep", "seed=0,1,2,3,4,5,6,7,8,9", "-w", "2"], dir);
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    const tasks = run.tasks as Array<(typeof run.tasks)[number] & { startedAt: string; endedAt: string }>;
    const longEnds = Date.parse(tasks[1].endedAt);
    for (const task of tasks) {
      assert.equal(task.status, "succeeded", script);
      assert.equal(task.attempts, 1);
      // A task taken ahead and withdrawn ran its code once, where it was moved to.
      assert.equal(logOf(dir, run.id, task.index, "stdout"), `loaded ${task.index}\nran ${task.index}\n`, script);
      if (task.index === 1) continue;
      // Every other task ran beside the long one, task 3 too, which its slot took ahead behind it.
      assert.ok(Date.parse(task.startedAt) < longEnds - 1000, `${script}: task ${task.index} waited for the long task`);
    }
  }
});
