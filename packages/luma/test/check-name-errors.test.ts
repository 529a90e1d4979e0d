// Name errors (E01xx): each kind with its exact message and primary span, and, for some, the whole
// rendered diagnostic with its labels and help.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { check, problems, rendered, summarize } from "./check-helpers.js";

const lines = (...rows: string[]): string => `${rows.join("\n")}\n`;

describe("name errors", () => {
  test("E0100: an unknown name, with a suggestion by edit distance", () => {
    const source = "func fib(n: i64) -> i64 { return n; }\nfunc main() { let x = fob(3); }\n";
    assert.equal(
      rendered(check(source)),
      lines(
        "error[E0100]: cannot find `fob` in this scope",
        " --> main.ls:2:23",
        "  |",
        "2 | func main() { let x = fob(3); }",
        "  |                       ^^^ not found",
        "  |",
        "  = help: did you mean `fib`?",
      ),
    );
    assert.deepEqual(problems('func main() { println("{}", zzz); }'), [
      ["E0100", "cannot find `zzz` in this scope", "1:29-1:32"],
    ]);
  });

  test("E0101: an unknown type", () => {
    const result = check("struct Point { x: f64 }\nfunc main() { let p: Piont = Point { x: 1.0 }; }");
    assert.deepEqual(
      result.diagnostics.map((d) => [...summarize(d), d.help]),
      [["E0101", "cannot find type `Piont`", "2:22-2:27", ["a type with a similar name exists: `Point`"]]],
    );
  });

  test("E0102: one name defined twice, across kinds, with the first definition labelled", () => {
    assert.equal(
      rendered(check("struct Point { x: f64 }\nfunc Point() {}\n")),
      lines(
        "error[E0102]: the name `Point` is defined more than once",
        " --> main.ls:2:6",
        "  |",
        "1 | struct Point { x: f64 }",
        "  |        ----- first defined here",
        "2 | func Point() {}",
        "  |      ^^^^^ defined again here",
        "  |",
        "  = help: rename one of them",
      ),
    );
  });

  test("E0102: fields, variants, parameters, type parameters, members and pattern bindings", () => {
    assert.deepEqual(
      problems(`struct P { x: i64, x: i64 }
enum E { A, B, A }
func f<T, T>(a: i64, a: i64) {}
impl P { func m(self) {} func m(self) {} }
enum Q { Two(i64, i64) }
func g(q: Q) { match q { Q::Two(v, v) => { } } }
func main() { let c = |x: i64, x: i64| x; }`),
      [
        ["E0102", "the field `x` is declared more than once", "1:20-1:21"],
        ["E0102", "the variant `A` is defined more than once", "2:16-2:17"],
        ["E0102", "the type parameter `T` is declared more than once", "3:11-3:12"],
        ["E0102", "the parameter `a` is declared more than once", "3:22-3:23"],
        ["E0102", "`P` already has a member named `m`", "4:31-4:32"],
        ["E0102", "`v` is bound twice in one pattern", "6:36-6:37"],
        ["E0102", "the parameter `x` is declared more than once", "7:32-7:33"],
      ],
    );
  });

  test("E0103: a variable used before its `let`, or in its own initialiser", () => {
    assert.equal(
      rendered(check("func main() {\n    let total = count + 1;\n    let count = 2;\n}\n")),
      lines(
        "error[E0103]: cannot use `count` before its declaration",
        " --> main.ls:2:17",
        "  |",
        "2 |     let total = count + 1;",
        "  |                 ^^^^^ used here",
        "3 |     let count = 2;",
        "  |         ----- `count` is declared here",
        "  |",
        "  = help: move the `let` before its first use",
      ),
    );
    assert.deepEqual(problems("func main() { let n = n + 1; }"), [
      ["E0103", "cannot use `n` before its declaration", "1:23-1:24"],
    ]);
  });

  test("E0104, E0105: an unknown field or method", () => {
    assert.deepEqual(
      problems(`struct Point { x: f64, y: f64 }
impl Point { func norm(self) -> f64 { return self.x; } }
func main() { let p = Point { x: 1.0, y: 2.0 }; println("{}", p.z); let n = p.nrom(); }`),
      [
        ["E0104", "no field `z` on type Point", "3:65-3:66"],
        ["E0105", "no method `nrom` on type Point", "3:79-3:83"],
      ],
    );
    const result = check('func main() { let s = "a"; let t = s.trimm(); }');
    assert.deepEqual(result.diagnostics[0]?.help, ["a method with a similar name exists: `trim`"]);
  });

  test("E0106, E0107: an unknown variant or static function", () => {
    assert.deepEqual(
      problems(`enum Shape { Circle(f64), Rect(f64, f64) }
struct Point { x: f64 }
func main() { let s = Shape::Square(1.0); let p = Point::origin(); let c = Shape::Circel(1.0); }`),
      [
        ["E0106", "no variant or function `Square` in enum `Shape`", "3:30-3:36"],
        ["E0107", "no function `origin` in struct `Point`", "3:58-3:64"],
        ["E0106", "no variant or function `Circel` in enum `Shape`", "3:83-3:89"],
      ],
    );
  });

  test("E0108: an import that cannot be read", () => {
    assert.deepEqual(problems('import "lib/missing.ls";\nfunc main() {}'), [
      ["E0108", "cannot read the imported file `lib/missing.ls`", "1:8-1:24"],
    ]);
  });

  test("E0109: a declaration named like a built-in type", () => {
    assert.deepEqual(problems("enum Option { Yes, No }\nstruct i64 { x: u8 }"), [
      ["E0109", "`Option` is a built-in type and cannot be defined again", "1:6-1:12"],
      ["E0109", "`i64` is a built-in type and cannot be defined again", "2:8-2:11"],
    ]);
  });

  test("E0110: a type or a built-in function where a value is wanted", () => {
    assert.deepEqual(
      problems("struct Point { x: f64 }\nfunc main() { let p = Point; let f = sqrt; let q = Point(1.0); }"),
      [
        ["E0110", "expected a value, found the struct `Point`", "2:23-2:28"],
        ["E0110", "the built-in function `sqrt` can only be called", "2:38-2:42"],
        ["E0110", "expected a function, found the struct `Point`", "2:52-2:57"],
      ],
    );
  });

  test("E0111: a function or constant where a type is wanted", () => {
    assert.deepEqual(
      problems("const LIMIT: i64 = 3;\nfunc f() {}\nfunc main() { let x: LIMIT = 3; let y: [2]f = [1, 2]; }"),
      [
        ["E0111", "expected a type, found a constant `LIMIT`", "3:22-3:27"],
        ["E0111", "expected a type, found a function `f`", "3:43-3:44"],
      ],
    );
  });

  test("E0112: a struct literal giving a field twice", () => {
    assert.deepEqual(
      problems("struct Point { x: f64, y: f64 }\nfunc main() { let p = Point { x: 1.0, x: 2.0, y: 0.0 }; }"),
      [["E0112", "field `x` is given twice", "2:39-2:40"]],
    );
  });

  test("E0113: `self` outside a method, with help in a static function", () => {
    const result = check("struct Point { x: f64 }\nimpl Point { func origin() -> f64 { return self.x; } }");
    assert.deepEqual(
      result.diagnostics.map((d) => [...summarize(d), d.help]),
      [
        [
          "E0113",
          "`self` is only available in a method",
          "2:44-2:48",
          ["make `origin` a method by taking `self` first: `func origin(self, …)`"],
        ],
      ],
    );
  });

  test("E0114: a variant of a program's enum written alone in a pattern", () => {
    assert.deepEqual(problems("enum Color { Red, Green }\nfunc main() { match Color::Red { Red => { } _ => { } } }"), [
      ["E0114", "the variant `Red` must be named with its enum: `Color::Red`", "2:34-2:37"],
    ]);
  });
});
