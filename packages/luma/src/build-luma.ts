// A LumaScript program to a native executable: check, lower to IR, the shared passes, the shared
// LLVM emitter, and the shared toolchain driver linking the core runtime with LumaScript's library
// (and the standard library's functions compiled once, std-library-build.ts).

import {
  type Diagnostic,
  type EmitKind,
  emitModule,
  type Module as IrModule,
  insertReferenceCounting,
  type OptLevel,
  optimizeModule,
  startBuild,
  validateModule,
} from "@toolchain/compiler";
import { checkLumaProgram } from "./checker/checker.js";
import type { FileReader } from "./checker/program-loader.js";
import type { TypedProgram } from "./checker/typed-program.js";
import { type LoweringOptions, lowerProgram } from "./lowering/program.js";
import { LUMA_RUNTIME } from "./runtime-library.js";
import { stdLibraryObject, usesStdLibrary } from "./std-library-build.js";

export interface LumaBuildOptions {
  readonly output: string;
  readonly optLevel: OptLevel;
  readonly emit?: EmitKind;
}

export interface CompileResult {
  readonly program: TypedProgram;
  /** Syntax, semantic and lowering diagnostics; the module is usable only when none is an error. */
  readonly diagnostics: readonly Diagnostic[];
  readonly module: IrModule | null;
}

/** Reads, checks and lowers a program (no native build). */
export function compileLuma(entryFile: string, readFile: FileReader, options: LoweringOptions = {}): CompileResult {
  const { program, diagnostics } = checkLumaProgram(entryFile, readFile);
  if (diagnostics.some((d) => d.severity === "error")) return { program, diagnostics, module: null };
  const lowered = lowerProgram(program, options);
  const all = [...diagnostics, ...lowered.diagnostics];
  if (lowered.diagnostics.length > 0) return { program, diagnostics: all, module: null };
  return { program, diagnostics: all, module: lowered.module };
}

/** Builds an executable of a lowered module. */
export async function buildLumaModule(
  module: IrModule,
  program: TypedProgram,
  options: LumaBuildOptions,
): Promise<void> {
  const problems = validateModule(module);
  if (problems.length > 0) throw new Error(`internal: invalid IR:\n${problems.join("\n")}`);
  const emit = options.emit ?? "exe";
  // An executable that calls the standard library links its functions compiled once.
  const objects = emit === "exe" && usesStdLibrary(program) ? [await stdLibraryObject(options.optLevel < 2)] : [];
  const pending = startBuild({
    output: options.output,
    optLevel: options.optLevel,
    emit,
    runtime: LUMA_RUNTIME,
    objects,
  });
  if (options.optLevel > 0) optimizeModule(module);
  insertReferenceCounting(module);
  const sourceLines = new Map(program.files.map((file) => [file.source.fileName, file.source.text.split("\n")]));
  await pending.finish(emitModule(module, { sourceLines }));
}
