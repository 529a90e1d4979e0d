// A Python file to a native executable: the front end makes IR, the shared passes optimise it, the
// shared emitter writes LLVM IR, and the shared toolchain driver runs opt, llc and the C compiler.

import { performance } from "node:perf_hooks";
import {
  type EmitKind,
  emitModule,
  type Module as IrModule,
  insertReferenceCounting,
  type OptLevel,
  optimizeModule,
  type PendingBuild,
} from "@toolchain/compiler";

/** What 64-bit overflow raises in compiled Python; CPython itself would move to a big integer. */
export const INT_OVERFLOW_ERROR = {
  kind: "OverflowError",
  message: "integer overflow: arbitrary-precision integers are not supported yet",
} as const;

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

/**
 * Optimises and builds an IR module made from `source`; returns the time each phase took. `pending`
 * is the build started (with startBuild) before the front end ran, so the tools are ready.
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
  const llvmIr = emitModule(module, { sourceLines: source.split("\n"), intOverflowError: INT_OVERFLOW_ERROR });
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
