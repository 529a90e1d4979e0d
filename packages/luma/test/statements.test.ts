// Every statement form of issue 13's syntax, and the patterns of `match` and `for`.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Statement } from "../src/index.js";
import { binary, binding, call, fieldOf, id, int, named, nameRef, shape, statementsOf, str } from "./syntax-tree.js";

/** The only statement of `body`, checked to be of `kind`. */
function statement<K extends Statement["kind"]>(body: string, kind: K): Extract<Statement, { kind: K }> {
  const statements = statementsOf(body);
  assert.equal(statements.length, 1, `expected one statement in ${body}`);
  assert.equal(statements[0]!.kind, kind);
  return statements[0] as Extract<Statement, { kind: K }>;
}

const block = (...statements: unknown[]) => ({ kind: "Block", statements });
const breakStatement = { kind: "Break" };

describe("variables and assignment", () => {
  test("`let x = e;` and `let x: T = e;`", () => {
    assert.deepEqual(shape(statement("let x = 1;", "Let")), { kind: "Let", name: id("x"), type: null, value: int(1) });
    assert.deepEqual(shape(statement('let s: string = "a";', "Let")), {
      kind: "Let",
      name: id("s"),
      type: named("string"),
      value: str("a"),
    });
  });

  test("assignment to a variable, a field, an element and a dereference", () => {
    const targets = statementsOf("x = 1; p.x = 2; xs[0] = 3; @ptr = 4;").map((s) =>
      s.kind === "Assignment" ? s.target.kind : s.kind,
    );
    assert.deepEqual(targets, ["Name", "FieldAccess", "Index", "Dereference"]);
  });

  test("every compound assignment operator, `>>=` included", () => {
    const operators = ["+=", "-=", "*=", "/=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>="];
    const statements = statementsOf(operators.map((op) => `x ${op} 2;`).join("\n"));
    assert.deepEqual(
      statements.map((s) => (s.kind === "Assignment" ? s.operator : s.kind)),
      operators,
    );
    assert.deepEqual(shape(statements[10]), {
      kind: "Assignment",
      operator: ">>=",
      target: nameRef("x"),
      value: int(2),
    });
  });

  test("an expression statement; a lone `;` is an empty statement and leaves no node", () => {
    assert.deepEqual(shape(statementsOf("xs.push(1);;")), [
      { kind: "ExpressionStatement", expression: call(fieldOf(nameRef("xs"), "push"), int(1)) },
    ]);
  });
});

describe("branches and loops", () => {
  test("`if (c) { } else if (c) { } else { }` nests the chain through the else branch", () => {
    const s = statement("if (a) { f(); } else if (b) { g(); } else { h(); }", "If");
    const callOf = (name: string) => block({ kind: "ExpressionStatement", expression: call(nameRef(name)) });
    assert.deepEqual(shape(s), {
      kind: "If",
      condition: nameRef("a"),
      thenBlock: callOf("f"),
      elseBranch: { kind: "If", condition: nameRef("b"), thenBlock: callOf("g"), elseBranch: callOf("h") },
    });
  });

  test("`if` without else", () => {
    assert.equal(statement("if (x > 1) { }", "If").elseBranch, null);
  });

  test("`while (c) { }` with `break;` and `continue;`", () => {
    assert.deepEqual(shape(statement("while (i < n) { break; continue; }", "While")), {
      kind: "While",
      condition: binary("<", nameRef("i"), nameRef("n")),
      body: block(breakStatement, { kind: "Continue" }),
    });
  });

  test("`for i in a..b { }` over a range", () => {
    assert.deepEqual(shape(statement("for i in 1..n + 1 { }", "For")), {
      kind: "For",
      binding: binding("i"),
      iterable: { kind: "Range", lower: int(1), upper: binary("+", nameRef("n"), int(1)) },
      body: block(),
    });
  });

  test("`for x in array { }`, `for _ in xs { }` and `for (k, v) in map { }`", () => {
    assert.deepEqual(shape(statement("for x in xs { }", "For").binding), binding("x"));
    assert.deepEqual(shape(statement("for _ in xs { }", "For").binding), { kind: "WildcardPattern" });
    assert.deepEqual(shape(statement("for (k, v) in map { }", "For").binding), {
      kind: "TuplePattern",
      elements: [binding("k"), binding("v")],
    });
  });

  test("the iterable of a `for` may be a call chain with a closure; its `{` opens the body", () => {
    const s = statement("for x in xs.filter(|x| x > 0) { }", "For");
    assert.equal(s.iterable.kind, "Call");
    assert.deepEqual(s.body.statements, []);
  });

  test("`return e;` and `return;`", () => {
    assert.deepEqual(shape(statementsOf("return 1 + 2;")), [{ kind: "Return", value: binary("+", int(1), int(2)) }]);
    assert.deepEqual(shape(statementsOf("return;")), [{ kind: "Return", value: null }]);
  });

  test("a nested block", () => {
    assert.deepEqual(
      shape(statement("{ let a = 1; }", "Block")),
      block({ kind: "Let", name: id("a"), type: null, value: int(1) }),
    );
  });
});

describe("match", () => {
  const patternsOf = (arms: string) => statement(`match v { ${arms} }`, "Match").arms.map((arm) => shape(arm.pattern));

  test("over an enum: variants with payload patterns and plain variants", () => {
    assert.deepEqual(patternsOf("Shape::Circle(r) => { } Shape::Rect(_, h) => { } Color::Red => { }"), [
      { kind: "VariantPattern", owner: id("Shape"), name: id("Circle"), payload: [binding("r")] },
      {
        kind: "VariantPattern",
        owner: id("Shape"),
        name: id("Rect"),
        payload: [{ kind: "WildcardPattern" }, binding("h")],
      },
      { kind: "VariantPattern", owner: id("Color"), name: id("Red"), payload: null },
    ]);
  });

  test("over Option and Result: variants named alone, nested patterns", () => {
    assert.deepEqual(patternsOf("Some(Ok(x)) => { } Some(Err(_)) => { } None => { }"), [
      {
        kind: "VariantPattern",
        owner: null,
        name: id("Some"),
        payload: [{ kind: "VariantPattern", owner: null, name: id("Ok"), payload: [binding("x")] }],
      },
      {
        kind: "VariantPattern",
        owner: null,
        name: id("Some"),
        payload: [{ kind: "VariantPattern", owner: null, name: id("Err"), payload: [{ kind: "WildcardPattern" }] }],
      },
      binding("None"),
    ]);
  });

  test("over integers (negative, hexadecimal), strings and bools, with `_`", () => {
    assert.deepEqual(patternsOf('0 => { } -1 => { } 0xFF => { } "quit" => { } true => { } _ => { }'), [
      { kind: "LiteralPattern", value: 0n },
      { kind: "LiteralPattern", value: -1n },
      { kind: "LiteralPattern", value: 255n },
      { kind: "LiteralPattern", value: "quit" },
      { kind: "LiteralPattern", value: true },
      { kind: "WildcardPattern" },
    ]);
  });

  test("arms may be separated by commas; the scrutinee may be any expression but a struct literal", () => {
    const s = statement("match xs.len() % 2 { 0 => { return; }, _ => { }, }", "Match");
    assert.deepEqual(shape(s.scrutinee), binary("%", call(fieldOf(nameRef("xs"), "len")), int(2)));
    assert.deepEqual(
      s.arms.map((arm) => shape(arm.body)),
      [block({ kind: "Return", value: null }), block()],
    );
  });

  test("an empty match", () => {
    assert.deepEqual(statement("match x { }", "Match").arms, []);
  });
});
