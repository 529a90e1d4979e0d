// The registry of runtime functions must say exactly what the C definitions are: a wrong parameter
// or result type would compile and link, then misbehave. Each core entry (`rt_*`) is checked against
// its definition in packages/compiler/runtime/*.c; a language library's entries (`py_*`, ...) are
// checked by that language's tests against its own sources.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { IrType } from "../src/ir/ir.js";
import { runtimeFunctions } from "../src/runtime-functions.js";
import { CORE_RUNTIME_DIR } from "../src/toolchain/runtime-archive.js";

const C_TYPES: Record<string, IrType> = {
  int64_t: "i64",
  double: "f64",
  bool: "i1",
  "rt_str *": "str",
  void: "void",
};

/**
 * name -> [parameter types, result type] of every function defined in the core's C files, as IR
 * types where the C type has one (else "C <type>", which no registry entry can match).
 */
function coreDefinitions(): Map<string, [string[], string]> {
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
  for (const file of readdirSync(CORE_RUNTIME_DIR).filter((name) => name.endsWith(".c"))) {
    const source = readFileSync(join(CORE_RUNTIME_DIR, file), "utf8");
    for (const match of source.matchAll(/^(?:_Noreturn )?([\w ]+?\s*\*?)\s*(\w+)\(([^)]*)\)\s*\{/gm)) {
      if (/\bstatic\b/.test(match[1]!)) continue;
      const params = match[3]!.trim();
      const paramTypes = params === "void" || params === "" ? [] : params.split(",").map((p) => type(withoutName(p)));
      definitions.set(match[2]!, [paramTypes, type(match[1]!)]);
    }
  }
  return definitions;
}

describe("the runtime function registry", () => {
  it("matches the core's C definitions for every rt_* entry", () => {
    const definitions = coreDefinitions();
    for (const f of runtimeFunctions.values()) {
      if (!f.name.startsWith("rt_")) continue;
      const definition = definitions.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in the core runtime (runtime/*.c)`);
      assert.deepEqual(definition, [f.params, f.result], f.name);
    }
  });

  it("leaves failing to the language libraries: no core entry can fail but rt_raise_message", () => {
    const failing = [...runtimeFunctions.values()].filter((f) => f.name.startsWith("rt_") && f.canFail);
    assert.deepEqual(
      failing.map((f) => f.name),
      ["rt_raise_message"],
    );
  });

  it("names every function rt_* (core) or by its library's prefix, and says how to call it", () => {
    const definitions = coreDefinitions();
    for (const [name, f] of runtimeFunctions) {
      assert.match(name, /^[a-z]+_[a-z0-9_]+$/);
      // A library's entry must not take a name the core defines.
      if (!name.startsWith("rt_")) assert.ok(!definitions.has(name), `${name} is defined by the core`);
      assert.ok(f.doc.length > 0);
      if (f.canFail) assert.equal(f.memory, "any", `${name} writes the pending error`);
    }
  });
});
