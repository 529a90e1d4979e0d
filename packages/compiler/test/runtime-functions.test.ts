// The core runtime's catalogue must say exactly what the C definitions are: a wrong parameter or
// result type would compile and link, then misbehave. Each entry (`rt_*`) is checked against its
// definition in packages/compiler/runtime/*.c and against the symbols of the built archive, and so
// are the test language library's few functions; a language library's catalogue (Python's `py_*`,
// ...) is checked by that language's tests against its own sources.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type IrType, isNullableRef } from "../src/ir/types.js";
import { runtimeFunction, runtimeFunctions } from "../src/runtime-functions.js";
import { CORE_RUNTIME_DIR, ensureRuntimeArchive } from "../src/toolchain/runtime-archive.js";
import { TEST_LANGUAGE_FUNCTIONS, TEST_RUNTIME, testToolchain } from "./native-build.js";

/** C types as the IR types' printed forms. */
const C_TYPES: Record<string, string> = {
  int64_t: "i64",
  double: "f64",
  bool: "i1",
  "rt_str *": "ref str",
  "rt_exception *": "ref exception",
  "rt_file *": "ref file",
  void: "void",
};

/**
 * The C form of an IR type: a nullable reference `variant{unit | ref T}` is T's pointer, which C's
 * types cannot mark as possibly NULL (the entry's documentation says when it is).
 */
function cForm(type: IrType): string {
  return isNullableRef(type) && type.kind === "variant" ? type.cases[1]!.text : type.text;
}

/**
 * name -> [parameter types, result type] of every function defined in the C files of `directory`, as
 * IR types where the C type has one (else "C <type>", which no catalogue entry can match).
 */
function definitions(directory: string): Map<string, [string[], string]> {
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
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".c"))) {
    const source = readFileSync(join(directory, file), "utf8");
    for (const match of source.matchAll(/^(?:_Noreturn )?([\w ]+?\s*\*?)\s*(\w+)\(([^)]*)\)\s*\{/gm)) {
      if (/\bstatic\b/.test(match[1]!)) continue;
      const params = match[3]!.trim();
      const paramTypes = params === "void" || params === "" ? [] : params.split(",").map((p) => type(withoutName(p)));
      definitions.set(match[2]!, [paramTypes, type(match[1]!)]);
    }
  }
  return definitions;
}

/** The global functions an archive defines (`nm`'s T symbols). */
function definedSymbols(archive: string): Set<string> {
  const nm = spawnSync("nm", ["--defined-only", "-g", archive], { encoding: "utf8" });
  if (nm.error !== undefined) throw nm.error;
  assert.equal(nm.status, 0, nm.stderr);
  return new Set(
    nm.stdout
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length === 3 && fields[1] === "T")
      .map((fields) => fields[2]!),
  );
}

describe("the core runtime's catalogue", () => {
  const core = definitions(CORE_RUNTIME_DIR);

  it("matches the core's C definitions for every entry", () => {
    for (const f of runtimeFunctions.values()) {
      const definition = core.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in the core runtime (runtime/*.c)`);
      assert.deepEqual(definition, [f.params.map((p) => p.text), cForm(f.result)], f.name);
    }
  });

  it("declares only functions the archive defines, the test language library's too", async () => {
    const archive = await ensureRuntimeArchive(testToolchain(), TEST_RUNTIME);
    const symbols = definedSymbols(archive.path);
    assert.ok(symbols.has("rt_init") && symbols.has("rt_language_report_uncaught"));
    for (const name of [...runtimeFunctions.keys(), ...TEST_LANGUAGE_FUNCTIONS.keys()]) {
      assert.ok(symbols.has(name), `${name} is not in ${archive.path}`);
    }
  });

  it("matches the test language library's C definitions for its few functions, none of them the core's", () => {
    const library = definitions(TEST_RUNTIME.sourceDirs[1]!);
    for (const f of TEST_LANGUAGE_FUNCTIONS.values()) {
      assert.ok(!core.has(f.name) && !runtimeFunctions.has(f.name), `${f.name} is the core's`);
      const definition = library.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in runtime-test-language/*.c`);
      assert.deepEqual(definition, [f.params.map((p) => p.text), f.result.text], f.name);
    }
  });

  it("leaves failing to the language libraries: no core entry can fail but rt_raise_message", () => {
    const failing = [...runtimeFunctions.values()].filter((f) => f.canFail);
    assert.deepEqual(
      failing.map((f) => f.name),
      ["rt_raise_message"],
    );
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
      assert.equal(f.checksLibm, null, name);
    }
  });

  it("refuses an entry that can fail without writing memory (the pending error)", () => {
    assert.throws(() => runtimeFunction("x_fails", [[], "i64"], true, "read", "A mistake."), /writes the error state/);
  });
});
