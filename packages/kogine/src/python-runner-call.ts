/** Asks kogine's Python runner about a script or config (`kogine_main.py enumerate|inspect TARGET`). */
import { execFile } from "node:child_process";
import { KogineError } from "./errors.js";
import { stringifyExtendedJson } from "./extended-json.js";
import { PYTHON_RUNNER, pythonEnvironment, pythonExecutable, pythonMissing } from "./python-shim.js";

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
          reject(new KogineError(pythonMissing(error as NodeJS.ErrnoException)));
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
