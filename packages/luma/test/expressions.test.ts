// Every expression form of issue 13's syntax, operator precedence and associativity, and the places
// where `<` and `{` could mean two things.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  binary,
  call,
  expressionOf,
  fieldOf,
  float,
  id,
  int,
  named,
  nameRef,
  path,
  shape,
  statementsOf,
  str,
} from "./syntax-tree.js";

const [a, b, c, d] = ["a", "b", "c", "d"].map(nameRef);
const parsed = (text: string) => shape(expressionOf(text));
const unary = (operator: string, operand: unknown) => ({ kind: "Unary", operator, operand });

describe("literals", () => {
  test("integers, floats, strings and bools", () => {
    assert.deepEqual(parsed("42"), int(42));
    assert.deepEqual(parsed("0xFF_FF"), int(65535));
    assert.deepEqual(parsed("0b1010"), int(10));
    assert.deepEqual(parsed("2.5e-07"), float(2.5e-7));
    assert.deepEqual(parsed('"x = {}\\n"'), str("x = {}\n"));
    assert.deepEqual(parsed("true"), { kind: "BooleanLiteral", value: true });
    assert.deepEqual(parsed("false"), { kind: "BooleanLiteral", value: false });
  });

  test("fixed-array literals, empty, with a trailing comma, and the repeat form `[v; n]`", () => {
    assert.deepEqual(parsed("[1, 2, 3]"), { kind: "ArrayLiteral", elements: [int(1), int(2), int(3)] });
    assert.deepEqual(parsed("[]"), { kind: "ArrayLiteral", elements: [] });
    assert.deepEqual(parsed("[a, ]"), { kind: "ArrayLiteral", elements: [a] });
    assert.deepEqual(parsed("[0; 64]"), { kind: "ArrayRepeat", value: int(0), count: int(64) });
  });

  test("struct literals, nested, with a trailing comma; an empty one", () => {
    assert.deepEqual(parsed("Line { from: Point { x: 1, y: 2 }, to: p, }"), {
      kind: "StructLiteral",
      type: id("Line"),
      fields: [
        {
          kind: "FieldInitializer",
          name: id("from"),
          value: {
            kind: "StructLiteral",
            type: id("Point"),
            fields: [
              { kind: "FieldInitializer", name: id("x"), value: int(1) },
              { kind: "FieldInitializer", name: id("y"), value: int(2) },
            ],
          },
        },
        { kind: "FieldInitializer", name: id("to"), value: nameRef("p") },
      ],
    });
    assert.deepEqual(parsed("Unit {}"), { kind: "StructLiteral", type: id("Unit"), fields: [] });
  });
});

describe("names, paths, calls and postfix operators", () => {
  test("`Type::name(...)` calls a static function; `Shape::Circle(r)` builds a variant", () => {
    assert.deepEqual(parsed("Point::new(3.0, 4.0)"), call(path("Point", "new"), float(3), float(4)));
    assert.deepEqual(parsed("Color::Red"), path("Color", "Red"));
    assert.deepEqual(parsed("rc::new(x)"), call(path("rc", "new"), nameRef("x")));
    assert.deepEqual(parsed("weak::new(&r)"), call(path("weak", "new"), { kind: "AddressOf", operand: nameRef("r") }));
  });

  test("Some, None, Ok and Err are ordinary names and calls", () => {
    assert.deepEqual(parsed("Some(1)"), call(nameRef("Some"), int(1)));
    assert.deepEqual(parsed("None"), nameRef("None"));
    assert.deepEqual(parsed('Err("bad")'), call(nameRef("Err"), str("bad")));
  });

  test("method calls, fields, indexing and `?` chain left to right", () => {
    assert.deepEqual(parsed("a.b.c(1)[2]?.d"), {
      kind: "FieldAccess",
      object: {
        kind: "Try",
        operand: { kind: "Index", object: call(fieldOf(fieldOf(a, "b"), "c"), int(1)), index: int(2) },
      },
      field: id("d"),
    });
    assert.deepEqual(parsed("r.upgrade()"), call(fieldOf(nameRef("r"), "upgrade")));
    assert.deepEqual(parsed("x.clone()"), call(fieldOf(nameRef("x"), "clone")));
  });

  test("`self` and its fields", () => {
    assert.deepEqual(parsed("self.x"), fieldOf({ kind: "Self" }, "x"));
  });

  test("a named function is a value; a call may have a trailing comma", () => {
    assert.deepEqual(parsed("f"), nameRef("f"));
    assert.deepEqual(parsed("f(a, b,)"), call(nameRef("f"), a, b));
  });

  test("`sizeof(T)` and `alloc(T, n)` take a type; `free(p)` is an ordinary call", () => {
    assert.deepEqual(parsed("sizeof(Pair<i64, f64>)"), {
      kind: "Sizeof",
      type: named("Pair", named("i64"), named("f64")),
    });
    assert.deepEqual(parsed("alloc(ptr<u8>, n * 2)"), {
      kind: "Alloc",
      type: named("ptr", named("u8")),
      count: binary("*", nameRef("n"), int(2)),
    });
    assert.deepEqual(parsed("free(p)"), call(nameRef("free"), nameRef("p")));
    assert.deepEqual(parsed("pool.alloc(8)"), call(fieldOf(nameRef("pool"), "alloc"), int(8)));
  });
});

describe("operators", () => {
  test("multiplicative binds tighter than additive, both left-associative", () => {
    assert.deepEqual(parsed("a + b * c - d"), binary("-", binary("+", a, binary("*", b, c)), d));
    assert.deepEqual(parsed("a / b % c"), binary("%", binary("/", a, b), c));
  });

  test("`**` is right-associative and tighter than a prefix minus on its left", () => {
    assert.deepEqual(parsed("a ** b ** c"), binary("**", a, binary("**", b, c)));
    assert.deepEqual(parsed("-a ** 2"), unary("-", binary("**", a, int(2))));
    assert.deepEqual(parsed("a ** -b"), binary("**", a, unary("-", b)));
    assert.deepEqual(parsed("2 * a ** 2"), binary("*", int(2), binary("**", a, int(2))));
  });

  test("logical: `!` binds tightest, then `&&`, then `||`", () => {
    assert.deepEqual(parsed("!a || b && c"), binary("||", unary("!", a), binary("&&", b, c)));
  });

  test("comparisons sit between the logical and the bitwise operators", () => {
    assert.deepEqual(parsed("a < b && c >= d"), binary("&&", binary("<", a, b), binary(">=", c, d)));
    assert.deepEqual(parsed("a & b == c"), binary("==", binary("&", a, b), c));
    assert.deepEqual(parsed("a != b"), binary("!=", a, b));
    assert.deepEqual(parsed("a <= b"), binary("<=", a, b));
    assert.deepEqual(parsed("a > b"), binary(">", a, b));
  });

  test("bitwise: `|` below `^` below `&` below shifts below `+`", () => {
    assert.deepEqual(parsed("a | b ^ c & d"), binary("|", a, binary("^", b, binary("&", c, d))));
    assert.deepEqual(parsed("a << b + c"), binary("<<", a, binary("+", b, c)));
    assert.deepEqual(parsed("a >> 2 & b"), binary("&", binary(">>", a, int(2)), b));
    assert.deepEqual(parsed("~a"), unary("~", a));
  });

  test("`as` binds tighter than arithmetic and looser than prefixes", () => {
    assert.deepEqual(
      parsed("-x as f64 * 2.0"),
      binary("*", { kind: "Cast", operand: unary("-", nameRef("x")), type: named("f64") }, float(2)),
    );
    assert.deepEqual(parsed("x as i64 as f64"), {
      kind: "Cast",
      operand: { kind: "Cast", operand: nameRef("x"), type: named("i64") },
      type: named("f64"),
    });
  });

  test("`x as i64 < y` compares: scalar types take no type arguments", () => {
    assert.deepEqual(
      parsed("x as i64 < y"),
      binary("<", { kind: "Cast", operand: nameRef("x"), type: named("i64") }, nameRef("y")),
    );
  });

  test("address-of and dereference: `&x`, `&&x`, `@p`, `@@pp`", () => {
    assert.deepEqual(parsed("&x"), { kind: "AddressOf", operand: nameRef("x") });
    assert.deepEqual(parsed("&&x"), { kind: "AddressOf", operand: { kind: "AddressOf", operand: nameRef("x") } });
    assert.deepEqual(parsed("@p + 1"), binary("+", { kind: "Dereference", operand: nameRef("p") }, int(1)));
    assert.deepEqual(parsed("@@pp"), { kind: "Dereference", operand: { kind: "Dereference", operand: nameRef("pp") } });
  });

  test("ranges bind loosest", () => {
    assert.deepEqual(parsed("a + 1..b * 2"), {
      kind: "Range",
      lower: binary("+", a, int(1)),
      upper: binary("*", b, int(2)),
    });
  });

  test("parentheses group, and their span includes them", () => {
    assert.deepEqual(parsed("(a + b) * c"), binary("*", binary("+", a, b), c));
    const [statement] = statementsOf("let value = (a + b) * c;");
    const product = statement?.kind === "Let" ? statement.value : undefined;
    assert.equal(product?.kind, "Binary");
    if (product?.kind !== "Binary") return;
    const text = "func main() {\nlet value = (a + b) * c;\n}";
    assert.equal(text.slice(product.left.start, product.left.end), "(a + b)");
    assert.equal(text.slice(product.start, product.end), "(a + b) * c");
  });

  test("in an expression `<` compares: `a < b` and `(a < b) == c`", () => {
    assert.deepEqual(parsed("a < b"), binary("<", a, b));
    assert.deepEqual(parsed("(a < b) == c"), binary("==", binary("<", a, b), c));
    assert.deepEqual(parsed("f(a < b, c > (d))"), call(nameRef("f"), binary("<", a, b), binary(">", c, d)));
  });
});

describe("closures", () => {
  const closure = (parameters: unknown[], body: unknown, returnType: unknown = null) => ({
    kind: "Closure",
    parameters,
    returnType,
    body,
  });
  const parameter = (name: string, type: unknown = null) => ({ kind: "ClosureParameter", name: id(name), type });

  test("`|x| x + 1`, `|a, b| a < b` and `|| 0`", () => {
    assert.deepEqual(parsed("|x| x + 1"), closure([parameter("x")], binary("+", nameRef("x"), int(1))));
    assert.deepEqual(parsed("|a, b| a < b"), closure([parameter("a"), parameter("b")], binary("<", a, b)));
    assert.deepEqual(parsed("|| 0"), closure([], int(0)));
  });

  test("typed parameters, a return type and a block body", () => {
    assert.deepEqual(
      parsed("|x: i64, y| -> i64 { return x; }"),
      closure(
        [parameter("x", named("i64")), parameter("y")],
        { kind: "Block", statements: [{ kind: "Return", value: nameRef("x") }] },
        named("i64"),
      ),
    );
  });

  test("as arguments: `xs.sort_by(|a, b| a < b)`, `map`, `reduce`", () => {
    assert.deepEqual(
      parsed("xs.sort_by(|a, b| a < b)"),
      call(fieldOf(nameRef("xs"), "sort_by"), closure([parameter("a"), parameter("b")], binary("<", a, b))),
    );
    const reduce = expressionOf("xs.map(|x| x * 2).reduce(0, |acc, x| acc + x)");
    assert.equal(reduce.kind, "Call");
  });

  test("a closure's body may be a struct literal", () => {
    const body = expressionOf("|x| P { v: x }");
    assert.equal(body.kind === "Closure" ? body.body.kind : "", "StructLiteral");
  });
});

describe("`Name {` after `for ... in` and `match` opens the body, not a struct literal", () => {
  test("in a `for` and a `match`, and in parentheses there a struct literal is allowed", () => {
    const [loop, choice] = statementsOf("for p in points { }\nmatch (P { x: 1 }) { _ => { } }");
    assert.equal(loop?.kind === "For" ? loop.iterable.kind : "", "Name");
    assert.equal(choice?.kind === "Match" ? choice.scrutinee.kind : "", "StructLiteral");
  });

  test("in an `if` condition, the parentheses make a struct literal unambiguous", () => {
    const [branch] = statementsOf("if (p == P { x: 1 }) { }");
    assert.equal(
      branch?.kind === "If" && branch.condition.kind === "Binary" ? branch.condition.right.kind : "",
      "StructLiteral",
    );
  });
});
