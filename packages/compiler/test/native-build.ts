// Helpers for tests that build real executables: IR module -> LLVM IR text -> opt, llc, cc with the
// cached runtime archive -> a program run as a child process; and CPython as the referee.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Module } from "../src/ir/ir.js";
import { type EmitOptions, emitModule } from "../src/llvm/emit-llvm.js";
import { buildExecutable, type OptLevel } from "../src/toolchain/build-executable.js";
import { findToolchain, type Toolchain } from "../src/toolchain/tools.js";

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

/** Emits and builds a module into an executable. */
export async function buildProgram(
  module: Module,
  options: EmitOptions & { optLevel?: OptLevel } = {},
): Promise<BuiltProgram> {
  const llvmIr = emitModule(module, options);
  const path = join(testWorkDir(), `program-${count++}`);
  await buildExecutable({ llvmIr, output: path, optLevel: options.optLevel ?? 2, toolchain: testToolchain() });
  return { path, llvmIr };
}

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

/** Runs CPython (the referee) on a script; its stdout, or a thrown error with its stderr. */
export function python(script: string, input?: string, cwd?: string): RunResult {
  const result = spawnSync("python3", ["-c", script], {
    encoding: "utf8",
    input,
    cwd,
    maxBuffer: 1 << 28,
    env: { ...process.env, PYTHONUTF8: "1", PYTHONDONTWRITEBYTECODE: "1" },
  });
  if (result.error !== undefined) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** CPython running a script file, as `python3 FILE` (tracebacks name the file by its absolute path). */
export function runPythonFile(file: string, args: readonly string[] = []): RunResult {
  const result = spawnSync("python3", [file, ...args], {
    encoding: "utf8",
    env: { ...process.env, PYTHONUTF8: "1", PYTHONDONTWRITEBYTECODE: "1" },
  });
  if (result.error !== undefined) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** CPython's stdout for a script that must succeed. */
export function pythonOutput(script: string, input?: string): string {
  const result = python(script, input);
  if (result.status !== 0) throw new Error(`python3 failed:\n${result.stderr}`);
  return result.stdout;
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
