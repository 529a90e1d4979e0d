// The standard library's functions compiled once: every function libraryExportName names, from all
// of std/, into one object file per kind of build (debug: overflow panics, -O1; release: wrapping,
// -O2), cached beside the runtime archive and linked into every program that imports the library.
// A program's build then lowers, optimises and emits only its own code (and the library's generic
// functions, instantiated with its types). The cache key is the library's text and the compiler's
// own files, so a change to either builds it again; concurrent builds each write a file of their
// own and rename it into place.

import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCacheDir } from "@toolchain/compiler";
import { buildLumaModule, compileLuma } from "./build-luma.js";
import type { TypedProgram } from "./checker/typed-program.js";
import { LUMA_STD_DIR, libraryExportName } from "./std-library.js";

/** Whether a checked program calls functions of the compiled library (so its build links it). */
export function usesStdLibrary(program: TypedProgram): boolean {
  return program.instances.some((instance) => libraryExportName(instance) !== null);
}

/** Builds under way in this process, by object path: two builds at once share one. */
const building = new Map<string, Promise<string>>();

/** The library's object file for a debug or a release build, built first if it is not cached. */
export async function stdLibraryObject(debug: boolean, cacheDir = defaultCacheDir()): Promise<string> {
  const files = readdirSync(LUMA_STD_DIR)
    .filter((file) => file.endsWith(".ls"))
    .sort();
  const key = createHash("sha256");
  for (const file of files) key.update(`${file}\0${readFileSync(join(LUMA_STD_DIR, file), "utf8")}\0`);
  key.update(compilerFingerprint());
  key.update(debug ? "debug" : "release");
  const object = join(cacheDir, `luma-std-${key.digest("hex").slice(0, 16)}.o`);
  if (existsSync(object)) return object;
  let build = building.get(object);
  if (build === undefined) {
    build = buildLibrary(files, object, debug, cacheDir).finally(() => building.delete(object));
    building.set(object, build);
  }
  return build;
}

async function buildLibrary(
  files: readonly string[],
  object: string,
  debug: boolean,
  cacheDir: string,
): Promise<string> {
  const entry = "luma-std-library.ls";
  const text = files.map((file) => `import "std/${file}";`).join("\n");
  const compiled = compileLuma(entry, (path) => (path === entry ? text : undefined), {
    checkOverflow: debug,
    stdLibrary: "export",
  });
  if (compiled.module === null) {
    const errors = compiled.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
    throw new Error(`internal: the standard library does not compile: ${errors.join("; ")}`);
  }
  mkdirSync(cacheDir, { recursive: true });
  // Another process may build the same object: each writes a file of its own, and renames it into place.
  const partial = `${object}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
  try {
    await buildLumaModule(compiled.module, compiled.program, { output: partial, optLevel: debug ? 1 : 2, emit: "obj" });
    renameSync(partial, object);
  } finally {
    rmSync(partial, { force: true });
  }
  return object;
}

let fingerprint: string | null = null;

/**
 * What identifies the compiler that builds the library: the path, size and time of each of its
 * files (this package's and the back end's built JavaScript), read once per process.
 */
function compilerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const lumaDist = dirname(fileURLToPath(import.meta.url));
  const compilerDist = dirname(createRequire(import.meta.url).resolve("@toolchain/compiler"));
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith(".js")) parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  walk(lumaDist);
  walk(compilerDist);
  fingerprint = createHash("sha256").update(parts.join("\n")).digest("hex");
  return fingerprint;
}
