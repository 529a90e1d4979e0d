export type { Diagnostic, Severity, SourceSpan } from "./diagnostic.js";
export { pointSpan } from "./diagnostic.js";
export * from "./ir/builder.js";
export * from "./ir/can-raise.js";
export * from "./ir/cfg.js";
export * from "./ir/clone-function.js";
export * from "./ir/constant-eval.js";
export * from "./ir/dominators.js";
export * from "./ir/effects.js";
export * from "./ir/instructions.js";
export type * from "./ir/ir.js";
export * from "./ir/layouts.js";
export * from "./ir/printer.js";
export * from "./ir/same-value.js";
export * from "./ir/ssa-variables.js";
export * from "./ir/text-parser.js";
export * from "./ir/types.js";
export * from "./ir/uses.js";
export * from "./ir/validator.js";
export { type EmitOptions, emitModule, type SourceLines } from "./llvm/emit-llvm.js";
export * from "./passes/base-case-inlining.js";
export * from "./passes/constant-folding.js";
export * from "./passes/dead-code-elimination.js";
export * from "./passes/pipeline.js";
export * from "./passes/range-analysis.js";
export * from "./passes/recursion-unrolling.js";
export * from "./passes/reference-counting.js";
export * from "./passes/simplify-cfg.js";
export * from "./passes/speculation.js";
export * from "./passes/tail-recursion.js";
export type { RenderOptions, SourceLookup } from "./render-diagnostic.js";
export { renderDiagnostic, shouldUseColor } from "./render-diagnostic.js";
export {
  lookupRuntimeFunction,
  type RuntimeFunction,
  type RuntimeResultName,
  type RuntimeSignature,
  type RuntimeTypeName,
  runtimeCatalogue,
  runtimeFunction,
  runtimeFunctions,
  specializeExternal,
} from "./runtime-functions.js";
export { charWidth, textWidth } from "./text-width.js";
export {
  type BuildOptions,
  type BuildResult,
  buildExecutable,
  type EmitKind,
  type OptLevel,
  type PendingBuild,
  type PhaseTimings,
  startBuild,
} from "./toolchain/build-executable.js";
export {
  CORE_RUNTIME_DIR,
  defaultCacheDir,
  ensureRuntimeArchive,
  type RuntimeArchive,
  type RuntimeLibrary,
} from "./toolchain/runtime-archive.js";
export { findToolchain, type Toolchain, ToolchainError } from "./toolchain/tools.js";
