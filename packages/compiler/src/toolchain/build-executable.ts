// LLVM IR text to an executable: `opt -O<n>`, `llc -O<n>`, then the C compiler links the object with
// the cached runtime archive and libm. Each phase is timed for the front ends' reports.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ensureRuntimeArchive } from "./runtime-archive.js";
import { findToolchain, runTool, type Toolchain } from "./tools.js";

export type OptLevel = 0 | 1 | 2 | 3;

/** What to produce: optimised LLVM IR text, assembly, an object file or an executable. */
export type EmitKind = "llvm" | "asm" | "obj" | "exe";

export interface BuildOptions {
  readonly llvmIr: string;
  /** The file to write. */
  readonly output: string;
  /** Optimisation level for opt and llc; default 2. */
  readonly optLevel?: OptLevel;
  /** Default "exe". */
  readonly emit?: EmitKind;
  /** The tools to use; found with findToolchain() when absent. */
  readonly toolchain?: Toolchain;
  /** Where the runtime archive is cached; see defaultCacheDir(). */
  readonly cacheDir?: string;
  /** Extra arguments for the link (e.g. "-static"). */
  readonly linkArgs?: readonly string[];
}

/** Milliseconds spent in each phase. */
export interface PhaseTimings {
  opt: number;
  llc: number;
  /** Building the runtime archive (near zero when cached). */
  runtime: number;
  link: number;
  total: number;
}

export interface BuildResult {
  readonly output: string;
  readonly timings: PhaseTimings;
}

/** Builds `output` from LLVM IR text; tool failures are ToolchainErrors naming the command. */
export async function buildExecutable(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const toolchain = options.toolchain ?? findToolchain();
  const level = options.optLevel ?? 2;
  const emit = options.emit ?? "exe";
  const timings: PhaseTimings = { opt: 0, llc: 0, runtime: 0, link: 0, total: 0 };
  // LLVM 14 reads `ptr` only in opaque-pointer mode; later versions have it on by default.
  const pointerFlags = toolchain.llvmVersion < 15 ? ["-opaque-pointers"] : [];
  const work = mkdtempSync(join(tmpdir(), "toolchain-build-"));
  const timed = async <T>(phase: keyof PhaseTimings, action: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await action();
    } finally {
      timings[phase] += performance.now() - start;
    }
  };
  try {
    const input = join(work, "module.ll");
    writeFileSync(input, options.llvmIr);
    const optimised = emit === "llvm" ? options.output : join(work, "module.bc");
    await timed("opt", () =>
      runTool(
        [toolchain.opt, `-O${level}`, ...pointerFlags, ...(emit === "llvm" ? ["-S"] : []), input, "-o", optimised],
        "opt",
      ),
    );
    if (emit === "llvm") return finish();
    const object = emit === "exe" ? join(work, "module.o") : options.output;
    await timed("llc", () =>
      runTool(
        [
          toolchain.llc,
          `-O${level}`,
          ...pointerFlags,
          "-relocation-model=pic",
          `-filetype=${emit === "asm" ? "asm" : "obj"}`,
          optimised,
          "-o",
          object,
        ],
        "llc",
      ),
    );
    if (emit !== "exe") return finish();
    const runtime = await timed("runtime", () => ensureRuntimeArchive(toolchain, options.cacheDir));
    await timed("link", () =>
      runTool(
        [...toolchain.cc, object, runtime.path, "-lm", ...(options.linkArgs ?? []), "-o", options.output],
        "linking",
      ),
    );
    return finish();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  function finish(): BuildResult {
    timings.total = performance.now() - started;
    return { output: options.output, timings };
  }
}
