// The example program of issue 13, which fixes LumaScript's syntax, parsed to the tree it must give.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Declaration, Module } from "../src/index.js";
import { EXAMPLE } from "./sample-programs.js";
import {
  binary,
  binding,
  call,
  fieldOf,
  float,
  forEachNode,
  id,
  int,
  named,
  nameRef,
  parseClean,
  path,
  shape,
  str,
} from "./syntax-tree.js";

function declarationNamed<K extends Declaration["kind"]>(
  module: Module,
  kind: K,
  name: string,
): Extract<Declaration, { kind: K }> {
  const found = module.declarations.find(
    (d) => d.kind === kind && "name" in d && (d.name as { name: string }).name === name,
  );
  assert.ok(found !== undefined, `no ${kind} ${name}`);
  return found as Extract<Declaration, { kind: K }>;
}

const param = (name: string, type: unknown) => ({ kind: "Parameter", name: id(name), type });
const letOf = (name: string, value: unknown, type: unknown = null) => ({ kind: "Let", name: id(name), type, value });
const assign = (target: string, value: unknown) => ({
  kind: "Assignment",
  operator: "=",
  target: nameRef(target),
  value,
});
const returnOf = (value: unknown) => ({ kind: "Return", value });
const block = (...statements: unknown[]) => ({ kind: "Block", statements });
const expressionStatement = (expression: unknown) => ({ kind: "ExpressionStatement", expression });
const methodCall = (object: unknown, method: string, ...args: unknown[]) => call(fieldOf(object, method), ...args);

describe("the example program of issue 13", () => {
  const module = parseClean(EXAMPLE, "example.ls");

  test("has its six declarations in order", () => {
    assert.deepEqual(
      module.declarations.map((d) => d.kind),
      ["Function", "Struct", "Impl", "Enum", "Function", "Function"],
    );
  });

  test("fib: doc comment, signature, and a body of lets, a range loop and a return", () => {
    const fib = declarationNamed(module, "Function", "fib");
    assert.equal(fib.docs?.text, "Returns the n-th Fibonacci number.");
    assert.deepEqual(shape(fib.parameters), [param("n", named("i64"))]);
    assert.deepEqual(shape(fib.returnType), named("i64"));
    assert.equal(fib.selfParameter, null);
    assert.deepEqual(fib.typeParameters, []);
    assert.deepEqual(
      shape(fib.body),
      block(
        letOf("a", int(0)),
        letOf("b", int(1)),
        {
          kind: "For",
          binding: binding("i"),
          iterable: { kind: "Range", lower: int(0), upper: nameRef("n") },
          body: block(
            letOf("t", binary("+", nameRef("a"), nameRef("b"))),
            assign("a", nameRef("b")),
            assign("b", nameRef("t")),
          ),
        },
        returnOf(nameRef("a")),
      ),
    );
  });

  test("Point: a struct of two f64 fields", () => {
    const point = declarationNamed(module, "Struct", "Point");
    assert.deepEqual(
      point.fields.map((f) => [f.name.name, shape(f.type)]),
      [
        ["x", named("f64")],
        ["y", named("f64")],
      ],
    );
  });

  test("impl Point: a static constructor returning a struct literal, and a method on self", () => {
    const impl = module.declarations[2]!;
    assert.equal(impl.kind, "Impl");
    if (impl.kind !== "Impl") return;
    assert.deepEqual(shape(impl.target), named("Point"));
    const [make, norm] = impl.methods;
    assert.equal(make?.name.name, "new");
    assert.equal(make.selfParameter, null);
    assert.deepEqual(shape(make.parameters), [param("x", named("f64")), param("y", named("f64"))]);
    assert.deepEqual(shape(make.body.statements), [
      returnOf({
        kind: "StructLiteral",
        type: id("Point"),
        fields: [
          { kind: "FieldInitializer", name: id("x"), value: nameRef("x") },
          { kind: "FieldInitializer", name: id("y"), value: nameRef("y") },
        ],
      }),
    ]);
    assert.equal(norm?.name.name, "norm");
    assert.equal(norm.selfParameter?.kind, "SelfParameter");
    assert.deepEqual(norm.parameters, []);
    const self = { kind: "Self" };
    const square = (f: string) => binary("*", fieldOf(self, f), fieldOf(self, f));
    assert.deepEqual(shape(norm.body.statements), [
      returnOf(call(nameRef("sqrt"), binary("+", square("x"), square("y")))),
    ]);
  });

  test("Shape: an enum with payloads", () => {
    const shapeEnum = declarationNamed(module, "Enum", "Shape");
    assert.deepEqual(
      shapeEnum.variants.map((v) => [v.name.name, shape(v.payload)]),
      [
        ["Circle", [named("f64")]],
        ["Rect", [named("f64"), named("f64")]],
      ],
    );
  });

  test("area: a match whose arms take enum payloads apart", () => {
    const area = declarationNamed(module, "Function", "area");
    const variant = (name: string, ...payload: unknown[]) => ({
      kind: "VariantPattern",
      owner: id("Shape"),
      name: id(name),
      payload,
    });
    assert.deepEqual(shape(area.body.statements), [
      {
        kind: "Match",
        scrutinee: nameRef("s"),
        arms: [
          {
            kind: "MatchArm",
            pattern: variant("Circle", binding("r")),
            // biome-ignore lint/suspicious/noApproximativeNumericConstant: the issue's program writes 3.14159, not π
            body: block(returnOf(binary("*", binary("*", float(3.14159), nameRef("r")), nameRef("r")))),
          },
          {
            kind: "MatchArm",
            pattern: variant("Rect", binding("w"), binding("h")),
            body: block(returnOf(binary("*", nameRef("w"), nameRef("h")))),
          },
        ],
      },
    ]);
  });

  test("main: static calls, method calls, an annotated generic, a loop and indexing", () => {
    const main = declarationNamed(module, "Function", "main");
    assert.equal(main.returnType, null);
    assert.deepEqual(shape(main.body.statements), [
      letOf("p", call(path("Point", "new"), float(3.0), float(4.0))),
      expressionStatement(call(nameRef("println"), str("norm = {}"), methodCall(nameRef("p"), "norm"))),
      letOf("xs", call(path("Array", "new")), named("Array", named("i64"))),
      {
        kind: "For",
        binding: binding("i"),
        iterable: { kind: "Range", lower: int(0), upper: int(10) },
        body: block(expressionStatement(methodCall(nameRef("xs"), "push", call(nameRef("fib"), nameRef("i"))))),
      },
      expressionStatement(
        call(nameRef("println"), str("{} {}"), methodCall(nameRef("xs"), "len"), {
          kind: "Index",
          object: nameRef("xs"),
          index: int(9),
        }),
      ),
    ]);
  });

  test("every node's span holds its text and lies within its parent's", () => {
    let count = 0;
    forEachNode(module, (node, parent) => {
      count++;
      assert.ok(node.start <= node.end, `${node.kind} ends before it starts`);
      assert.ok(node.start >= 0 && node.end <= EXAMPLE.length, `${node.kind} lies outside the file`);
      if (parent !== null && node.kind !== "DocComment") {
        assert.ok(
          node.start >= parent.start && node.end <= parent.end,
          `${node.kind} [${node.start}, ${node.end}) outside its ${parent.kind} [${parent.start}, ${parent.end})`,
        );
      }
    });
    assert.ok(count > 150, `only ${count} nodes`);
    const main = declarationNamed(module, "Function", "main");
    const text = (node: { start: number; end: number }) => EXAMPLE.slice(node.start, node.end);
    assert.equal(text(main.name), "main");
    assert.equal(text(main.body.statements[0]!), "let p = Point::new(3.0, 4.0);");
    assert.equal(text(main), EXAMPLE.slice(EXAMPLE.indexOf("func main"), EXAMPLE.lastIndexOf("}") + 1));
  });

  test("spans convert to the renderer's lines and columns", () => {
    const main = declarationNamed(module, "Function", "main");
    const last = main.body.statements[4]!;
    assert.equal(last.kind, "ExpressionStatement");
    if (last.kind !== "ExpressionStatement" || last.expression.kind !== "Call") return;
    const index = last.expression.arguments[2]!;
    assert.deepEqual(module.source.span(index.start, index.end), {
      file: "example.ls",
      line: 28,
      column: 32,
      endLine: 28,
      endColumn: 37,
    });
  });
});
