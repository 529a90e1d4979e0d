/** Prepares JS scripts for their task processes once per run instead of once per task: the injection
 * rewrite is written to a content-addressed cache file that the task process imports directly, so it needs
 * no module hooks. Node 20 runs `module.register` hooks on a thread of their own, whose start-up cost a
 * task process more than everything else it does; scripts whose copy could behave differently from the
 * original (see `relocateScript`), and TypeScript, keep the hooks. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { importedModule, relocateScript } from "./node-shim/inject-transform.js";

/** Bump when the rewrite changes, so cached copies of unchanged scripts are made again. */
const REWRITE_VERSION = "1";
const API_URL = new URL("./node-shim/script-api.js", import.meta.url).href;
/** Walking a script's local imports (to find one that imports the script back) stops after this many. */
const MAX_LOCAL_MODULES = 200;

export function scriptCacheDir(): string {
  return process.env.KOGINE_CACHE_DIR ?? join(tmpdir(), `kogine-${process.getuid?.() ?? "user"}`, "scripts");
}

export interface PreparedScript {
  /** The URL of the rewritten copy to import. */
  url: string;
  /** Whether the script imports builtins and kogine's API only. */
  importsOnlyBuiltins: boolean;
}

/** The rewritten copy to import, or null when the task process should use the module hooks. */
export function preparedScript(script: string, entrypoint: string | null): PreparedScript | null {
  if (!/\.m?js$/.test(script)) return null;
  let source: string;
  try {
    source = readFileSync(script, "utf8");
  } catch {
    return null; // the task process reports the missing script as it always has
  }
  const scriptUrl = pathToFileURL(script).href;
  const relocated = relocateScript(source, entrypoint ? [entrypoint] : [], { scriptUrl, apiUrl: API_URL });
  // A module the script imports that imports the script back would get the original, not the rewritten
  // copy, as a second instance; the hooks rewrite the script under its own URL, so they keep one instance.
  if (!relocated || !importGraphIsSafe(relocated.localImports, scriptUrl)) return null;
  const hash = createHash("sha256")
    .update(`${REWRITE_VERSION}\0${scriptUrl}\0${API_URL}\0${relocated.code}`)
    .digest("hex")
    .slice(0, 32);
  const dir = scriptCacheDir();
  const path = join(dir, `${hash}.mjs`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, relocated.code);
    renameSync(temporary, path);
  }
  return { url: pathToFileURL(path).href, importsOnlyBuiltins: relocated.importsOnlyBuiltins };
}

/** Walks the modules a script imports by path: false when one of them imports the script back (or is
 * missing, or there are too many). */
function importGraphIsSafe(imports: string[], scriptUrl: string): boolean {
  const seen = new Set<string>();
  const queue = [...imports];
  while (queue.length > 0) {
    const url = queue.pop() as string;
    if (url === scriptUrl) return false;
    if (seen.has(url)) continue;
    seen.add(url);
    const path = fileURLToPath(url);
    // A missing file fails either way; with the hooks the error names the script as the importer.
    if (!existsSync(path)) return false;
    if (seen.size > MAX_LOCAL_MODULES) return false;
    if (path.endsWith(".json")) continue;
    // CommonJS can require anything; a module that does not parse fails as it would have anyway.
    const module = /\.m?js$/.test(path) ? importedModule(readFileSync(path, "utf8"), url) : null;
    if (module) queue.push(...module.localImports);
  }
  return true;
}
