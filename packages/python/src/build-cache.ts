// `pycompile run` builds into a cache keyed by everything that decides the executable: the source
// bytes, the compiler's version (its package version and a hash of its own built code), and the
// flags. An unchanged file runs without compiling again.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORE_RUNTIME_DIR } from "@toolchain/compiler";
import { PYTHON_RUNTIME_DIR } from "./build-python.js";

export function cacheDirectory(): string {
  const base =
    process.env.PYCOMPILE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pycompile");
  mkdirSync(base, { recursive: true });
  return base;
}

/** Where the executable for this source and these flags lives in the cache. */
export function cachedExecutablePath(source: Uint8Array, flags: readonly string[]): string {
  const hash = createHash("sha256");
  hash.update(compilerFingerprint());
  hash.update("\0");
  hash.update(flags.join("\0"));
  hash.update("\0");
  hash.update(source);
  return join(cacheDirectory(), hash.digest("hex").slice(0, 32), "program");
}

export function isCached(path: string): boolean {
  return existsSync(path);
}

let fingerprint: string | null = null;

/**
 * A hash of the compiler itself: the built JavaScript of the compiler packages and the C runtime's
 * sources (the shared core's and Python's library's), so that rebuilding the compiler invalidates
 * old executables.
 */
function compilerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const roots = [here, join(here, "../../../compiler/dist/src"), CORE_RUNTIME_DIR, PYTHON_RUNTIME_DIR];
  const hash = createHash("sha256");
  for (const root of roots) {
    for (const file of listFiles(root)) {
      hash.update(file);
      hash.update(readFileSync(file));
    }
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(root).sort()) {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (/\.(js|c|h)$/.test(entry)) out.push(path);
  }
  return out;
}
