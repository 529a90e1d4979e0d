// The runtime function registry (packages/compiler/src/runtime-functions.ts) against the C
// definitions of what compiled Python links: Python's runtime library (packages/python/runtime) and
// the core (packages/compiler/runtime). A wrong parameter or result type would compile and link, then
// misbehave.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type IrType, runtimeFunctions } from "@toolchain/compiler";
import { PYTHON_RUNTIME, PYTHON_RUNTIME_DIR } from "../src/build-python.js";
import { RT } from "../src/runtime-names.js";

const C_TYPES: Record<string, IrType> = {
  int64_t: "i64",
  double: "f64",
  bool: "i1",
  "rt_str *": "str",
  void: "void",
};

/** name -> [parameter types, result type] of every function defined in the C files of `directory`. */
function definitions(directory: string): Map<string, [string[], string]> {
  const found = new Map<string, [string[], string]>();
  const type = (text: string): string => {
    const normalised = text
      .replace(/\s+/g, " ")
      .replace(/\s*\*\s*/, " *")
      .trim();
    return C_TYPES[normalised] ?? `C ${normalised}`;
  };
  const withoutName = (declaration: string) => declaration.trim().replace(/\s*\b\w+$/, "");
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".c"))) {
    const source = readFileSync(join(directory, file), "utf8");
    for (const match of source.matchAll(/^(?:_Noreturn )?([\w ]+?\s*\*?)\s*(\w+)\(([^)]*)\)\s*\{/gm)) {
      if (/\bstatic\b/.test(match[1]!)) continue;
      const params = match[3]!.trim();
      const paramTypes = params === "void" || params === "" ? [] : params.split(",").map((p) => type(withoutName(p)));
      found.set(match[2]!, [paramTypes, type(match[1]!)]);
    }
    // py_math.c defines most math functions of one float with a macro.
    for (const match of source.matchAll(/^MATH_1\((\w+),/gm)) found.set(`py_math_${match[1]}`, [["f64"], "f64"]);
  }
  return found;
}

describe("the runtime functions compiled Python can call", () => {
  const python = definitions(PYTHON_RUNTIME_DIR);
  const linked = new Map(PYTHON_RUNTIME.sourceDirs.flatMap((dir) => [...definitions(dir)]));

  it("has every py_* entry defined in Python's runtime library with the registry's signature", () => {
    for (const f of runtimeFunctions.values()) {
      if (!f.name.startsWith("py_")) continue;
      const definition = python.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in packages/python/runtime/*.c`);
      assert.deepEqual(definition, [f.params, f.result], f.name);
    }
  });

  it("defines only py_* functions and the core's hooks in Python's library", () => {
    for (const name of python.keys()) assert.match(name, /^(py_|rt_language_)/, name);
  });

  it("links every function lowering calls", () => {
    const names = Object.entries(RT)
      .filter(([purpose]) => purpose !== "mathPrefix")
      .map(([, name]) => name);
    for (const name of names) {
      assert.ok(runtimeFunctions.has(name), `${name} is not in the registry`);
      assert.ok(linked.has(name), `${name} is not defined in the core or Python's library`);
    }
  });
});
