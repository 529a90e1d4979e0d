// Every declaration form of issue 13's syntax, parsed to its tree.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Declaration } from "../src/index.js";
import { binary, id, int, named, onlyDeclaration, parseClean, shape, str } from "./syntax-tree.js";

function declaration<K extends Declaration["kind"]>(source: string, kind: K): Extract<Declaration, { kind: K }> {
  const parsed = onlyDeclaration(source);
  assert.equal(parsed.kind, kind);
  return parsed as Extract<Declaration, { kind: K }>;
}

const typeParameter = (name: string) => ({ kind: "TypeParameter", name: id(name) });
const parameter = (name: string, type: unknown) => ({ kind: "Parameter", name: id(name), type });

describe("functions", () => {
  test("without a return type, the function returns no value", () => {
    const f = declaration("func greet(name: string) { }", "Function");
    assert.equal(f.name.name, "greet");
    assert.deepEqual(shape(f.parameters), [parameter("name", named("string"))]);
    assert.equal(f.returnType, null);
    assert.deepEqual(f.body.statements, []);
    assert.deepEqual(f.attributes, []);
    assert.equal(f.docs, null);
  });

  test("generic: `func max<T>(a: T, b: T) -> T`", () => {
    const f = declaration("func max<T>(a: T, b: T) -> T { return a; }", "Function");
    assert.deepEqual(shape(f.typeParameters), [typeParameter("T")]);
    assert.deepEqual(shape(f.parameters), [parameter("a", named("T")), parameter("b", named("T"))]);
    assert.deepEqual(shape(f.returnType), named("T"));
  });

  test("several type parameters and a trailing comma in the parameter list", () => {
    const f = declaration("func pick<A, B>(a: A, b: B,) -> Pair<A, B> { }", "Function");
    assert.deepEqual(shape(f.typeParameters), [typeParameter("A"), typeParameter("B")]);
    assert.equal(f.parameters.length, 2);
    assert.deepEqual(shape(f.returnType), named("Pair", named("A"), named("B")));
  });

  test("the attributes #[test], #[bench] and #[inline], in order", () => {
    const module = parseClean("#[test]\nfunc t() { }\n#[bench]\nfunc b() { }\n#[inline] #[test]\nfunc i() { }");
    assert.deepEqual(
      module.declarations.map((d) => (d.kind === "Function" ? d.attributes.map((a) => a.name) : null)),
      [["test"], ["bench"], ["inline", "test"]],
    );
    const first = module.declarations[0]!;
    assert.equal(first.start, 0, "a declaration starts at its first attribute");
  });

  test("a doc comment before or between the attributes documents the function", () => {
    const module = parseClean("/// Before.\n#[test]\nfunc a() { }\n#[inline]\n/// Between.\nfunc b() { }");
    assert.deepEqual(
      module.declarations.map((d) => d.docs?.text),
      ["Before.", "Between."],
    );
  });

  test("doc lines join with line breaks and keep their own indentation", () => {
    const f = declaration("/// First line.\n///   indented\n///\n/// Last.\nfunc f() { }", "Function");
    assert.equal(f.docs?.text, "First line.\n  indented\n\nLast.");
    assert.equal(f.docs?.start, 0);
  });
});

describe("extern functions", () => {
  test("`extern func` declares a C function's signature without a body", () => {
    const f = declaration("/// C's puts.\nextern func puts(s: ptr<u8>) -> i32;", "ExternFunction");
    assert.equal(f.name.name, "puts");
    assert.equal(f.docs?.text, "C's puts.");
    assert.deepEqual(shape(f.parameters), [parameter("s", named("ptr", named("u8")))]);
    assert.deepEqual(shape(f.returnType), named("i32"));
  });

  test("without a return type", () => {
    const f = declaration("extern func abort();", "ExternFunction");
    assert.deepEqual(f.parameters, []);
    assert.equal(f.returnType, null);
  });
});

describe("structs", () => {
  test("fields with their types; a trailing comma is allowed", () => {
    const s = declaration("struct Point { x: f64, y: f64, }", "Struct");
    assert.equal(s.name.name, "Point");
    assert.deepEqual(
      s.fields.map((f) => [f.name.name, shape(f.type)]),
      [
        ["x", named("f64")],
        ["y", named("f64")],
      ],
    );
    assert.deepEqual(s.typeParameters, []);
  });

  test("generic: `struct Pair<A, B> { a: A, b: B }`", () => {
    const s = declaration("struct Pair<A, B> { a: A, b: B }", "Struct");
    assert.deepEqual(shape(s.typeParameters), [typeParameter("A"), typeParameter("B")]);
    assert.deepEqual(shape(s.fields[1]!.type), named("B"));
  });

  test("an empty struct, and doc comments on the struct and its fields", () => {
    assert.deepEqual(declaration("struct Unit { }", "Struct").fields, []);
    const s = declaration("/// A point.\nstruct P {\n    /// Across.\n    x: f64,\n    y: f64,\n}", "Struct");
    assert.equal(s.docs?.text, "A point.");
    assert.deepEqual(
      s.fields.map((f) => f.docs?.text ?? null),
      ["Across.", null],
    );
  });
});

describe("enums", () => {
  test("plain variants", () => {
    const e = declaration("enum Color { Red, Green, Blue }", "Enum");
    assert.deepEqual(
      e.variants.map((v) => [v.name.name, v.payload]),
      [
        ["Red", null],
        ["Green", null],
        ["Blue", null],
      ],
    );
  });

  test("variants with payloads, mixed with plain ones", () => {
    const e = declaration("enum Shape { Circle(f64), Rect(f64, f64), Empty, }", "Enum");
    assert.deepEqual(
      e.variants.map((v) => [v.name.name, shape(v.payload)]),
      [
        ["Circle", [named("f64")]],
        ["Rect", [named("f64"), named("f64")]],
        ["Empty", null],
      ],
    );
  });

  test("generic, with doc comments on variants", () => {
    const e = declaration("enum Maybe<T> {\n    /// Nothing.\n    Nothing,\n    Just(T),\n}", "Enum");
    assert.deepEqual(shape(e.typeParameters), [typeParameter("T")]);
    assert.equal(e.variants[0]!.docs?.text, "Nothing.");
    assert.deepEqual(shape(e.variants[1]!.payload), [named("T")]);
  });
});

describe("impls", () => {
  test("methods taking self and static functions", () => {
    const impl = declaration("impl Point {\n    func new() -> Point { }\n    func scale(self, k: f64) { }\n}", "Impl");
    assert.deepEqual(shape(impl.target), named("Point"));
    assert.deepEqual(impl.typeParameters, []);
    const [make, scale] = impl.methods;
    assert.equal(make?.selfParameter, null);
    assert.equal(scale?.selfParameter?.kind, "SelfParameter");
    assert.deepEqual(shape(scale?.parameters), [parameter("k", named("f64"))]);
  });

  test("generic: `impl<A, B> Pair<A, B>`", () => {
    const impl = declaration("impl<A, B> Pair<A, B> { func first(self) -> A { return self.a; } }", "Impl");
    assert.deepEqual(shape(impl.typeParameters), [typeParameter("A"), typeParameter("B")]);
    assert.deepEqual(shape(impl.target), named("Pair", named("A"), named("B")));
  });

  test("methods carry their own doc comments and attributes", () => {
    const impl = declaration(
      "/// Points.\nimpl P {\n    /// Makes one.\n    #[inline]\n    func new() -> P { }\n    #[test]\n    func check() { }\n}",
      "Impl",
    );
    assert.equal(impl.docs?.text, "Points.");
    assert.deepEqual(
      impl.methods.map((m) => [m.docs?.text ?? null, m.attributes.map((a) => a.name)]),
      [
        ["Makes one.", ["inline"]],
        [null, ["test"]],
      ],
    );
  });

  test("an empty impl", () => {
    assert.deepEqual(declaration("impl P { }", "Impl").methods, []);
  });
});

describe("constants and imports", () => {
  test("`const X: T = e;` at top level", () => {
    const c = declaration("/// The limit.\nconst LIMIT: i64 = 10 * 10;", "Const");
    assert.equal(c.name.name, "LIMIT");
    assert.equal(c.docs?.text, "The limit.");
    assert.deepEqual(shape(c.type), named("i64"));
    assert.deepEqual(shape(c.value), binary("*", int(10), int(10)));
  });

  test('`import "relative/path.ls";`', () => {
    const i = declaration('import "lib/geometry.ls";', "Import");
    assert.deepEqual(shape(i.path), str("lib/geometry.ls"));
  });

  test("declarations of every kind in one file keep their order", () => {
    const module = parseClean(
      'import "a.ls";\nconst N: i64 = 1;\nextern func f();\nstruct S { }\nenum E { A }\nimpl S { }\nfunc main() { }',
    );
    assert.deepEqual(
      module.declarations.map((d) => d.kind),
      ["Import", "Const", "ExternFunction", "Struct", "Enum", "Impl", "Function"],
    );
  });
});
