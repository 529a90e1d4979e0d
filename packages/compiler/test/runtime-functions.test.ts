// The registry of runtime functions must say exactly what the C definitions are: a wrong parameter
// or result type would compile and link, then misbehave. Each registry entry is checked against its
// definition in packages/compiler/runtime/*.c.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runtimeFunctions } from "../src/runtime-functions.js";
import { RUNTIME_SOURCE_DIR } from "../src/toolchain/runtime-archive.js";

/** C types as the IR types' printed forms. */
const C_TYPES: Record<string, string> = {
  int64_t: "i64",
  double: "f64",
  bool: "i1",
  "rt_str *": "ref str",
  void: "void",
};

/**
 * name -> [parameter types, result type] of every function defined in the runtime's C files, as IR
 * types where the C type has one (else "C <type>", which no registry entry can match).
 */
function cDefinitions(): Map<string, [string[], string]> {
  const definitions = new Map<string, [string[], string]>();
  const type = (text: string): string => {
    const normalised = text
      .replace(/\s+/g, " ")
      .replace(/\s*\*\s*/, " *")
      .trim();
    return C_TYPES[normalised] ?? `C ${normalised}`;
  };
  /** A parameter declaration without its name: "rt_str *s" -> "rt_str *". */
  const withoutName = (declaration: string) => declaration.trim().replace(/\s*\b\w+$/, "");
  for (const file of readdirSync(RUNTIME_SOURCE_DIR).filter((name) => name.endsWith(".c"))) {
    const source = readFileSync(join(RUNTIME_SOURCE_DIR, file), "utf8");
    for (const match of source.matchAll(/^(?:_Noreturn )?([\w ]+?\s*\*?)\s*(rt_\w+)\(([^)]*)\)\s*\{/gm)) {
      const params = match[3]!.trim();
      const paramTypes = params === "void" || params === "" ? [] : params.split(",").map((p) => type(withoutName(p)));
      definitions.set(match[2]!, [paramTypes, type(match[1]!)]);
    }
    for (const match of source.matchAll(/^MATH_1\((\w+),/gm)) definitions.set(`rt_math_${match[1]}`, [["f64"], "f64"]);
  }
  return definitions;
}

describe("the runtime function registry", () => {
  it("matches the C definitions' signatures", () => {
    const definitions = cDefinitions();
    for (const f of runtimeFunctions.values()) {
      const definition = definitions.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in runtime/*.c`);
      assert.deepEqual(definition, [f.params.map((p) => p.text), f.result.text], f.name);
    }
  });

  it("names every function rt_* and says how to call it", () => {
    for (const [name, f] of runtimeFunctions) {
      assert.match(name, /^rt_[a-z0-9_]+$/);
      assert.ok(f.doc.length > 0);
      if (f.canFail) assert.equal(f.memory, "any", `${name} writes the pending error`);
      // The C side's conventions (runtime.h): arguments are borrowed, a returned string is owned.
      assert.deepEqual(
        f.argumentOwnership,
        f.params.map(() => "borrow"),
        name,
      );
      assert.equal(f.resultOwnership, "owned", name);
    }
  });
});
