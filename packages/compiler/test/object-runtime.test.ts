// The object runtime (runtime/object.h: pools, reference counts, the cycle collector, the leak
// checker) through object_harness.c, a C program linked with the test language's runtime archive (the
// core and the neutral test library) that defines layouts by hand and runs one scenario per
// invocation, printing `key value` lines. Each scenario runs natively and under valgrind's memcheck,
// which must find no error and no definite leak, and must still see the use after free and the leaks
// that two scenarios commit on purpose.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCHarness } from "./native-build.js";

const HARNESS_SOURCE = fileURLToPath(new URL("../../test/object_harness.c", import.meta.url));

function buildHarness(): Promise<string> {
  return buildCHarness(HARNESS_SOURCE, "the object runtime harness");
}

interface ScenarioRun {
  readonly values: Record<string, number>;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

interface RunOptions {
  /** TOOLCHAIN_CHECK_LEAKS: its value, or unset. */
  readonly checkLeaks?: string;
  readonly valgrind?: boolean;
  /** A limit on the C stack, in KiB (`ulimit -s`). */
  readonly stackKib?: number;
}

const VALGRIND = ["valgrind", "--leak-check=full", "--error-exitcode=99"];

async function runScenario(args: readonly string[], options: RunOptions = {}): Promise<ScenarioRun> {
  const path = await buildHarness();
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.TOOLCHAIN_CHECK_LEAKS;
  if (options.checkLeaks !== undefined) env.TOOLCHAIN_CHECK_LEAKS = options.checkLeaks;
  let command = [...(options.valgrind === true ? VALGRIND : []), path, ...args];
  if (options.stackKib !== undefined)
    command = ["sh", "-c", `ulimit -s ${options.stackKib} && exec "$@"`, "sh", ...command];
  const result = spawnSync(command[0]!, command.slice(1), {
    encoding: "utf8",
    env,
    timeout: 300_000,
    maxBuffer: 1 << 26,
  });
  if (result.error !== undefined) throw result.error;
  const values: Record<string, number> = {};
  for (const line of result.stdout.split("\n")) {
    const match = /^(\S+) (-?\d+)$/.exec(line);
    if (match !== null) values[match[1]!] = Number(match[2]);
  }
  return { values, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** valgrind's stderr, checked: no error and nothing definitely lost. */
function assertMemcheckClean(run: ScenarioRun): void {
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /ERROR SUMMARY: 0 errors from 0 contexts/);
  const lost = /definitely lost: ([\d,]+) bytes/.exec(run.stderr);
  assert.ok(lost === null || lost[1] === "0", run.stderr);
}

interface Scenario {
  readonly args: readonly string[];
  /** The same scenario, smaller, for valgrind (which runs it some 30 times slower). */
  readonly valgrindArgs?: readonly string[];
  readonly checkLeaks?: string;
  readonly expected: (args: readonly string[]) => Record<string, number>;
}

const count = (args: readonly string[]) => Number(args[1]);

const SCENARIOS: Record<string, Scenario> = {
  "a list of 1,000,000 nodes is collected around, then freed by one release": {
    args: ["long-list", "1000000"],
    valgrindArgs: ["long-list", "100000"],
    expected: (args) => ({
      built: count(args),
      tracked: count(args),
      "automatic-collections-ran": 1,
      collect: 0,
      threshold: count(args) / 4,
      sum: (count(args) * (count(args) - 1)) / 2,
      live: 0,
      "tracked-after": 0,
    }),
  },
  "a ring of 1,000,000 nodes is freed by the collector": {
    args: ["long-cycle", "1000000"],
    valgrindArgs: ["long-cycle", "100000"],
    expected: (args) => ({ before: count(args), collect: count(args), live: 0 }),
  },
  "a 2-cycle is collected": {
    args: ["two-cycle"],
    checkLeaks: "1",
    expected: () => ({ before: 2, collect: 2, live: 0, "collect-again": 0 }),
  },
  "a self-cycle is collected": {
    args: ["self-cycle"],
    checkLeaks: "1",
    expected: () => ({ before: 1, collect: 1, live: 0 }),
  },
  "a cycle with an outside reference stays until it is released": {
    args: ["cycle-held"],
    checkLeaks: "1",
    expected: () => ({
      "collect-held": 0,
      "live-held": 2,
      "value-through-cycle": 2,
      "collect-released": 2,
      live: 0,
    }),
  },
  "garbage hanging off a cycle is freed with it": {
    args: ["cycle-with-garbage"],
    checkLeaks: "1",
    expected: () => ({ before: 5, collect: 4, live: 0 }),
  },
  "objects of every size class, large objects and variable-size arrays": {
    args: ["size-classes"],
    checkLeaks: "1",
    expected: () => ({
      sizes: 1009,
      intact: 1009,
      misaligned: 0,
      "live-after-sizes": 0,
      "large-zeroed": 1,
      "array-leaves-ok": 3240,
      "misaligned-arrays": 0,
      "live-with-arrays": 81 + 3240 - 1,
      collect: 1,
      live: 0,
    }),
  },
  "drops that allocate and collect, inside a collection and inside a dealloc": {
    args: ["reentrant"],
    checkLeaks: "1",
    expected: () => ({
      collect: 2,
      collections: 1,
      "inner-calls": 2,
      "inner-freed": 0,
      "live-after-cycle": 0,
      "inner-calls-dealloc": 1,
      "inner-freed-dealloc": 2,
      live: 0,
    }),
  },
  "immortal objects are never freed, counted or collected, and keep what they hold": {
    args: ["immortal"],
    expected: () => ({
      collect: 2,
      "constant-refcount": -1,
      "constant-value": 42,
      "collect-held-by-immortal": 0,
      "holder-refcount": -1,
      live: 3,
    }),
  },
};

const LEAK_REPORT =
  "leak check: 6 live objects\n" +
  "  3 ListNode allocated at list.ir:12 in build\n" +
  "  2 Leaf allocated at leaf.ir:7 in make_leaf\n" +
  "  1 Leaf allocated at an unknown site\n";

describe("the object runtime", () => {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(name, async () => {
      const run = await runScenario(scenario.args, { checkLeaks: scenario.checkLeaks });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.values, scenario.expected(scenario.args));
      assert.equal(run.stderr, scenario.checkLeaks === "1" ? "leak check: 0 live objects\n" : "");
    });
  }

  it("frees a million-node list and ring on a 256 KiB C stack", async () => {
    const list = await runScenario(["long-list", "1000000"], { stackKib: 256 });
    assert.equal(list.status, 0, list.stderr);
    assert.equal(list.values.live, 0);
    const ring = await runScenario(["long-cycle", "1000000"], { stackKib: 256 });
    assert.equal(ring.status, 0, ring.stderr);
    assert.deepEqual(ring.values, { before: 1000000, collect: 1000000, live: 0 });
  });

  it("collects automatically, with the threshold, and not when turned off", async () => {
    const run = await runScenario(["auto-collect", "20000"]);
    assert.equal(run.status, 0, run.stderr);
    const v = run.values;
    assert.equal(v["off-collections"], 0);
    assert.equal(v["off-live"], 40000);
    assert.equal(v.collect, 40000);
    // 40,000 net tracked allocations at a threshold of 700: a collection every 701.
    assert.equal(v["on-collections"], Math.floor(40000 / 701));
    assert.ok(v["on-live"]! <= 700, `${v["on-live"]} objects left alive`);
    assert.equal(v["on-threshold"], 700);
    assert.equal(v.collected, 40000 + 40000 - v["on-live"]!);
    assert.equal(v.live, 0);
  });

  it("reports exactly the leaked objects by layout and site, most first", async () => {
    const run = await runScenario(["leaks"], { checkLeaks: "1" });
    assert.equal(run.status, 0, run.stderr);
    // 6 leaked, a garbage cycle of 2 (the report's collection frees it), 1 immortal.
    assert.deepEqual(run.values, { live: 9 });
    assert.equal(run.stderr, LEAK_REPORT);
  });

  it("prints nothing when TOOLCHAIN_CHECK_LEAKS is unset or not 1", async () => {
    for (const checkLeaks of [undefined, "0", "yes"]) {
      const leaky = await runScenario(["leaks"], { checkLeaks });
      assert.equal(leaky.status, 0);
      assert.equal(leaky.stderr, "");
      assert.deepEqual(leaky.values, { live: 9 });
    }
  });

  it("says 0 live objects when nothing leaks, after collecting what is left", async () => {
    const run = await runScenario(["no-leaks"], { checkLeaks: "1" });
    assert.equal(run.status, 0);
    assert.deepEqual(run.values, { live: 1 });
    assert.equal(run.stderr, "leak check: 0 live objects\n");
    const unchecked = await runScenario(["no-leaks"]);
    assert.equal(unchecked.stderr, "");
  });
});

describe("the object runtime under valgrind", () => {
  it("has valgrind to run", () => {
    const version = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
    assert.equal(version.status, 0, "valgrind is required (apt-get install valgrind)");
  });

  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    for (const checkLeaks of scenario.checkLeaks === "1" ? [undefined, "1"] : [undefined]) {
      const args = scenario.valgrindArgs ?? scenario.args;
      it(`${name}${checkLeaks === "1" ? " (leaks checked)" : ""}`, async () => {
        const run = await runScenario(args, { valgrind: true, checkLeaks });
        assertMemcheckClean(run);
        assert.deepEqual(run.values, scenario.expected(args));
      });
    }
  }

  it("collects automatically", async () => {
    const run = await runScenario(["auto-collect", "3000"], { valgrind: true });
    assertMemcheckClean(run);
    assert.equal(run.values.live, 0);
    assert.ok(run.values["on-collections"]! > 0);
  });

  it("reports leaks with the leak checker's prefixes in place", async () => {
    const run = await runScenario(["leaks"], { valgrind: true, checkLeaks: "1" });
    assertMemcheckClean(run);
    assert.ok(run.stderr.includes(LEAK_REPORT), run.stderr);
    const clean = await runScenario(["no-leaks"], { valgrind: true, checkLeaks: "1" });
    assertMemcheckClean(clean);
    assert.ok(clean.stderr.includes("leak check: 0 live objects\n"), clean.stderr);
  });

  it("still sees a leaked object, pool-allocated or tracked, as definitely lost", async () => {
    const run = await runScenario(["valgrind-leak"], { valgrind: true });
    assert.equal(run.status, 99, run.stderr);
    assert.match(run.stderr, /definitely lost: 96 bytes in 3 blocks/);
    assert.match(run.stderr, /by 0x[0-9A-F]+: forget_objects \(object_harness\.c:\d+\)/);
    // A garbage cycle left at exit (no checker, so no collection) is lost too.
    const cycle = await runScenario(["no-leaks"], { valgrind: true });
    assert.equal(cycle.status, 99, cycle.stderr);
    assert.match(cycle.stderr, /definitely lost: 32 bytes in 1 blocks/);
  });

  it("still sees a use after free", async () => {
    const run = await runScenario(["use-after-free"], { valgrind: true });
    assert.equal(run.status, 99, run.stderr);
    assert.match(run.stderr, /Invalid read of size 8\n.*at 0x[0-9A-F]+: use_after_free \(object_harness\.c:\d+\)/);
  });
});
