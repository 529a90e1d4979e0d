// The core runtime's catalogue must say exactly what the C definitions are: a wrong parameter or
// result type would compile and link, then misbehave. Each entry (`rt_*`) is checked against its
// definition in packages/compiler/runtime/*.c and against the symbols of the built archive, and so
// are the test language library's few functions; a language library's catalogue (Python's `py_*`,
// ...) is checked by that language's tests against its own sources.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runtimeFunction, runtimeFunctions } from "../src/runtime-functions.js";
import { CORE_RUNTIME_DIR, ensureRuntimeArchive } from "../src/toolchain/runtime-archive.js";
import { cDefinitions, cForm, definedSymbols } from "./c-definitions.js";
import { TEST_LANGUAGE_FUNCTIONS, TEST_RUNTIME, testToolchain } from "./native-build.js";

describe("the core runtime's catalogue", () => {
  const core = cDefinitions(CORE_RUNTIME_DIR);

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
    const library = cDefinitions(TEST_RUNTIME.sourceDirs[1]!, undefined, { test_tagged: "tagged" });
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
