// Helpers for tests that build real executables: IR module -> LLVM IR text -> opt, llc, cc with the
// cached runtime archive -> a program run as a child process. The programs link the core runtime with
// the test language library (runtime-test-language/), never with a front end's.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Module } from "../src/ir/ir.js";
import { type EmitOptions, emitModule } from "../src/llvm/emit-llvm.js";
import { type RuntimeFunction, runtimeCatalogue, runtimeFunction } from "../src/runtime-functions.js";
import { buildExecutable, type OptLevel } from "../src/toolchain/build-executable.js";
import { CORE_RUNTIME_DIR, ensureRuntimeArchive, type RuntimeLibrary } from "../src/toolchain/runtime-archive.js";
import { findToolchain, runTool, type Toolchain } from "../src/toolchain/tools.js";

/** The core runtime with the test language library: a plain uncaught-error report, no language's. */
export const TEST_RUNTIME: RuntimeLibrary = {
  name: "test-language",
  sourceDirs: [CORE_RUNTIME_DIR, fileURLToPath(new URL("../../test/runtime-test-language/", import.meta.url))],
};

/** The test language library's own functions (test_language.c): numbers in and out, neutrally spelled. */
export const TEST_LANGUAGE_FUNCTIONS: ReadonlyMap<string, RuntimeFunction> = runtimeCatalogue([
  runtimeFunction(
    "test_str_to_i64",
    [["str"], "i64"],
    false,
    "read",
    "A decimal integer in range, as strtoll reads it.",
  ),
  runtimeFunction("test_str_to_f64", [["str"], "f64"], false, "read", "A float as strtod reads it (nan, inf)."),
  runtimeFunction(
    "test_write_f64",
    [["f64"], "void"],
    false,
    "any",
    "Writes nan, or the float's bits in 16 hex digits.",
  ),
  runtimeFunction("test_boxed_word", [["i64"], "tagged"], false, "any", "A tagged word referring to a new string."),
  runtimeFunction("test_write_tagged", [["tagged"], "void"], false, "any", "Writes an immediate or its string."),
]);

let toolchain: Toolchain | null = null;

export function testToolchain(): Toolchain {
  toolchain ??= findToolchain();
  return toolchain;
}

let workDir: string | null = null;

/** A directory for this test file's outputs, removed when the file's tests end. */
export function testWorkDir(): string {
  if (workDir === null) {
    const dir = mkdtempSync(join(tmpdir(), "compiler-native-"));
    workDir = dir;
    // Not node:test's after(): called inside a test, that would clean up when the test ends.
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return workDir;
}

let count = 0;

export interface BuiltProgram {
  readonly path: string;
  readonly llvmIr: string;
}

/**
 * Emits and builds a module into an executable, linked with the test language library unless a
 * front end's tests name their own (`@toolchain/compiler/testing` serves them too).
 */
export async function buildProgram(
  module: Module,
  options: EmitOptions & { optLevel?: OptLevel; runtime?: RuntimeLibrary } = {},
): Promise<BuiltProgram> {
  const llvmIr = emitModule(module, options);
  const path = join(testWorkDir(), `program-${count++}`);
  await buildExecutable({
    llvmIr,
    output: path,
    optLevel: options.optLevel ?? 2,
    toolchain: testToolchain(),
    runtime: options.runtime ?? TEST_RUNTIME,
  });
  return { path, llvmIr };
}

/**
 * A C program linked with a runtime archive (the test language's by default): a harness that calls
 * the runtime directly. Built once per source and library in a test file's run.
 */
export function buildCHarness(source: string, what: string, runtime: RuntimeLibrary = TEST_RUNTIME): Promise<string> {
  const key = `${source}\0${runtime.name}`;
  let built = harnesses.get(key);
  if (built === undefined) {
    built = (async () => {
      const toolchain = testToolchain();
      const archive = await ensureRuntimeArchive(toolchain, runtime);
      const output = join(testWorkDir(), `harness-${harnesses.size}`);
      await runTool(
        [
          ...toolchain.cc,
          "-std=gnu11",
          "-O2",
          "-g",
          ...archive.includeDirs.flatMap((dir) => ["-I", dir]),
          source,
          ...archive.linkArgs,
          "-o",
          output,
        ],
        `compiling ${what}`,
      );
      return output;
    })();
    harnesses.set(key, built);
  }
  return built;
}

const harnesses = new Map<string, Promise<string>>();

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

export function runProgram(path: string, args: readonly string[] = [], input?: string): RunResult {
  const result = spawnSync(path, args, { encoding: "utf8", timeout: 60_000, input, maxBuffer: 1 << 28 });
  if (result.error !== undefined) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** mulberry32: deterministic, so a failing case reproduces. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
