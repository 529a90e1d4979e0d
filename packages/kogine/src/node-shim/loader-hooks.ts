/** Node module hooks for scripts and configs run by kogine: TypeScript is transformed by esbuild (its
 * registry package ships the platform binary, so nothing downloads at install time, and it transforms a
 * file in about a millisecond); the script itself gets the injection rewrite; `import ... from "kogine"`
 * (or "kohakuengine") reaches the script API without installing anything next to the script. */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { API_SPECIFIERS, injectIntoScript } from "./inject-transform.js";

export interface HookData {
  scriptUrl: string | null;
  extraExports: string[];
  apiUrl: string;
}

interface ResolveContext {
  parentURL?: string;
  conditions?: string[];
}
interface LoadResult {
  format?: string | null;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<{ url: string }>;
type NextLoad = (url: string, context?: Record<string, unknown>) => Promise<LoadResult>;

let data: HookData = { scriptUrl: null, extraExports: [], apiUrl: "" };

const TYPESCRIPT = /\.(ts|mts|tsx)$/;

export async function initialize(initial: HookData): Promise<void> {
  data = initial;
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  if (API_SPECIFIERS.has(specifier)) return { url: data.apiUrl, shortCircuit: true };
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    // TypeScript sources import each other as "./x.js"; the file on disk is x.ts.
    const fromTypeScript = TYPESCRIPT.test(pathOf(context.parentURL ?? ""));
    if (fromTypeScript && /^\.\.?\//.test(specifier) && specifier.endsWith(".js")) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw error;
  }
}

export async function load(url: string, context: Record<string, unknown>, nextLoad: NextLoad): Promise<LoadResult> {
  const path = pathOf(url);
  const isScript = data.scriptUrl !== null && url === data.scriptUrl;
  const isTypeScript = url.startsWith("file:") && TYPESCRIPT.test(path) && !path.includes("/node_modules/");
  if (!isScript && !isTypeScript) return nextLoad(url, context);
  let code = isTypeScript
    ? await transformTypeScript(await readFile(fileURLToPath(url), "utf8"), fileURLToPath(url))
    : sourceText((await nextLoad(url, { ...context, format: "module" })).source);
  if (isScript) code = injectIntoScript(code, data.extraExports);
  return { format: "module", source: code, shortCircuit: true };
}

async function transformTypeScript(source: string, filename: string): Promise<string> {
  const { transform } = await import("esbuild");
  const result = await transform(source, {
    loader: filename.endsWith(".tsx") ? "tsx" : "ts",
    format: "esm",
    target: "node20",
    sourcefile: filename,
    sourcemap: "inline",
  });
  return result.code;
}

function pathOf(url: string): string {
  const query = url.search(/[?#]/);
  return query === -1 ? url : url.slice(0, query);
}

function sourceText(source: LoadResult["source"]): string {
  if (source === null || source === undefined) return "";
  return typeof source === "string" ? source : new TextDecoder().decode(source);
}
