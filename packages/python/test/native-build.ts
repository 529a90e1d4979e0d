// Helpers for tests that build executables from IR modules with Python's runtime library linked in
// (IR module -> LLVM IR text -> opt, llc, cc with the cached Python runtime archive -> a program run
// as a child process), and CPython as the referee.

import { spawnSync } from "node:child_process";
import type { EmitOptions, Module, OptLevel } from "@toolchain/compiler";
import { buildProgram as buildWithRuntime } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME } from "../src/build-python.js";

export { type RunResult, runProgram, testToolchain, testWorkDir } from "@toolchain/compiler/testing";

import type { RunResult } from "@toolchain/compiler/testing";

/** Emits a module as pycompile does (with Python's library) and builds it. */
export async function buildProgram(
  module: Module,
  options: EmitOptions & { optLevel?: OptLevel } = {},
): Promise<string> {
  const built = await buildWithRuntime(module, {
    ...options,
    runtime: PYTHON_RUNTIME,
  });
  return built.path;
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
