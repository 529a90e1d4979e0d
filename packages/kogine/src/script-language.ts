import { existsSync, statSync } from "node:fs";
import { delimiter, extname, join, resolve, sep } from "node:path";
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

/** An existing script, as an absolute path; `script.py:NAME` names its entrypoint. A dotted Python module
 * name (`pkg.module`, `pkg.module:NAME`) names the script `python3 -m pkg.module` would run, looked up as
 * Python does first: in the working directory, then in the folders of PYTHONPATH. */
export function resolveScript(
  reference: string,
  entrypoint: string | null,
): { path: string; entrypoint: string | null } {
  const match = /^(.*\.(?:py|m?[jt]s|tsx)):([A-Za-z_$][\w$]*)$/.exec(reference);
  const moduleMatch =
    match || LANGUAGES[extname(reference)]
      ? null
      : /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?::([A-Za-z_]\w*))?$/.exec(reference);
  const modulePath = moduleMatch && !isFile(resolve(reference)) ? pythonModuleFile(moduleMatch[1]) : null;
  if (moduleMatch && modulePath) return { path: modulePath, entrypoint: entrypoint ?? moduleMatch[2] ?? null };
  const path = resolve(match ? match[1] : reference);
  if (!isFile(path)) {
    const asModule = moduleMatch ? " (nor a Python module of that name in the working directory or PYTHONPATH)" : "";
    throw new KogineError(`script not found: ${reference}${asModule}`);
  }
  languageOf(path);
  return { path, entrypoint: entrypoint ?? (match ? match[2] : null) };
}

/** The file of a Python module (`pkg/module.py`, or a package's `pkg/module/__main__.py`), or null. */
function pythonModuleFile(name: string): string | null {
  const relative = name.split(".").join(sep);
  const roots = [process.cwd(), ...(process.env.PYTHONPATH ?? "").split(delimiter).filter(Boolean)];
  for (const root of roots) {
    for (const candidate of [`${relative}.py`, join(relative, "__main__.py")]) {
      const path = resolve(root, candidate);
      if (isFile(path)) return path;
    }
  }
  return null;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
