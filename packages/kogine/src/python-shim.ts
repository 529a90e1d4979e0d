/** Where the Python side of kogine lives (shipped as plain files in the package) and how to call it. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { KogineError } from "./errors.js";
import { stringifyExtendedJson } from "./extended-json.js";

export const PYTHON_SHIM_DIR = fileURLToPath(new URL("../../shim/python/", import.meta.url));
export const PYTHON_RUNNER = `${PYTHON_SHIM_DIR}kogine_main.py`;

export function pythonExecutable(): string {
  return process.env.KOGINE_PYTHON ?? "python3";
}

/** kogine's environment with the shim importable. Output buffering is left as the environment has it: a
 * task's stdout is block-buffered as it is when python3 writes to a pipe or a file, unless PYTHONUNBUFFERED
 * is set (or kogine shows the task's output on a terminal: see KOGINE_LINE_BUFFERED in task-process.ts). */
export function pythonEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = base.PYTHONPATH ? `${PYTHON_SHIM_DIR}:${base.PYTHONPATH}` : PYTHON_SHIM_DIR;
  return { ...base, PYTHONPATH: path };
}

/** Runs `kogine_main.py MODE TARGET` and returns its JSON answer. */
export function callPythonRunner(
  mode: "enumerate" | "inspect",
  target: string,
  context: object = {},
): Promise<unknown> {
  const env = { ...pythonEnvironment(), KOGINE_CONTEXT: stringifyExtendedJson(context) };
  return new Promise((resolve, reject) => {
    execFile(
      pythonExecutable(),
      [PYTHON_RUNNER, mode, target],
      { env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === "ENOENT") {
          reject(new KogineError(`cannot start ${pythonExecutable()}: Python 3 is needed for .py scripts and configs`));
          return;
        }
        try {
          resolve(JSON.parse(stdout));
        } catch {
          const detail = stderr.trim().split("\n").slice(-3).join("\n  ");
          reject(new KogineError(`${target}: could not be read by Python:\n  ${detail || error?.message}`));
        }
      },
    );
  });
}
