// The passes `opt` runs: LLVM's own -O<n> pipeline less the two passes that use its loop access
// analysis, loop-vectorize and loop-load-elim.
//
// Why: LLVM 14's loop access analysis dereferences a null pointer (RuntimePointerChecking::insert)
// on some loops over array objects, whose field and element alias tags (alias-tags.ts) make their
// accesses analysable: LumaScript's fannkuch-redux and n-body crashed opt. Neither pass does much
// for our programs: with both left out, 13 of the 14 Python benchmarks' executables are byte for
// byte the same, fasta's runs no slower (median of 5: 0.68 s before, 0.61 s after), and
// LumaScript's benchmarks run as fast as their C ports.
//
// The pipeline is LLVM's own, as `opt -O<n> -print-pipeline-passes` prints it, so the rest stays
// what the installed LLVM does at that level; it is asked once per opt executable and level and
// kept in the toolchain's cache directory (some 30 ms the first time).

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCacheDir } from "./runtime-archive.js";
import type { Toolchain } from "./tools.js";

const LEFT_OUT = [/^loop-vectorize(<.*>)?$/, /^loop-load-elim$/, /^BitcodeWriterPass$/];

/** opt's arguments that choose the passes of optimisation level `level`. */
export function optPassArguments(toolchain: Toolchain, level: number, pointerFlags: readonly string[]): string[] {
  if (level === 0) return ["-O0"];
  const stamp = statSync(toolchain.opt).mtimeMs.toFixed(0);
  const file = join(defaultCacheDir(), `opt-pipeline-${toolchain.llvmVersion}-O${level}-${stamp}.txt`);
  let pipeline: string;
  try {
    pipeline = readFileSync(file, "utf8");
  } catch {
    pipeline = pipelineWithout(printedPipeline(toolchain, level, pointerFlags));
    mkdirSync(defaultCacheDir(), { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, pipeline);
    renameSync(partial, file);
  }
  return [`-passes=${pipeline}`];
}

function printedPipeline(toolchain: Toolchain, level: number, pointerFlags: readonly string[]): string {
  const output = execFileSync(
    toolchain.opt,
    [`-O${level}`, ...pointerFlags, "-print-pipeline-passes", "-disable-output", "-"],
    { input: "", encoding: "utf8" },
  );
  const line = output.trim().split("\n").at(-1) ?? "";
  if (line === "") throw new Error(`${toolchain.opt} printed no pipeline for -O${level}`);
  return line;
}

/** The pipeline text less the passes left out, which are top-level or inside function(...). */
export function pipelineWithout(pipeline: string): string {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of pipeline) {
    if (c === "," && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    if (c === "(" || c === "<") depth++;
    if (c === ")" || c === ">") depth--;
    current += c;
  }
  parts.push(current);
  return parts
    .filter((part) => !LEFT_OUT.some((pattern) => pattern.test(part)))
    .map((part) => {
      const open = part.indexOf("(");
      if (open < 0 || !part.endsWith(")")) return part;
      return `${part.slice(0, open + 1)}${pipelineWithout(part.slice(open + 1, -1))})`;
    })
    .join(",");
}
