/** Where the Python side of kogine lives (shipped as plain files in the package) and the interpreter and
 * environment it runs with. Imported by the early zygote (zygote-process.ts) before the CLI: it imports
 * nothing of kogine's. How kogine asks the runner about a script: python-runner-call.ts. */
import { fileURLToPath } from "node:url";

export const PYTHON_SHIM_DIR = fileURLToPath(new URL("../../shim/python/", import.meta.url));
export const PYTHON_RUNNER = `${PYTHON_SHIM_DIR}kogine_main.py`;

export function pythonExecutable(): string {
  return process.env.KOGINE_PYTHON ?? "python3";
}

/** What to say when the interpreter cannot be started (`error`: the spawn's, ENOENT when it is missing). */
export function pythonMissing(error: NodeJS.ErrnoException): string {
  const why = error.code === "ENOENT" ? "" : ` (${error.message})`;
  return `cannot start ${pythonExecutable()}${why}: Python 3 is needed for .py scripts and configs (set KOGINE_PYTHON to use another)`;
}

/** kogine's environment with the shim importable. Output buffering is left as the environment has it: a
 * task's stdout is block-buffered as it is when python3 writes to a pipe or a file, unless PYTHONUNBUFFERED
 * is set (or kogine shows the task's output on a terminal: see KOGINE_LINE_BUFFERED in task-process.ts). */
export function pythonEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = base.PYTHONPATH ? `${PYTHON_SHIM_DIR}:${base.PYTHONPATH}` : PYTHON_SHIM_DIR;
  return { ...base, PYTHONPATH: path };
}
