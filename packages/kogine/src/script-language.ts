import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { KogineError } from "./errors.js";
import type { ScriptLanguage } from "./task-spec.js";

const LANGUAGES: Record<string, ScriptLanguage> = {
  ".py": "python",
  ".js": "javascript",
  ".mjs": "javascript",
  ".ts": "javascript",
  ".mts": "javascript",
  ".tsx": "javascript",
};

export function languageOf(path: string): ScriptLanguage {
  const language = LANGUAGES[extname(path)];
  if (!language) {
    throw new KogineError(`${path}: kogine runs Python (.py) and JavaScript/TypeScript (.js, .mjs, .ts, .mts) scripts`);
  }
  return language;
}

/** An existing script, as an absolute path; `script.py:NAME` names its entrypoint. */
export function resolveScript(
  reference: string,
  entrypoint: string | null,
): { path: string; entrypoint: string | null } {
  const match = /^(.*\.(?:py|m?[jt]s|tsx)):([A-Za-z_$][\w$]*)$/.exec(reference);
  const path = resolve(match ? match[1] : reference);
  if (!existsSync(path) || !statSync(path).isFile()) throw new KogineError(`script not found: ${reference}`);
  languageOf(path);
  return { path, entrypoint: entrypoint ?? (match ? match[2] : null) };
}
