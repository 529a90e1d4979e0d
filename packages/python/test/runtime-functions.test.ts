// Python's runtime library's catalogue (src/runtime-library.ts) against the C definitions of what
// compiled Python links: Python's runtime library (packages/python/runtime) and the core
// (packages/compiler/runtime), and against the symbols of the built archive. A wrong parameter or
// result type would compile and link, then misbehave.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CORE_RUNTIME_DIR, ensureRuntimeArchive, findToolchain, runtimeFunctions } from "@toolchain/compiler";
import { cDefinitions, cForm, definedSymbols } from "@toolchain/compiler/testing";
import { PYTHON_RUNTIME, PYTHON_RUNTIME_DIR } from "../src/build-python.js";
import { lookupPythonRuntimeFunction, pythonRuntimeFunctions } from "../src/runtime-library.js";
import { RT } from "../src/runtime-names.js";

/** py_math.c defines most math functions of one float with a macro. */
function pythonDefinitions(directory: string) {
  return cDefinitions(
    directory,
    function* (source) {
      for (const match of source.matchAll(/^MATH_1\((\w+),/gm)) yield [`py_math_${match[1]}`, [["f64"], "f64"]];
    },
    PYTHON_C_TYPES,
  );
}

/** The C structures of Python's objects, as the IR types of python-layouts.ts print; an int is a tagged word, as a union's value is. */
const PYTHON_C_TYPES = {
  py_int: "tagged",
  py_any: "tagged",
  "py_list *": "ref list",
  "py_tuple *": "ref tuple",
  "py_dict *": "ref dict",
  "py_bytes *": "ref bytes",
  "py_iterator *": "ref list_iterator",
  "py_set *": "ref set",
  "py_deque *": "ref deque",
  "py_index_walk *": "ref index_walk",
  "rt_object *": "ref object",
  "const rt_str *": "ref str",
};

describe("the runtime functions compiled Python can call", () => {
  const python = pythonDefinitions(PYTHON_RUNTIME_DIR);
  const core = cDefinitions(CORE_RUNTIME_DIR);
  const linked = new Map(PYTHON_RUNTIME.sourceDirs.flatMap((dir) => [...pythonDefinitions(dir)]));

  it("has every py_* entry defined in Python's runtime library with the catalogue's signature", () => {
    for (const f of pythonRuntimeFunctions.values()) {
      const definition = python.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in packages/python/runtime/*.c`);
      assert.deepEqual(definition, [f.params.map((p) => p.text), cForm(f.result)], f.name);
    }
  });

  it("declares only functions Python's runtime archive defines", async () => {
    const archive = await ensureRuntimeArchive(findToolchain(), PYTHON_RUNTIME);
    const symbols = definedSymbols(archive.path);
    assert.ok(symbols.has("rt_init") && symbols.has("rt_language_report_uncaught"));
    for (const name of pythonRuntimeFunctions.keys()) assert.ok(symbols.has(name), `${name} is not in ${archive.path}`);
  });

  it("names every entry py_* and says how to call it, with the C side's ownership", () => {
    for (const [name, f] of pythonRuntimeFunctions) {
      assert.match(name, /^py_[a-z0-9_]+$/);
      // A library's entry must not take a name the core defines or declares.
      assert.ok(!core.has(name), `${name} is defined by the core`);
      assert.ok(!runtimeFunctions.has(name), `${name} is in the core's catalogue`);
      assert.ok(f.doc.length > 0);
      if (f.canFail) assert.equal(f.memory, "any", `${name} writes the pending error`);
      assert.deepEqual(
        f.argumentOwnership,
        f.params.map(() => "borrow"),
        name,
      );
      assert.equal(f.resultOwnership, f.doc.endsWith("Borrowed.") ? "borrowed" : "owned", name);
      if (f.checksLibm !== null) assert.equal(name, `py_math_${f.checksLibm}`);
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
      assert.ok(lookupPythonRuntimeFunction(name) !== undefined, `${name} is in neither catalogue`);
      assert.ok(linked.has(name), `${name} is not defined in the core or Python's library`);
    }
  });
});
