// The object header, the layout descriptor and the string object are written down twice: in the
// layout module, which the emitter reads, and in runtime/object.h and runtime.h, which the C runtime
// reads. A C program compiled against
// the header prints its offsets and sizes, and they must be the layout module's.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  declareLayout,
  fieldOffsets,
  layoutDescriptor,
  objectHeader,
  objectSize,
  sizeOf,
  stringObject,
  variantLayout,
} from "../src/ir/layouts.js";
import { refType, structType, types, variantType } from "../src/ir/types.js";
import { CORE_RUNTIME_DIR } from "../src/toolchain/runtime-archive.js";
import { testToolchain, testWorkDir } from "./native-build.js";

/** Compiles and runs C printing `name offset size` lines for the given struct members. */
function measure(struct: string, fields: readonly string[]): Map<string, { offset: number; size: number }> {
  const source = join(testWorkDir(), `${struct}.c`);
  const program = join(testWorkDir(), struct);
  const lines = fields.map(
    (f) => `  printf("${f} %zu %zu\\n", offsetof(${struct}, ${f}), sizeof(((${struct} *)0)->${f}));`,
  );
  writeFileSync(
    source,
    [
      "#include <stddef.h>",
      "#include <stdio.h>",
      '#include "runtime.h"',
      "int main(void) {",
      ...lines,
      `  printf("sizeof %zu 0\\n", sizeof(${struct}));`,
      "  return 0;",
      "}",
    ].join("\n"),
  );
  const cc = testToolchain().cc;
  const built = spawnSync(cc[0]!, [...cc.slice(1), "-I", CORE_RUNTIME_DIR, source, "-o", program], {
    encoding: "utf8",
  });
  assert.equal(built.status, 0, built.stderr);
  const run = spawnSync(program, [], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return new Map(
    run.stdout
      .trim()
      .split("\n")
      .map((line) => {
        const [name, offset, size] = line.split(" ");
        return [name!, { offset: Number(offset), size: Number(size) }];
      }),
  );
}

describe("layouts", () => {
  it("the object header is rt_object's", () => {
    const c = measure(
      "rt_object",
      objectHeader.fields.map((f) => f.name),
    );
    for (const f of objectHeader.fields) assert.deepEqual(c.get(f.name), { offset: f.offset, size: f.size }, f.name);
    assert.equal(c.get("sizeof")!.offset, objectHeader.size);
  });

  it("the layout descriptor is rt_layout's", () => {
    const c = measure(
      "rt_layout",
      layoutDescriptor.fields.map((f) => f.name),
    );
    for (const f of layoutDescriptor.fields) {
      assert.deepEqual(c.get(f.name), { offset: f.offset, size: f.size }, f.name);
    }
    assert.equal(c.get("sizeof")!.offset, layoutDescriptor.size);
  });

  it("a string object is rt_str", () => {
    const [size, length, hash, data] = stringObject.fields;
    const c = measure("rt_str", [size.name, length.name, hash.name]);
    for (const f of [size, length, hash]) assert.deepEqual(c.get(f.name), { offset: f.offset, size: f.size }, f.name);
    // The text is a flexible array member: it starts where the struct ends.
    assert.equal(c.get("sizeof")!.offset, data.offset);
  });

  it("places fields as C places a struct after the header", () => {
    const node = declareLayout("Node");
    node.fields = [
      { name: "flag", type: types.i1 },
      { name: "value", type: types.i64 },
      { name: "small", type: types.i32 },
      { name: "next", type: variantType([types.unit, refType(node)]) },
    ];
    assert.deepEqual(fieldOffsets(node), [16, 24, 32, 40]);
    assert.equal(objectSize(node), 48);
    assert.equal(sizeOf(structType([types.i8, types.f64, types.i16])), 24);
    // A nullable reference is one pointer; another variant is a tag word and its payload words.
    assert.equal(sizeOf(variantType([types.unit, refType(node)])), 8);
    assert.deepEqual(variantLayout([types.i64, types.f64, structType([types.i64, types.i64])]), {
      payloadOffset: 8,
      payloadWords: 2,
      size: 24,
      align: 8,
    });
  });
});
