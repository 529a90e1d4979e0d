// A Python file to a native executable: the front end makes IR, the shared passes optimise it, the
// shared emitter writes LLVM IR, and the shared toolchain driver runs opt, llc and the C compiler,
// linking the shared core runtime with Python's runtime library (packages/python/runtime).

import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  CORE_RUNTIME_DIR,
  type EmitKind,
  emitModule,
  type Module as IrModule,
  insertReferenceCounting,
  type OptLevel,
  optimizeModule,
  type PendingBuild,
  type RuntimeLibrary,
  startBuild,
} from "@toolchain/compiler";

/**
 * Python's runtime library: packages/python/runtime, found from this module's place in dist/src (or
 * the CLI's bundle next to it).
 */
export const PYTHON_RUNTIME_DIR = join(fileURLToPath(new URL("../../", import.meta.url)), "runtime");

/**
 * What compiled Python links: the shared core and Python's library, in one cached archive, and GMP
 * (Python's big ints), linked from its static archive so that executables need no shared GMP.
 */
export const PYTHON_RUNTIME: RuntimeLibrary = {
  name: "python",
  sourceDirs: [CORE_RUNTIME_DIR, PYTHON_RUNTIME_DIR],
  linkArgs: ["-l:libgmp.a"],
};

export interface PythonBuildOptions {
  readonly output: string;
  readonly optLevel: OptLevel;
  readonly emit: EmitKind;
}

export interface BuildTimings {
  /** Parse, check, infer and lower: everything before the IR passes, in milliseconds. */
  frontEnd: number;
  passes: number;
  emit: number;
  opt: number;
  llc: number;
  link: number;
  total: number;
}

/** Starts the LLVM tools for a build of compiled Python (see startBuild); the IR comes later. */
export function startPythonBuild(options: PythonBuildOptions): PendingBuild {
  return startBuild({ ...options, runtime: PYTHON_RUNTIME });
}

/**
 * Optimises and builds an IR module made from `source`; returns the time each phase took. `pending`
 * is the build started (with startPythonBuild) before the front end ran, so the tools are ready.
 */
export async function buildIrModule(
  module: IrModule,
  source: string,
  options: PythonBuildOptions,
  frontEndMs: number,
  pending: PendingBuild,
): Promise<BuildTimings> {
  const started = performance.now();
  if (options.optLevel > 0) optimizeModule(module);
  insertReferenceCounting(module);
  const passesDone = performance.now();
  // Python's module is one file: its locations all name module.sourceFile.
  const sourceLines = new Map([[module.sourceFile, source.split("\n")]]);
  const llvmIr = emitModule(module, { sourceLines });
  const emitDone = performance.now();
  const result = await pending.finish(llvmIr);
  return {
    frontEnd: frontEndMs,
    passes: passesDone - started,
    emit: emitDone - passesDone,
    opt: result.timings.opt,
    llc: result.timings.llc,
    link: result.timings.link,
    total: frontEndMs + (performance.now() - started),
  };
}
