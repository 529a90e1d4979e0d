// LumaScript's runtime catalogue must say exactly what its C definitions are: a wrong parameter or
// result type would compile and link, then misbehave.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cDefinitions, cForm } from "@toolchain/compiler/testing";
import { LUMA_RUNTIME_DIR, lumaRuntimeFunctions } from "../src/runtime-library.js";

describe("LumaScript's runtime catalogue", () => {
  const definitions = cDefinitions(LUMA_RUNTIME_DIR, undefined, { "luma_mempool *": "ref mempool" });

  it("matches the C definition of every luma_* entry", () => {
    assert.ok(lumaRuntimeFunctions.size > 10);
    for (const f of lumaRuntimeFunctions.values()) {
      const definition = definitions.get(f.name);
      assert.ok(definition !== undefined, `${f.name} is not defined in packages/luma/runtime/*.c`);
      assert.deepEqual(definition, [f.params.map((p) => p.text), cForm(f.result)], f.name);
    }
  });
});
