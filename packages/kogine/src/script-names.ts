/** The names a script defines at module level, for `kogine config check`. */
import { readFile } from "node:fs/promises";
import { KogineError } from "./errors.js";
import { scriptShape } from "./node-shim/inject-transform.js";
import { parseModule } from "./node-shim/js-syntax.js";
import { callPythonRunner } from "./python-runner-call.js";
import { languageOf } from "./script-language.js";

export async function scriptNames(path: string): Promise<string[]> {
  if (languageOf(path) === "python") {
    const answer = (await callPythonRunner("inspect", path)) as { names: Record<string, string> };
    return Object.keys(answer.names);
  }
  let source = await readFile(path, "utf8");
  if (/\.(m?ts|tsx)$/.test(path)) {
    const { transform } = await import("esbuild");
    source = (await transform(source, { loader: path.endsWith(".tsx") ? "tsx" : "ts", format: "esm" })).code;
  }
  try {
    return scriptShape(parseModule(source)).boundNames;
  } catch (error) {
    throw new KogineError(`${path}: cannot be parsed: ${(error as Error).message}`);
  }
}
