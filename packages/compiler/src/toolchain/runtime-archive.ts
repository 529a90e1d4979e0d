// The C runtime (packages/compiler/runtime) compiled once into a static archive, cached in a
// directory named by a hash of its sources and of the compiler command, so every executable links
// the same objects and only a change to the runtime rebuilds it. Concurrent builds are safe: each
// builds in a private directory and renames it into place; the first rename wins.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { runTool, type Toolchain } from "./tools.js";

/**
 * The runtime's sources: packages/compiler/runtime, found through the package's own name, so that
 * this code finds them from its place in dist/src/toolchain and from a front end's bundle alike.
 */
export const RUNTIME_SOURCE_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@toolchain/compiler")),
  "..",
  "..",
  "runtime",
);

export const RUNTIME_ARCHIVE_NAME = "libtoolchain_runtime.a";

/** C11 with GNU extensions (__int128); strict floating point (no contraction into FMAs). */
export const RUNTIME_CFLAGS: readonly string[] = ["-std=gnu11", "-O2", "-fPIC", "-ffp-contract=off", "-fno-fast-math"];

/** Where built runtimes are kept: TOOLCHAIN_CACHE_DIR, else $XDG_CACHE_HOME/toolchain or ~/.cache/toolchain. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const explicit = env.TOOLCHAIN_CACHE_DIR?.trim();
  if (explicit !== undefined && explicit !== "") return explicit;
  const xdg = env.XDG_CACHE_HOME?.trim();
  return join(xdg !== undefined && xdg !== "" ? xdg : join(homedir(), ".cache"), "toolchain");
}

function runtimeSources(): string[] {
  return readdirSync(RUNTIME_SOURCE_DIR)
    .filter((name) => name.endsWith(".c") || name.endsWith(".h"))
    .sort();
}

function runtimeHash(toolchain: Toolchain): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ cc: toolchain.cc, ar: toolchain.ar, flags: RUNTIME_CFLAGS }));
  for (const name of runtimeSources()) {
    hash.update(`\0${name}\0`);
    hash.update(readFileSync(join(RUNTIME_SOURCE_DIR, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

export interface RuntimeArchive {
  /** The archive to link. */
  readonly path: string;
  /** The directory of runtime.h, for C programs that call the runtime directly (tests). */
  readonly includeDir: string;
  /** Whether this call built it (false: it came from the cache). */
  readonly built: boolean;
}

/** The runtime archive for this toolchain, built if the cache has none for the current sources. */
export async function ensureRuntimeArchive(
  toolchain: Toolchain,
  cacheDir = defaultCacheDir(),
): Promise<RuntimeArchive> {
  const directory = join(cacheDir, `runtime-${runtimeHash(toolchain)}`);
  const archive = join(directory, RUNTIME_ARCHIVE_NAME);
  if (existsSync(archive)) return { path: archive, includeDir: RUNTIME_SOURCE_DIR, built: false };
  mkdirSync(cacheDir, { recursive: true });
  const staging = `${directory}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(staging, { recursive: true });
  try {
    const objects: string[] = [];
    for (const name of runtimeSources().filter((n) => n.endsWith(".c"))) {
      const object = join(staging, name.replace(/\.c$/, ".o"));
      await runTool(
        [...toolchain.cc, ...RUNTIME_CFLAGS, "-c", join(RUNTIME_SOURCE_DIR, name), "-o", object],
        `compiling the runtime (${name})`,
      );
      objects.push(object);
    }
    await runTool([toolchain.ar, "rcs", join(staging, RUNTIME_ARCHIVE_NAME), ...objects], "archiving the runtime");
    try {
      renameSync(staging, directory);
    } catch (error) {
      // Another process built the same runtime first; its archive is as good as ours.
      if (!existsSync(archive)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { path: archive, includeDir: RUNTIME_SOURCE_DIR, built: true };
}
