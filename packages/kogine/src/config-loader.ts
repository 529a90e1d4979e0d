/** Reads a config file of any supported kind into a list of configs. Python configs are evaluated by
 * Python (their functions and classes stay there: the task process loads the file again and picks its
 * config); JS/TS modules are imported here; JSON, YAML and TOML hold plain values. */
import { existsSync, readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { Config, isPlainObject } from "./config.js";
import { loadConfigModule } from "./config-module.js";
import { type ConfigContext, configsFromNamespace } from "./config-namespace.js";
import { type ConfigDescription, describeConfig } from "./display-value.js";
import { KogineError } from "./errors.js";
import { syntaxErrorIn } from "./node-shim/js-syntax.js";
import { callPythonRunner } from "./python-runner-call.js";

export type ConfigKind = "python" | "javascript" | "data";

export interface LoadedConfigs {
  path: string;
  kind: ConfigKind;
  descriptions: ConfigDescription[];
  /** The configs themselves where this process holds them (JS modules and data files). */
  configs: Config[] | null;
}

const KINDS: Record<string, ConfigKind> = {
  ".py": "python",
  ".js": "javascript",
  ".mjs": "javascript",
  ".ts": "javascript",
  ".mts": "javascript",
  ".json": "data",
  ".yaml": "data",
  ".yml": "data",
  ".toml": "data",
};

export function configKindOf(path: string): ConfigKind {
  const kind = KINDS[extname(path)];
  if (!kind) {
    throw new KogineError(`${path}: config files are .py, .js/.mjs/.ts/.mts, .json, .yaml/.yml or .toml`);
  }
  return kind;
}

export async function loadConfigs(reference: string, context: ConfigContext = {}): Promise<LoadedConfigs> {
  const path = resolve(reference);
  if (!existsSync(path)) throw new KogineError(`config not found: ${reference}`);
  const kind = configKindOf(path);
  if (kind === "python") {
    const answer = (await callPythonRunner("enumerate", path, {
      prev: context.prev ?? null,
      results: context.results ?? [],
      worker_id: context.workerId ?? 0,
    })) as { ok: boolean; message?: string; configs?: ConfigDescription[] };
    if (!answer.ok) throw new KogineError(`config ${reference} failed to load: ${answer.message}`);
    return { path, kind, descriptions: answer.configs ?? [], configs: null };
  }
  const configs =
    kind === "javascript" ? await loadModule(path, reference, context) : await loadDataFile(path, reference);
  return { path, kind, descriptions: configs.map(describeConfig), configs };
}

async function loadModule(path: string, reference: string, context: ConfigContext): Promise<Config[]> {
  try {
    return await loadConfigModule(path, context);
  } catch (error) {
    if (error instanceof KogineError) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const line = error instanceof SyntaxError ? syntaxLine(path) : lineInFile(error, path);
    throw new KogineError(`config ${reference} failed to load: ${message}${line ? ` (at ${path} line ${line})` : ""}`);
  }
}

/** The line of `path` a JS error points at: a syntax error's stack starts with `file:///path:LINE`, another
 * error's names the file in a frame (`path:LINE:COLUMN`). */
function lineInFile(error: unknown, path: string): number | null {
  const stack = String((error as Error | null)?.stack ?? "");
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:file://)?${escaped}(?:\\?[^:\\s]*)?:(\\d+)`).exec(stack);
  return match ? Number(match[1]) : null;
}

/** The line of a JS module's syntax error (Node does not say where for a module it imports). */
function syntaxLine(path: string): number | null {
  if (!/\.m?js$/.test(path)) return null;
  return syntaxErrorIn(readFileSync(path, "utf8"))?.line ?? null;
}

/** Where a JSON.parse error's `position N` is, as a line and column. */
function jsonPosition(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return "";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf("\n")})`;
}

/** The YAML and TOML parsers are loaded only for such files: every kogine command starts faster without them. */
async function loadDataFile(path: string, reference: string): Promise<Config[]> {
  const text = readFileSync(path, "utf8");
  const extension = extname(path);
  const parse: (text: string) => unknown =
    extension === ".json"
      ? JSON.parse
      : extension === ".toml"
        ? (await import("smol-toml")).parse
        : (await import("yaml")).parse;
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const where = extension === ".json" ? jsonPosition(message, text) : "";
    throw new KogineError(`config ${reference} is not valid ${extension.slice(1).toUpperCase()}: ${message}${where}`);
  }
  if (!isPlainObject(data)) throw new KogineError(`config ${reference} must hold a table/object at the top level`);
  if ("globals" in data) return [Config.from(data, reference)];
  return configsFromNamespace(data, reference, {});
}
