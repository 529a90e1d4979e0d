// Helpers for tests that build executables from IR modules with Python's runtime library linked in
// (IR module -> LLVM IR text -> opt, llc, cc with the cached Python runtime archive -> a program run
// as a child process), and CPython as the referee.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildExecutable,
  type EmitOptions,
  emitModule,
  findToolchain,
  type Module,
  type OptLevel,
  type Toolchain,
} from "@toolchain/compiler";
import { INT_OVERFLOW_ERROR, PYTHON_RUNTIME } from "../src/build-python.js";

let toolchain: Toolchain | null = null;

export function testToolchain(): Toolchain {
  toolchain ??= findToolchain();
  return toolchain;
}

let workDir: string | null = null;

/** A directory for this test file's outputs, removed when the file's tests end. */
export function testWorkDir(): string {
  if (workDir === null) {
    const dir = mkdtempSync(join(tmpdir(), "python-native-"));
    workDir = dir;
    // Not node:test's after(): called inside a test, that would clean up when the test ends.
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return workDir;
}

let count = 0;

/** Emits a module as pycompile does (Python's overflow error) and builds it into an executable. */
export async function buildProgram(
  module: Module,
  options: EmitOptions & { optLevel?: OptLevel } = {},
): Promise<string> {
  const llvmIr = emitModule(module, { intOverflowError: INT_OVERFLOW_ERROR, ...options });
  const path = join(testWorkDir(), `program-${count++}`);
  await buildExecutable({
    llvmIr,
    output: path,
    optLevel: options.optLevel ?? 2,
    toolchain: testToolchain(),
    runtime: PYTHON_RUNTIME,
  });
  return path;
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

const PYTHON_ENV = { ...process.env, PYTHONUTF8: "1", PYTHONDONTWRITEBYTECODE: "1" };

/** Runs CPython (the referee) on a script. */
export function python(script: string, input?: string): RunResult {
  const result = spawnSync("python3", ["-c", script], { encoding: "utf8", input, maxBuffer: 1 << 28, env: PYTHON_ENV });
  if (result.error !== undefined) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** CPython running a script file, as `python3 FILE` (tracebacks name the file by its absolute path). */
export function runPythonFile(file: string, args: readonly string[] = []): RunResult {
  const result = spawnSync("python3", [file, ...args], { encoding: "utf8", env: PYTHON_ENV });
  if (result.error !== undefined) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** CPython's stdout for a script that must succeed. */
export function pythonOutput(script: string, input?: string): string {
  const result = python(script, input);
  if (result.status !== 0) throw new Error(`python3 failed:\n${result.stderr}`);
  return result.stdout;
}
