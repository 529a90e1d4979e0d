// Every type form of issue 13's syntax.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { int, named, nameRef, shape, statementsOf, typeOf } from "./syntax-tree.js";

const parsed = (text: string) => shape(typeOf(text));

describe("types", () => {
  test("the scalar types and string are named types", () => {
    for (const name of ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "bool", "string"]) {
      assert.deepEqual(parsed(name), named(name));
    }
  });

  test("generic library types: Array, Map, Option, Result, rc, weak, ptr", () => {
    assert.deepEqual(parsed("Array<i64>"), named("Array", named("i64")));
    assert.deepEqual(parsed("Map<string, f64>"), named("Map", named("string"), named("f64")));
    assert.deepEqual(parsed("Option<Point>"), named("Option", named("Point")));
    assert.deepEqual(parsed("Result<i64, string>"), named("Result", named("i64"), named("string")));
    assert.deepEqual(parsed("rc<Node>"), named("rc", named("Node")));
    assert.deepEqual(parsed("weak<Node>"), named("weak", named("Node")));
    assert.deepEqual(parsed("ptr<u8>"), named("ptr", named("u8")));
  });

  test("nested type arguments close with `>>`, `>>>`, and `>=` after a type", () => {
    assert.deepEqual(parsed("Array<Array<i64>>"), named("Array", named("Array", named("i64"))));
    assert.deepEqual(parsed("Option<rc<Array<u8>>>"), named("Option", named("rc", named("Array", named("u8")))));
    assert.deepEqual(parsed("Map<string, Array<i64>,>"), named("Map", named("string"), named("Array", named("i64"))));
    const [declaration] = statementsOf("let xs: Array<Array<i64>>= Array::new();");
    assert.deepEqual(
      shape(declaration?.kind === "Let" ? declaration.type : null),
      named("Array", named("Array", named("i64"))),
    );
  });

  test("fixed arrays `[N]T`, N a literal or a constant's name", () => {
    assert.deepEqual(parsed("[3]i64"), { kind: "ArrayType", length: int(3), element: named("i64") });
    assert.deepEqual(parsed("[N][4]f64"), {
      kind: "ArrayType",
      length: nameRef("N"),
      element: { kind: "ArrayType", length: int(4), element: named("f64") },
    });
  });

  test("function types `func(T) -> U`, and `func()` with no value", () => {
    assert.deepEqual(parsed("func(i64, f64) -> bool"), {
      kind: "FunctionType",
      parameters: [named("i64"), named("f64")],
      returnType: named("bool"),
    });
    assert.deepEqual(parsed("func()"), { kind: "FunctionType", parameters: [], returnType: null });
    assert.deepEqual(
      parsed("Array<func(i64) -> i64>"),
      named("Array", {
        kind: "FunctionType",
        parameters: [named("i64")],
        returnType: named("i64"),
      }),
    );
  });

  test("a type's span covers its arguments", () => {
    const type = typeOf("Map<string, Array<i64>>");
    assert.equal(type.end - type.start, "Map<string, Array<i64>>".length);
  });
});
