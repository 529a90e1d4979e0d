// The differential runs of the runtime tests (runtime.test.ts, big-int.test.ts): a CPython referee
// script prints "COMMAND<TAB>EXPECTED" lines, a C harness linked with the runtime answers the same
// commands one line each, and every answer must be CPython's.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

export interface DifferentialResult {
  /** How many cases the referee made. */
  readonly count: number;
  /** The cases the harness answered otherwise, each as `explain` put it. */
  readonly wrong: readonly string[];
  /** What the harness wrote on stderr. */
  readonly stderr: string;
}

export function runDifferential(options: {
  readonly harness: string;
  readonly referee: string;
  readonly refereeArgs: readonly string[];
  readonly harnessEnv?: Readonly<Record<string, string>>;
  readonly explain: (command: string, expected: string, actual: string) => string;
}): DifferentialResult {
  const referee = spawnSync("python3", [options.referee, ...options.refereeArgs], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, PYTHONUTF8: "1" },
  });
  assert.equal(referee.status, 0, referee.stderr);
  const cases = referee.stdout
    .trimEnd()
    .split("\n")
    .map((line) => line.split("\t") as [string, string]);
  const run = spawnSync(options.harness, [], {
    input: `${cases.map(([command]) => command).join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, ...options.harnessEnv },
  });
  assert.equal(run.status, 0, run.stderr);
  const answers = run.stdout.split("\n");
  const wrong: string[] = [];
  cases.forEach(([command, expected], i) => {
    const actual = answers[i] ?? "(no answer)";
    if (actual !== expected) wrong.push(options.explain(command, expected, actual));
  });
  return { count: cases.length, wrong, stderr: run.stderr };
}
