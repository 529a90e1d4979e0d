// LLVM IR text to an executable: `opt -O<n>` piped into `llc -O<n>`, then the C compiler links the
// object with the cached runtime archive of the program's language and libm. Each phase is timed for
// the front ends' reports.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { optPassArguments } from "./opt-pipeline.js";
import { ensureRuntimeArchive, type RuntimeLibrary } from "./runtime-archive.js";
import { findToolchain, runTool, type StartedTool, startTool, type Toolchain } from "./tools.js";

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
  /**
   * The runtime to link an executable with: the core and the language's library (the front end
   * names them; see RuntimeLibrary). Unused for the other kinds of output.
   */
  readonly runtime: RuntimeLibrary;
  /** Where the runtime archive is cached; see defaultCacheDir(). */
  readonly cacheDir?: string;
  /**
   * Object files compiled before and linked with the module's, ahead of the runtime archive they
   * call: a library of the language compiled once (exported functions, no entry).
   */
  readonly objects?: readonly string[];
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
export function buildExecutable(options: BuildOptions): Promise<BuildResult> {
  return startBuild(options).finish(options.llvmIr);
}

/** A build whose LLVM tools are already running, waiting for the IR. */
export interface PendingBuild {
  /** Feeds the IR to the tools and completes the build. */
  finish(llvmIr: string): Promise<BuildResult>;
  /** Stops the tools (the IR will not come: the source had an error). */
  cancel(): void;
}

/**
 * Starts `opt` and `llc` before the IR exists, connected by a pipe (opt's bitcode goes straight to
 * llc), so that loading LLVM's libraries, some 20 ms a tool, happens while the front end works on
 * the other core. A missing tool is reported when the build is finished, not before: an error in
 * the source comes first.
 */
export function startBuild(options: Omit<BuildOptions, "llvmIr">): PendingBuild {
  const started = performance.now();
  const level = options.optLevel ?? 2;
  const emit = options.emit ?? "exe";
  const timings: PhaseTimings = { opt: 0, llc: 0, runtime: 0, link: 0, total: 0 };
  const work = mkdtempSync(join(tmpdir(), "toolchain-build-"));
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  let toolchain: Toolchain;
  let opt: StartedTool;
  let llc: StartedTool | null = null;
  const object = emit === "exe" ? join(work, "module.o") : options.output;
  try {
    toolchain = options.toolchain ?? findToolchain();
    // LLVM 14 reads `ptr` only in opaque-pointer mode; later versions have it on by default.
    const pointerFlags = toolchain.llvmVersion < 15 ? ["-opaque-pointers"] : [];
    opt = startTool(
      [
        toolchain.opt,
        ...optPassArguments(toolchain, level, pointerFlags),
        ...pointerFlags,
        ...(emit === "llvm" ? ["-S", "-", "-o", options.output] : ["-", "-o", "-"]),
      ],
      "opt",
      "pipe",
      emit !== "llvm",
    );
    if (emit !== "llvm") {
      llc = startTool(
        [
          toolchain.llc,
          `-O${level}`,
          ...pointerFlags,
          "-relocation-model=pic",
          // Loops start on a 32-byte boundary, as gcc -O2 aligns them: a hot loop that straddles a
          // fetch line runs measurably slower, and where it lands otherwise depends on unrelated code.
          // Measured (median of 3, ours/C): collatz 1.08x -> 0.93x, leibniz 1.02x -> 0.96x, the
          // handler benchmark's plain `call` loop 0.277 s -> 0.140 s; no benchmark slower.
          "-align-loops=32",
          `-filetype=${emit === "asm" ? "asm" : "obj"}`,
          "-",
          "-o",
          object,
        ],
        "llc",
        opt.child.stdout!,
      );
      // llc has its own copy of the pipe's reading end; ours would keep opt from counting as closed.
      opt.child.stdout!.destroy();
    }
  } catch (error) {
    cleanUp();
    const failure = Promise.reject(error);
    failure.catch(() => {});
    return { finish: () => failure, cancel: () => {} };
  }
  // Writing to a tool that died early fails with EPIPE; its own exit status says why.
  opt.child.stdin!.on("error", () => {});

  return {
    async finish(llvmIr: string): Promise<BuildResult> {
      try {
        const fed = performance.now();
        opt.child.stdin!.end(llvmIr);
        try {
          await opt.done;
        } finally {
          timings.opt = performance.now() - fed;
        }
        if (llc !== null) {
          const optimised = performance.now();
          await llc.done;
          timings.llc = performance.now() - optimised;
        }
        if (emit === "exe") {
          const runtime = await timed("runtime", () =>
            ensureRuntimeArchive(toolchain, options.runtime, options.cacheDir),
          );
          await timed("link", () =>
            runTool(
              [
                ...toolchain.cc,
                ...toolchain.linkFlags,
                object,
                ...(options.objects ?? []),
                ...runtime.linkArgs,
                ...(options.linkArgs ?? []),
                "-o",
                options.output,
              ],
              "linking",
            ),
          );
        }
        timings.total = performance.now() - started;
        return { output: options.output, timings };
      } catch (error) {
        llc?.child.kill("SIGKILL");
        throw error;
      } finally {
        cleanUp();
      }
    },
    cancel(): void {
      opt.child.kill("SIGKILL");
      llc?.child.kill("SIGKILL");
      cleanUp();
    },
  };

  async function timed<T>(phase: keyof PhaseTimings, action: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await action();
    } finally {
      timings[phase] += performance.now() - start;
    }
  }
}
