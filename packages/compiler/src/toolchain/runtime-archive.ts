// A language's C runtime compiled once into a static archive, cached in a directory named by the
// language and a hash of its sources and of the compiler command, so every executable links the
// same objects and only a change to the runtime rebuilds it. Concurrent builds are safe: each builds
// in a private directory and renames it into place; the first rename wins.
//
// A runtime is the language-neutral core (packages/compiler/runtime, CORE_RUNTIME_DIR) plus the
// language's library, which defines the hooks the core declares (`rt_language_*` in runtime.h). Both
// go into ONE archive per language: the core calls the hooks and the library calls the core, and a
// linker resolves references back and forth within one archive (it rescans an archive until nothing
// more resolves) but not from a later archive back into an earlier one. The core's few objects are
// compiled again for each language, once, into that language's cache entry.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { runTool, type Toolchain } from "./tools.js";

/**
 * The core runtime's sources: packages/compiler/runtime, found through the package's own name, so
 * that this code finds them from its place in dist/src/toolchain and from a front end's bundle alike.
 */
export const CORE_RUNTIME_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@toolchain/compiler")),
  "..",
  "..",
  "runtime",
);

/** A language's runtime: what goes into its archive. */
export interface RuntimeLibrary {
  /** Names the archive and its cache entry: lower-case letters, digits and '-' (e.g. "python"). */
  readonly name: string;
  /**
   * Directories whose `.c` files are compiled into the archive, each with every directory of the
   * list on the include path (in this order): CORE_RUNTIME_DIR first, then the language's library.
   * Their `.c` and `.h` files make the cache key.
   */
  readonly sourceDirs: readonly string[];
  /**
   * What the library's code needs linked after the archive, as C compiler arguments: static
   * archives only (e.g. "-l:libgmp.a"), so that executables stay standalone.
   */
  readonly linkArgs?: readonly string[];
}

/** C11 with GNU extensions (__int128); strict floating point (no contraction into FMAs). */
export const RUNTIME_CFLAGS: readonly string[] = [
  "-std=gnu11",
  "-O2",
  "-fPIC",
  "-ffp-contract=off",
  "-fno-fast-math",
  // A call of an undeclared function is taken to return an int, which silently truncates a 64-bit result.
  "-Werror=implicit-function-declaration",
];

/** Where built runtimes are kept: TOOLCHAIN_CACHE_DIR, else $XDG_CACHE_HOME/toolchain or ~/.cache/toolchain. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const explicit = env.TOOLCHAIN_CACHE_DIR?.trim();
  if (explicit !== undefined && explicit !== "") return explicit;
  const xdg = env.XDG_CACHE_HOME?.trim();
  return join(xdg !== undefined && xdg !== "" ? xdg : join(homedir(), ".cache"), "toolchain");
}

/** The `.c` and `.h` files of one source directory, sorted. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".c") || name.endsWith(".h"))
    .sort();
}

/** Hashes every source of every directory (by position and name, not by path) and every flag. */
function runtimeHash(toolchain: Toolchain, library: RuntimeLibrary): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ name: library.name, cc: toolchain.cc, ar: toolchain.ar, flags: RUNTIME_CFLAGS }));
  library.sourceDirs.forEach((directory, index) => {
    for (const name of sourceFiles(directory)) {
      hash.update(`\0${index}/${name}\0`);
      hash.update(readFileSync(join(directory, name)));
    }
  });
  return hash.digest("hex").slice(0, 16);
}

export interface RuntimeArchive {
  /** The archive to link. */
  readonly path: string;
  /** The include path for C programs that call the runtime directly (tests): the source directories. */
  readonly includeDirs: readonly string[];
  /**
   * What a link of a program with this runtime puts after the program's objects: the archive, the
   * library's own link arguments, libm. Every link of a runtime uses these, so they are said once.
   */
  readonly linkArgs: readonly string[];
  /** Whether this call built it (false: it came from the cache). */
  readonly built: boolean;
}

/** The archive of `library` for this toolchain, built if the cache has none for its current sources. */
export async function ensureRuntimeArchive(
  toolchain: Toolchain,
  library: RuntimeLibrary,
  cacheDir = defaultCacheDir(),
): Promise<RuntimeArchive> {
  if (!/^[a-z0-9-]+$/.test(library.name)) throw new Error(`invalid runtime library name '${library.name}'`);
  if (library.sourceDirs.length === 0) throw new Error(`runtime library '${library.name}' has no sources`);
  const includeDirs = library.sourceDirs;
  const linked = (path: string) => ({ path, includeDirs, linkArgs: [path, ...(library.linkArgs ?? []), "-lm"] });
  const archiveName = `libtoolchain_${library.name.replace(/-/g, "_")}_runtime.a`;
  const directory = join(cacheDir, `runtime-${library.name}-${runtimeHash(toolchain, library)}`);
  const archive = join(directory, archiveName);
  if (existsSync(archive)) return { ...linked(archive), built: false };
  mkdirSync(cacheDir, { recursive: true });
  const staging = `${directory}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(staging, { recursive: true });
  try {
    const include = includeDirs.flatMap((dir) => ["-I", dir]);
    const objects: string[] = [];
    for (const [index, sourceDir] of library.sourceDirs.entries()) {
      for (const name of sourceFiles(sourceDir).filter((n) => n.endsWith(".c"))) {
        // Numbered by directory, so that two directories' files of one name stay two objects.
        const object = join(staging, `${index}-${name.replace(/\.c$/, ".o")}`);
        await runTool(
          [...toolchain.cc, ...RUNTIME_CFLAGS, ...include, "-c", join(sourceDir, name), "-o", object],
          `compiling the ${library.name} runtime (${name})`,
        );
        objects.push(object);
      }
    }
    await runTool(
      [toolchain.ar, "rcs", join(staging, archiveName), ...objects],
      `archiving the ${library.name} runtime`,
    );
    try {
      renameSync(staging, directory);
    } catch (error) {
      // Another process built the same runtime first; its archive is as good as ours.
      if (!existsSync(archive)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { ...linked(archive), built: true };
}
