// The core runtime's building blocks (runtime/array.h, runtime/hash_table.h and the files of
// runtime.h) through blocks_harness.c, a C program linked with the test language's runtime archive.
// Operations come from seeded generators here; what the harness observed is compared with models
// computed here (a JavaScript array, a JavaScript Map, which keeps insertion order as the table
// must), with CPython's own hash of bytes (python3 with PYTHONHASHSEED), and with the files as Node
// reads them back. Each scenario also runs under valgrind's memcheck (no error, no definite leak),
// and the files' catalogue entries are called from a program built from IR.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { addFunction, constants, createModule, IrBuilder, strType } from "../src/ir/builder.js";
import type { SourceLoc, Value } from "../src/ir/ir.js";
import { types } from "../src/ir/types.js";
import { validateModule } from "../src/ir/validator.js";
import { insertReferenceCounting } from "../src/passes/reference-counting.js";
import { lookupRuntimeFunction } from "../src/runtime-functions.js";
import { buildCHarness, buildProgram, seededRandom } from "./native-build.js";

const HARNESS_SOURCE = fileURLToPath(new URL("../../test/blocks_harness.c", import.meta.url));
const { ENOENT, EEXIST, EISDIR, EINVAL, EBADF } = osConstants.errno;

function buildHarness(): Promise<string> {
  return buildCHarness(HARNESS_SOURCE, "the building blocks harness");
}

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
  readonly lines: string[];
}

interface RunOptions {
  readonly input?: string;
  /** TOOLCHAIN_CHECK_LEAKS=1. */
  readonly checkLeaks?: boolean;
  readonly valgrind?: boolean;
  /** TOOLCHAIN_HASH_SEED: its value, or unset. */
  readonly hashSeed?: string;
  /** stderr joined to stdout, in one pipe (their order is observable). */
  readonly joinStderr?: boolean;
}

const VALGRIND = ["valgrind", "--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=99"];

async function runHarness(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const path = await buildHarness();
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.TOOLCHAIN_CHECK_LEAKS;
  delete env.TOOLCHAIN_HASH_SEED;
  if (options.checkLeaks === true) env.TOOLCHAIN_CHECK_LEAKS = "1";
  if (options.hashSeed !== undefined) env.TOOLCHAIN_HASH_SEED = options.hashSeed;
  let command = [...(options.valgrind === true ? VALGRIND : []), path, ...args];
  if (options.joinStderr === true) command = ["sh", "-c", 'exec "$@" 2>&1', "sh", ...command];
  const result = spawnSync(command[0]!, command.slice(1), {
    encoding: "utf8",
    env,
    input: options.input ?? "",
    timeout: 600_000,
    maxBuffer: 1 << 28,
  });
  if (result.error !== undefined) throw result.error;
  const lines = result.stdout.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, lines };
}

/** Succeeded; with the leak checker on, nothing live at exit. */
function assertClean(run: Run, options: RunOptions): void {
  if (options.valgrind === true) {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /ERROR SUMMARY: 0 errors from 0 contexts/);
    const lost = /definitely lost: ([\d,]+) bytes/.exec(run.stderr);
    assert.ok(lost === null || lost[1] === "0", run.stderr);
    if (options.checkLeaks === true) assert.ok(run.stderr.includes("leak check: 0 live objects\n"), run.stderr);
  } else {
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, options.checkLeaks === true ? "leak check: 0 live objects\n" : "");
  }
}

/** `key value` lines as a map from key to the rest of the line. */
function keyed(lines: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines) {
    const space = line.indexOf(" ");
    values.set(line.slice(0, space), line.slice(space + 1));
  }
  return values;
}

function numbers(values: Map<string, string>): Record<string, number> {
  return Object.fromEntries([...values].map(([key, value]) => [key, Number(value)]));
}

/** The bytes of a `key HEX` line ("-" is none, "null" is a NULL result). */
function hexBytes(text: string | undefined): Buffer | null {
  assert.ok(text !== undefined);
  if (text === "null") return null;
  return Buffer.from(text === "-" ? "" : text, "hex");
}

const MODES = [{ valgrind: false }, { valgrind: true }] as const;
const under = (valgrind: boolean) => (valgrind ? " (valgrind)" : "");

// ---- arrays ---------------------------------------------------------------------------------------

/** (i + 1) * value summed mod 2^32, as the harness's state line. */
function checksum(values: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => {
    sum = (sum + (Math.imul(i + 1, v) >>> 0)) >>> 0;
  });
  return sum;
}

/** The capacity array.h's policy gives an array growing or shrinking to `length` from `previous`. */
function policyCapacity(length: number, previous: number): number {
  if (length === 0) return 0;
  const over = (length + (length >> 3) + 6) & ~3;
  return length - previous > over - length ? (length + 3) & ~3 : over;
}

interface ArrayScript {
  readonly input: string;
  /** Per operation: the lines it prints but the state line, the model after it, and its kind. */
  readonly steps: { lines: string[]; model: number[]; op: string; reserve?: number }[];
}

/** Random operations on an array, kept to a few hundred elements, and the model's view of each. */
function arrayScript(seed: number, count: number): ArrayScript {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const model: number[] = [];
  const ops: string[] = [];
  const steps: ArrayScript["steps"] = [];
  for (let i = 0; i < count; i++) {
    const length = model.length;
    const r = random() * (length > 300 ? 0.6 : 1);
    const lines: string[] = [];
    let op: string;
    let reserve: number | undefined;
    const value = int(1 << 20);
    if (length === 0 || r < 0.3) {
      op = `a ${value}`;
      model.push(value);
    } else if (r < 0.45) {
      // Inserts at both ends and in the middle.
      const at = [0, length, int(length + 1)][int(3)]!;
      op = `i ${at} ${value}`;
      model.splice(at, 0, value);
    } else if (r < 0.52) {
      const at = int(length);
      op = `j ${at}`;
      model.push(model[at]!);
    } else if (r < 0.59) {
      const at = int(length + 1);
      const from = int(length);
      op = `k ${at} ${from}`;
      model.splice(at, 0, model[from]!);
    } else if (r < 0.62) {
      op = `z ${int(20)}`;
      model.push(...new Array<number>(Number(op.slice(2))).fill(0));
    } else if (r < 0.64 && length < 200) {
      op = "e";
      model.push(...model);
    } else if (r < 0.66) {
      reserve = int(600);
      op = `v ${reserve}`;
    } else if (r < 0.67) {
      op = "f";
      lines.push(`each ${length} ${model.reduce((a, b) => a + b, 0)}`);
    } else if (r < 0.75) {
      const at = int(length);
      op = `s ${at} ${value}`;
      model[at] = value;
    } else if (r < 0.85 || length > 300) {
      const at = [0, length - 1, int(length)][int(3)]!;
      op = `r ${at}`;
      lines.push(`removed ${model.splice(at, 1)[0]}`);
    } else if (r < 0.95) {
      op = "p";
      lines.push(`removed ${model.pop()}`);
    } else {
      const to = int(length + 1);
      op = `t ${to}`;
      model.length = to;
    }
    ops.push(op);
    steps.push({ lines, model: [...model], op: op[0]!, reserve });
  }
  return { input: `${ops.join("\n")}\n`, steps };
}

/** Checks each operation's output against the model and each capacity against the policy. */
function checkArrayRun(run: Run, script: ArrayScript): void {
  let at = 0;
  let previous = { length: 0, capacity: 0 };
  script.steps.forEach((step, i) => {
    const context = `operation ${i + 1} (${step.op})`;
    for (const expected of step.lines) assert.equal(run.lines[at++], expected, context);
    const state = /^state (\d+) (\d+) (\d+) (\d+)$/.exec(run.lines[at++] ?? "");
    assert.ok(state !== null, `${context}: no state line`);
    const [length, capacity, sum, bad] = state.slice(1).map(Number) as [number, number, number, number];
    assert.equal(length, step.model.length, context);
    assert.equal(sum, checksum(step.model), context);
    assert.equal(bad, 0, `${context}: elements that do not decode`);
    assert.ok(capacity >= length, `${context}: capacity ${capacity} below the length ${length}`);
    if (step.reserve !== undefined) {
      assert.equal(capacity, Math.max(previous.capacity, step.reserve), context);
    } else if (capacity === previous.capacity) {
      // Growing within the room, or shrinking to no less than half of it (or to where the policy's
      // size for the new length is the same: 3 elements of 8).
      if (length < previous.length && length < Math.floor(capacity / 2)) {
        assert.equal(capacity, policyCapacity(length, previous.length), `${context}: should have shrunk`);
      }
    } else {
      const grew = length > previous.capacity;
      const shrank = length < previous.length && length < Math.floor(previous.capacity / 2);
      assert.ok(grew || shrank, `${context}: reallocated from ${previous.capacity} to ${capacity} needlessly`);
      assert.equal(capacity, policyCapacity(length, previous.length), context);
    }
    previous = { length, capacity };
  });
  assert.equal(run.lines[at++], "freed-capacity 0");
  assert.equal(at, run.lines.length);
}

describe("rt_array", () => {
  for (const { valgrind } of MODES) {
    const n = valgrind ? 100_000 : 1_000_000;
    it(`appends ${n.toLocaleString("en")} i64, shrinks as it is drained, by the growth policy${under(valgrind)}`, async () => {
      const run = await runHarness(["array-append", String(n)], { valgrind });
      assertClean(run, { valgrind });
      const v = numbers(keyed(run.lines));
      const values = Array.from({ length: n }, (_, i) => (i * 7919) % 1000003);
      assert.equal(v.length, n);
      assert.equal(v.wrong, 0);
      assert.equal(v.checksum, checksum(values));
      assert.equal(v["capacity-below-length"], 0);
      // Over-allocation of an eighth plus at most 6: amortised O(1) appends, ~12.5% unused at most.
      assert.ok(v["max-spare-beyond-eighth"]! <= 6, `spare ${v["max-spare-beyond-eighth"]}`);
      assert.ok(v.capacity! >= n && v.capacity! <= n + n / 8 + 6);
      // Each reallocation grows by about 1/8, so there are about log(n) / log(9/8) of them.
      const growths = Math.log(n) / Math.log(9 / 8);
      assert.ok(v["capacity-changes"]! <= growths + 10, `${v["capacity-changes"]} reallocations`);
      assert.equal(v["popped-wrong"], 0);
      assert.equal(v["after-pops-length"], n / 10);
      assert.ok(v.shrinks! >= 1, "draining never shrank the storage");
      assert.ok(v["max-capacity-over-twice-length"]! <= 1, "a drained array kept more than twice its length");
      assert.ok(v["truncated-capacity"]! >= 10 && v["truncated-capacity"]! <= 20);
      assert.equal(v["truncated-wrong"], 0);
      assert.equal(v["emptied-capacity"], 0);
      assert.equal(v["emptied-data-null"], 1);
    });

    for (const size of [8, 16, 3, 40]) {
      it(`matches a model under random inserts, removals, pops and copies of its own elements (${size}-byte elements)${under(valgrind)}`, async () => {
        const script = arrayScript(size * 1000 + 7, valgrind ? 1500 : 6000);
        const run = await runHarness(["array-ops", String(size)], { input: script.input, valgrind });
        assertClean(run, { valgrind });
        checkArrayRun(run, script);
      });
    }

    it(`holds references in a managed list: released, traversed and collected${under(valgrind)}`, async () => {
      const n = valgrind ? 2000 : 10000;
      for (const checkLeaks of [false, true]) {
        const run = await runHarness(["array-refs", String(n)], { valgrind, checkLeaks });
        assertClean(run, { valgrind, checkLeaks });
        assert.deepEqual(numbers(keyed(run.lines)), {
          "live-built": 1 + 2 * n,
          "live-released": 0,
          "live-cycle": 2 + n,
          collected: 2,
          live: 0,
        });
      }
    });
  }
});

// ---- hash tables ----------------------------------------------------------------------------------

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Keys for a mode: integers (extremes included, and INT64_MIN next to INT64_MIN + 1) or text. */
function keyPool(mode: string, size: number, random: () => number): string[] {
  if (mode === "str") return Array.from({ length: size }, (_, i) => (i % 3 === 0 ? `ключ${i}` : `k${i}`));
  const pool = new Set<string>([INT64_MIN, INT64_MIN + 1n, INT64_MAX, -1n, 0n].map(String));
  while (pool.size < size) {
    const magnitude = random() < 0.5 ? BigInt(Math.floor(random() * size * 4)) : BigInt(Math.floor(random() * 2 ** 53));
    pool.add(String(random() < 0.3 ? -magnitude : magnitude));
  }
  return [...pool];
}

interface HashScript {
  readonly input: string;
  /** The lines expected, with null where a `table` line is (checked by its invariants). */
  readonly expected: (string | null)[];
}

function hashScript(mode: string, seed: number, count: number, poolSize: number): HashScript {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const keys = keyPool(mode, poolSize, random);
  const withValues = mode !== "set";
  const model = new Map<string, number>();
  const ops: string[] = [];
  const expected: (string | null)[] = [];
  const entries = () => [...model].map(([k, v]) => ` ${k} ${v}`).join("");
  for (let i = 0; i < count; i++) {
    const key = keys[int(keys.length)]!;
    const value = withValues ? int(1_000_000) - 500_000 : 0;
    const r = random();
    if (r < 0.35) {
      ops.push(`s ${key} ${value}`);
      expected.push(model.has(key) ? `replaced ${model.get(key)}` : "inserted");
      model.set(key, value);
    } else if (r < 0.5) {
      ops.push(`g ${key}`);
      expected.push(model.has(key) ? `value ${model.get(key)}` : "missing");
    } else if (r < 0.65) {
      ops.push(`d ${key}`);
      expected.push(model.has(key) ? `deleted ${key} ${model.get(key)}` : "missing");
      model.delete(key);
    } else if (r < 0.7) {
      ops.push("p");
      const last = [...model].at(-1);
      expected.push(last === undefined ? "empty" : `popped ${last[0]} ${last[1]}`);
      if (last !== undefined) model.delete(last[0]);
    } else if (r < 0.8) {
      ops.push(`n ${key}`);
      const counted = (model.get(key) ?? 0) + (withValues ? 1 : 0);
      model.set(key, counted);
      expected.push(`counted ${counted}`);
    } else if (r < 0.83) {
      ops.push("o");
      expected.push(`order${entries()}`);
    } else if (r < 0.86) {
      ops.push("l");
      expected.push(`length ${model.size}`);
    } else if (r < 0.862) {
      ops.push(`c ${int(2)}`);
      expected.push(`cleared ${model.size}`);
      model.clear();
    } else if (r < 0.87) {
      ops.push(`r ${int(poolSize)}`);
      expected.push("reserved");
    } else if (r < 0.95) {
      ops.push("t");
      expected.push(null);
    } else {
      ops.push("x");
      expected.push("check 1 1 1");
    }
  }
  ops.push("o");
  expected.push(`order${entries()}`);
  expected.push(`end-released ${model.size}`);
  expected.push(`equal-calls-made ${mode === "raw" ? 0 : 1}`);
  return { input: `${ops.join("\n")}\n`, expected };
}

/** A `table LENGTH USED FILLED USABLE SLOTS WIDTH` line obeys the table's invariants. */
function checkTableLine(line: string, context: string): number[] {
  const match = /^table (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$/.exec(line);
  assert.ok(match !== null, `${context}: ${line}`);
  const [length, used, filled, usable, slots, width] = match.slice(1).map(Number) as number[];
  assert.ok(length! <= used!, `${context}: ${line}`);
  assert.ok(used! <= usable! && filled! <= usable!, `${context}: ${line}`);
  if (slots === 0) {
    assert.deepEqual([length, used, filled, usable], [0, 0, 0, 0], context);
  } else {
    assert.ok(slots! >= 8 && (slots! & (slots! - 1)) === 0, `${context}: ${slots} slots`);
    assert.equal(usable, Math.floor((slots! * 2) / 3), context);
    assert.ok(usable! < slots!, context);
  }
  assert.equal(width, slots! <= 128 ? 1 : slots! <= 2 ** 15 ? 2 : 4, context);
  return [length!, used!, filled!, usable!, slots!, width!];
}

function checkHashRun(run: Run, script: HashScript): void {
  assert.equal(run.lines.length, script.expected.length);
  script.expected.forEach((expected, i) => {
    if (expected === null) checkTableLine(run.lines[i]!, `line ${i + 1}`);
    else assert.equal(run.lines[i], expected, `line ${i + 1}`);
  });
}

describe("rt_hash_table", () => {
  for (const { valgrind } of MODES) {
    for (const mode of ["mix", "raw", "mod7", "same", "str", "set"]) {
      // Colliding hashes make every probe long: fewer keys there.
      const pools = mode === "same" ? [40, 400] : [40, 3000];
      it(`matches a Map under random operations, order included (${mode} keys)${under(valgrind)}`, async () => {
        for (const [index, poolSize] of pools.entries()) {
          const script = hashScript(mode, 17 * index + mode.length, valgrind ? 1500 : 8000, poolSize);
          const checkLeaks = mode === "str";
          const run = await runHarness(["hash-ops", mode], { input: script.input, valgrind, checkLeaks });
          assertClean(run, { valgrind, checkLeaks });
          checkHashRun(run, script);
        }
      });
    }

    const n = valgrind ? 5000 : 100_000;
    it(`grows under load by three times its entries, finds them all, and compacts after deletions${under(valgrind)}`, async () => {
      const run = await runHarness(["hash-load", String(n)], { valgrind });
      assertClean(run, { valgrind });
      const grows = run.lines.filter((l) => l.startsWith("grow ")).map((l) => l.split(" ").slice(1).map(Number));
      assert.deepEqual(grows[0], [1, 8, 1]);
      for (let i = 1; i < grows.length; i++) {
        const [length, slots, width] = grows[i] as [number, number, number];
        const previousSlots = grows[i - 1]![1]!;
        // Rebuilt exactly when the entries were full, to the power of two at least three times them.
        assert.equal(length - 1, Math.floor((previousSlots * 2) / 3), `grow ${i}`);
        assert.equal(slots, 2 ** Math.ceil(Math.log2(3 * (length - 1))), `grow ${i}`);
        assert.equal(width, slots <= 128 ? 1 : slots <= 2 ** 15 ? 2 : 4);
      }
      const last = grows.at(-1)!;
      assert.ok(last[1]! >= 1.5 * n && last[1]! <= 6 * n, `${last[1]} slots for ${n} entries`);
      const v = keyed(run.lines.filter((l) => !l.startsWith("grow ")));
      assert.equal(v.get("found"), String(n));
      assert.equal(v.get("absent"), String(n));
      const tables = run.lines.filter((l) => l.startsWith("table "));
      const [length, used, , , slots] = checkTableLine(tables[0]!, "after deletions");
      assert.deepEqual([length, used, slots], [10, n, last[1]]);
      // Churn fills the entries; the rebuild keeps 10 + 1 live entries in a small table, compacted.
      assert.equal(v.get("rebuilt"), "11 32 11");
      assert.deepEqual(checkTableLine(tables[1]!, "rebuilt"), [11, 11, 11, 21, 32, 1]);
      const order = v.get("order")!.split(" ").map(Number);
      assert.deepEqual(
        order.slice(0, 10),
        Array.from({ length: 10 }, (_, i) => n - 10 + i),
      );
      assert.equal(order.length, 11);
      assert.ok(order[10]! >= n);
      assert.equal(v.has("duplicate") || v.has("not-deleted"), false);
    });
  }
});

// ---- hashing --------------------------------------------------------------------------------------

/** Inputs of every length up to 40 (all tails of SipHash's 8-byte blocks), and ASCII words. */
function hashInputs(): Buffer[] {
  const random = seededRandom(99);
  const inputs: Buffer[] = [];
  for (let size = 1; size <= 40; size++) {
    inputs.push(Buffer.from(Array.from({ length: size }, () => Math.floor(random() * 256))));
  }
  for (const word of ["a", "hello", "hash table", "The quick brown fox jumps over the lazy dog"]) {
    inputs.push(Buffer.from(word));
  }
  inputs.push(Buffer.alloc(100, 0), Buffer.alloc(1000, 0xff));
  return inputs;
}

/** CPython's hash of each input as bytes, and as str for the ASCII ones (the same for ASCII). */
function cpythonHashes(inputs: readonly Buffer[], seed: string): { bytes: string[]; ascii: (string | null)[] } {
  const program = [
    "import sys",
    "for line in sys.stdin.read().split():",
    "    data = bytes.fromhex(line)",
    "    text = hash(data.decode('ascii')) if data.isascii() else None",
    "    print(hash(data), text)",
  ].join("\n");
  const result = spawnSync("python3", ["-c", program], {
    input: inputs.map((b) => b.toString("hex")).join("\n"),
    encoding: "utf8",
    env: { ...process.env, PYTHONHASHSEED: seed },
  });
  assert.equal(result.status, 0, result.stderr);
  const pairs = result.stdout
    .trim()
    .split("\n")
    .map((l) => l.split(" "));
  return { bytes: pairs.map((p) => p[0]!), ascii: pairs.map((p) => (p[1] === "None" ? null : p[1]!)) };
}

/** The murmur3 64-bit finaliser, as hash_table.h documents rt_hash_i64. */
function fmix64(x: bigint): bigint {
  const mask = 2n ** 64n - 1n;
  let h = BigInt.asUintN(64, x);
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & mask;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & mask;
  h ^= h >> 33n;
  return BigInt.asIntN(64, h);
}

describe("hashing", () => {
  const inputs = hashInputs();
  const input = `${inputs.map((b) => b.toString("hex")).join("\n")}\n`;

  it("hashes bytes as CPython's siphash13 does, with the key its PYTHONHASHSEED gives", async () => {
    for (const [ours, cpython] of [
      [undefined, "0"],
      ["0", "0"],
      ["1", "1"],
      ["12345", "12345"],
      ["4294967295", "4294967295"],
    ] as const) {
      const run = await runHarness(["hash-bytes"], { input, hashSeed: ours });
      assertClean(run, {});
      const hashes = run.lines.filter((l) => l.startsWith("hash ")).map((l) => l.slice(5));
      const expected = cpythonHashes(inputs, cpython);
      assert.deepEqual(hashes, expected.bytes, `TOOLCHAIN_HASH_SEED=${ours} against PYTHONHASHSEED=${cpython}`);
      expected.ascii.forEach((text, i) => {
        if (text !== null) assert.equal(hashes[i], text, "an ASCII str hashes as its bytes");
      });
      if (ours === undefined || ours === "0") assert.equal(run.lines.at(-1), "key 0 0");
    }
  });

  it("takes a random key with TOOLCHAIN_HASH_SEED=random, and ignores a value it does not know", async () => {
    const keys = [];
    for (let i = 0; i < 2; i++) {
      const run = await runHarness(["hash-bytes"], { input, hashSeed: "random" });
      assertClean(run, {});
      keys.push(run.lines.at(-1));
      assert.notDeepEqual(
        run.lines.filter((l) => l.startsWith("hash ")).map((l) => l.slice(5)),
        cpythonHashes(inputs, "0").bytes,
      );
    }
    assert.notEqual(keys[0], "key 0 0");
    assert.notEqual(keys[0], keys[1]);
    for (const invalid of ["abc", "4294967296", "-1", " 5"]) {
      const run = await runHarness(["hash-bytes"], { input: "", hashSeed: invalid });
      assert.equal(run.lines.at(-1), "key 0 0", invalid);
    }
  });

  it("hashes an int64 with the murmur3 finaliser, spreading multiples of 1024 over the low bits", async () => {
    const values = [0n, 1n, -1n, 2n, 42n, INT64_MIN, INT64_MAX, 1n << 32n, 123456789012345n];
    for (let i = 0n; i < 1024n; i++) values.push(i * 1024n);
    const run = await runHarness(["hash-i64"], { input: `${values.join("\n")}\n` });
    assertClean(run, {});
    const hashes = run.lines.map((l) => BigInt(l.slice(5)));
    assert.deepEqual(hashes, values.map(fmix64));
    const lowBits = new Set(hashes.slice(9).map((h) => Number(BigInt.asUintN(10, h))));
    // 1024 keys that all end in ten zero bits land in ~1024 * (1 - 1/e) = 647 of 1024 buckets.
    assert.ok(lowBits.size > 580, `${lowBits.size} distinct low parts`);
  });
});

// ---- files ----------------------------------------------------------------------------------------

const directories: string[] = [];
after(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

function freshDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), "runtime-blocks-"));
  directories.push(dir);
  return dir;
}

describe("files", () => {
  for (const { valgrind } of MODES) {
    it(`write, append, read back whole, by lines and by bytes; errors as errno; a drop closes${under(valgrind)}`, async () => {
      const dir = freshDirectory();
      const run = await runHarness(["file-io", dir], { valgrind, checkLeaks: true });
      assertClean(run, { valgrind, checkLeaks: true });
      const v = keyed(run.lines);
      const n = (key: string) => Number(v.get(key));
      const text = (key: string) => hexBytes(v.get(key))?.toString("utf8");
      const a = "hello\nwörld\nmore\nlast";
      assert.equal(readFileSync(join(dir, "a.txt"), "utf8"), a);
      for (const key of ["open-write", "write", "flush", "close", "closed", "close-again", "append"]) {
        assert.equal(n(key), 1, key);
      }
      assert.equal(n("mode"), 1);
      assert.equal(n("mode-append"), 2);
      assert.equal(text("all"), a);
      assert.deepEqual(
        run.lines.filter((l) => l.startsWith("line ")).map((l) => hexBytes(l.slice(5))!.toString("utf8")),
        ["hello\n", "wörld\n", "more\n", "last"],
      );
      assert.equal(n("lines"), 4);
      assert.equal(n("lines-null"), 0);
      // A line, then 4 bytes (cutting nothing but bytes: "wör" is 4), then the rest.
      assert.equal(text("first-line"), "hello\n");
      assert.equal(n("read-bytes"), 4);
      assert.equal(text("bytes"), "wör");
      assert.equal(text("rest"), "ld\nmore\nlast");
      assert.equal(text("rest-at-end"), "");
      assert.equal(text("line-at-end"), "");
      assert.equal(n("bytes-at-end"), 0);
      // What a handle cannot do.
      assert.deepEqual(["write-reading", "write-reading-errno", "read-closed-null", "read-closed-errno"].map(n), [
        0,
        EBADF,
        1,
        EBADF,
      ]);
      assert.deepEqual(["flush-closed", "write-closed"].map(n), [0, 0]);
      assert.deepEqual(["create-new", "read-writing-null", "read-writing-errno", "read-line-writing"].map(n), [
        1,
        1,
        EBADF,
        1,
      ]);
      // Opening: NULL and the error number, also left in errno.
      assert.deepEqual(["missing-null", "missing-errno", "missing-c-errno"].map(n), [1, ENOENT, ENOENT]);
      assert.deepEqual(["create-existing-null", "create-existing-errno"].map(n), [1, EEXIST]);
      assert.deepEqual(["directory-null", "directory-errno"].map(n), [1, EISDIR]);
      assert.deepEqual(["write-directory-null", "write-directory-errno"].map(n), [1, EISDIR]);
      assert.deepEqual(["missing-dir-null", "missing-dir-errno"].map(n), [1, ENOENT]);
      assert.deepEqual(["bad-mode-null", "bad-mode-errno", "nul-null", "nul-errno"].map(n), [1, EINVAL, 1, EINVAL]);
      // Large: Node reads what the handle wrote; the harness read it back the same, whole and by lines.
      const big = readFileSync(join(dir, "big.txt"));
      const bigLines = big.toString("latin1").split(/(?<=\n)/);
      assert.equal(n("big-close"), 1);
      assert.equal(n("big-size"), big.length);
      assert.ok(big.length > 500_000);
      assert.equal(n("big-equal"), 1);
      assert.equal(n("big-lines"), bigLines.length);
      assert.equal(n("big-expected-lines"), bigLines.length);
      assert.equal(n("big-longest"), Math.max(...bigLines.map((l) => l.length)));
      assert.ok(n("big-longest") > 50_000);
      assert.equal(n("big-newline-inside"), 0);
      assert.equal(n("big-lines-equal"), 1);
      // Dropping the last reference wrote the buffer and freed the descriptor.
      assert.deepEqual(["fd-open-before", "fd-closed-after-drop"].map(n), [1, 1]);
      assert.equal(text("dropped"), "dropped\n");
      assert.equal(readFileSync(join(dir, "c.txt"), "utf8"), "dropped\n");
      assert.deepEqual(hexBytes(v.get("binary")), Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0xc3, 0xa9]));
      assert.deepEqual(["binary-valid-utf8", "text-valid-utf8", "live"].map(n), [0, 1, 0]);
    });

    it(`reports a handle leaked on purpose by its layout, and still writes its buffer at exit${under(valgrind)}`, async () => {
      const dir = freshDirectory();
      const run = await runHarness(["file-leak", dir], { valgrind, checkLeaks: true });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.lines, ["live 1"]);
      const report = "leak check: 1 live objects\n  1 file allocated at an unknown site\n";
      if (valgrind) {
        assert.ok(run.stderr.includes(report), run.stderr);
        assert.match(run.stderr, /ERROR SUMMARY: 0 errors from 0 contexts/);
      } else {
        assert.equal(run.stderr, report);
      }
      assert.equal(readFileSync(join(dir, "leak.txt"), "utf8"), "kept\n");
      const exit = await runHarness(["file-exit", dir], { valgrind });
      assert.equal(exit.status, 3, exit.stderr);
      assert.equal(readFileSync(join(dir, "exit.txt"), "utf8"), "before exit\n");
    });

    it(`writes the standard streams through the core's buffers, in program order${under(valgrind)}`, async () => {
      const run = await runHarness(["streams"], { valgrind, joinStderr: true, input: "first\nsecond\nthird\nrest" });
      const hex = (s: string) => Buffer.from(s).toString("hex");
      const expected = [
        "out 1",
        "out 2 via handle",
        "out 3",
        "err 1 via handle",
        "out 4",
        "stdout-mode 1",
        "stdin-mode 0",
        `stdin-core-line ${hex("first")}`,
        `stdin-handle-line ${hex("second\n")}`,
        "stdin-bytes 3",
        `stdin-bytes-read ${hex("thi")}`,
        `stdin-rest ${hex("rd\nrest")}`,
        "stdin-end -",
        "stdin-write 0",
        `stdin-write-errno ${EBADF}`,
        "close-stdout 1",
        "stdout-closed 0",
        "still open",
        "stdout-refcount-immortal 1",
      ];
      if (valgrind) {
        assert.equal(run.status, 0, run.stdout);
        assert.match(run.stdout, /ERROR SUMMARY: 0 errors from 0 contexts/);
        assert.deepEqual(
          run.lines.filter((l) => !l.startsWith("==")),
          expected,
        );
      } else {
        assert.equal(run.status, 0, run.stdout);
        assert.equal(run.stdout, `${expected.join("\n")}\n`);
      }
    });
  }
});

// ---- the catalogue's file functions, called from IR ---------------------------------------------------

describe("files from IR", () => {
  const at: SourceLoc = { file: "files.src", line: 1, col: 0 };

  function rt(b: IrBuilder, name: string, args: Value[]): Value {
    const f = lookupRuntimeFunction(name);
    if (f === undefined) throw new Error(`no core runtime function ${name}`);
    return b.callExtern(f, args, at);
  }

  /**
   * main: opens argv[1] for writing, writes two strings, closes; opens it again, prints its first
   * line and the rest; opens argv[2] (missing) and prints the error number; writes through the stdout
   * handle; the reading handle is never closed: its drop does it.
   */
  function fileProgram() {
    const m = createModule("files.src");
    const main = addFunction(m, "main", "main", [], types.void);
    m.entry = main;
    const b = new IrBuilder(main, m);
    b.positionAt(b.createBlock("entry"));
    const write = (v: Value) => rt(b, "rt_write_str", [v]);
    const writeInt = (v: Value) => {
      rt(b, "rt_write_i64", [v.type === types.i1 ? b.zext(v) : v]);
      rt(b, "rt_write_newline", []);
    };
    /** The payload of a nullable result, after printing whether it was null. */
    const present = (v: Value): Value => {
      writeInt(b.icmp("ne", b.variantTag(v), constants.int(0n, types.i32)));
      return b.variantPayload(v, 1);
    };
    const path = rt(b, "rt_argv_get", [constants.int(1n)]);
    const output = present(rt(b, "rt_file_open", [path, constants.int(1n)]));
    writeInt(rt(b, "rt_file_mode", [output]));
    writeInt(rt(b, "rt_file_write", [output, constants.str("first line\n")]));
    writeInt(rt(b, "rt_file_write", [output, constants.str("second line\nno newline")]));
    writeInt(rt(b, "rt_file_close", [output]));
    writeInt(rt(b, "rt_file_is_closed", [output]));
    const input = present(rt(b, "rt_file_open", [path, constants.int(0n)]));
    write(present(rt(b, "rt_file_read_line", [input])));
    write(present(rt(b, "rt_file_read_all", [input])));
    rt(b, "rt_write_newline", []);
    writeInt(rt(b, "rt_str_is_valid_utf8", [constants.str("ok")]));
    const missing = rt(b, "rt_file_open", [rt(b, "rt_argv_get", [constants.int(2n)]), constants.int(0n)]);
    writeInt(b.icmp("eq", b.variantTag(missing), constants.int(0n, types.i32)));
    writeInt(rt(b, "rt_file_last_error", []));
    rt(b, "rt_file_write", [rt(b, "rt_file_stdout", []), constants.str("through the stdout handle\n")]);
    writeInt(rt(b, "rt_file_flush", [rt(b, "rt_file_stderr", [])]));
    b.ret(null);
    insertReferenceCounting(m);
    assert.deepEqual(validateModule(m), []);
    return m;
  }

  it("opens, writes, reads and fails with errno, leaking nothing, natively and under valgrind", async () => {
    const { path } = await buildProgram(fileProgram());
    const dir = freshDirectory();
    const expected = [
      "1", // opened
      "1", // mode
      "1",
      "1",
      "1", // closed
      "1", // is closed
      "1", // opened again
      "1", // a line
      "first line",
      "1", // the rest
      "second line",
      "no newline",
      "1", // valid UTF-8
      "1", // the missing file gave null
      String(ENOENT),
      "through the stdout handle",
      "1",
    ].join("\n");
    const args = [join(dir, "out.txt"), join(dir, "missing.txt")];
    const native = spawnSync(path, args, { encoding: "utf8", env: { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" } });
    assert.equal(native.status, 0, native.stderr);
    assert.equal(native.stdout, `${expected}\n`);
    assert.equal(native.stderr, "leak check: 0 live objects\n");
    assert.equal(readFileSync(join(dir, "out.txt"), "utf8"), "first line\nsecond line\nno newline");
    const checked = spawnSync(VALGRIND[0]!, [...VALGRIND.slice(1), path, ...args], {
      encoding: "utf8",
      env: { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" },
    });
    assert.equal(checked.status, 0, checked.stderr);
    assert.equal(checked.stdout, `${expected}\n`);
    assert.match(checked.stderr, /ERROR SUMMARY: 0 errors from 0 contexts/);
    assert.ok(checked.stderr.includes("leak check: 0 live objects\n"), checked.stderr);
  });

  it("declares the file functions with the runtime's file layout and nullable results", () => {
    const open = lookupRuntimeFunction("rt_file_open")!;
    assert.equal(open.result.text, "variant{unit | ref file}");
    assert.deepEqual(
      open.params.map((p) => p.text),
      ["ref str", "i64"],
    );
    assert.equal(lookupRuntimeFunction("rt_file_read_line")!.result.text, "variant{unit | ref str}");
    assert.equal(lookupRuntimeFunction("rt_file_write")!.params[1], strType);
    assert.equal(lookupRuntimeFunction("rt_file_stdout")!.result.text, "ref file");
  });
});
