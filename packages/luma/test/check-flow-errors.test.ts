// Errors of statements, control flow and constants (E02xx): iteration, match coverage and patterns,
// `?`, missing and mismatched returns, `break` and `continue`, format strings, constants; and the
// unreachable-arm warning. Each kind with its exact message and primary span.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { check, inMain, problems, rendered, summarize } from "./check-helpers.js";

const lines = (...rows: string[]): string => `${rows.join("\n")}\n`;

describe("control flow errors", () => {
  test("E0209: iterating what is not an array, map or range; E0211 for a binding that does not fit", () => {
    assert.deepEqual(
      problems(
        inMain(`for c in "abc" { }
    for i in 10 { }
    let m: Map<string, i64> = Map::new();
    for k in m { }
    for (a, b) in [1, 2] { }
    for x in 0.0..1.0 { }`),
      ),
      [
        ["E0209", "cannot iterate over a value of type string", "2:10-2:15"],
        ["E0209", "cannot iterate over a value of type i64", "3:14-3:16"],
        ["E0211", "a map's entries are pairs: write `for (key, value) in …`", "5:9-5:10"],
        ["E0211", "expected a name for each element, found a pattern of 2 parts", "6:9-6:15"],
        ["E0200", "expected an integer range, found a range of f64", "7:14-7:17"],
      ],
    );
    assert.deepEqual(check(inMain('for c in "abc" { }')).diagnostics[0]?.help, [
      "iterate over its characters: `for c in s.chars()`",
    ]);
  });

  test("E0210: a match that leaves values out, with one of them as a pattern", () => {
    assert.deepEqual(
      problems(`enum Shape { Circle(f64), Rect(f64, f64) }
func f(s: Shape, o: Option<Shape>, n: i64, b: bool) {
    match s { Shape::Circle(r) => { } }
    match o { Some(Shape::Rect(w, h)) => { } None => { } }
    match n { 0 => { } 1 => { } }
    match b { true => { } }
}`),
      [
        ["E0210", "this match does not cover every value of Shape: `Shape::Rect(_, _)` is not matched", "3:11-3:12"],
        [
          "E0210",
          "this match does not cover every value of Option<Shape>: `Some(Shape::Circle(_))` is not matched",
          "4:11-4:12",
        ],
        ["E0210", "this match does not cover every value of i64: `_` is not matched", "5:11-5:12"],
        ["E0210", "this match does not cover every value of bool: `false` is not matched", "6:11-6:12"],
      ],
    );
  });

  test("E0211: patterns that cannot match the value's type, or miscount a payload", () => {
    assert.deepEqual(
      problems(`enum Shape { Circle(f64), Rect(f64, f64) }
enum Color { Red }
struct P { x: i64 }
func f(s: Shape, n: i64) {
    match s { Shape::Rect(w) => { } _ => { } }
    match s { Shape::Circle => { } _ => { } }
    match s { Color::Red => { } _ => { } }
    match n { "one" => { } Some(x) => { } _ => { } }
    match s { P::x => { } _ => { } }
}`),
      [
        ["E0211", "the variant `Shape::Rect(_, _)` holds 2 values, found 1 pattern", "5:15-5:29"],
        ["E0211", "the variant `Shape::Circle(_)` has a payload, which the pattern must match", "6:15-6:28"],
        ["E0211", "expected a pattern of type Shape, found the variant `Color::Red`", "7:15-7:25"],
        ["E0211", "expected a pattern of type i64, found a string", "8:15-8:20"],
        ["E0211", "expected a pattern of type i64, found the variant `Some(_)`", "8:28-8:35"],
        ["E0211", "expected an enum before `::` in a pattern, found the struct `P`", "9:15-9:16"],
      ],
    );
  });

  test("E0212: `?` where the failure cannot be passed on", () => {
    assert.deepEqual(
      problems(`func f() -> i64 { let x: Option<i64> = None; return x?; }
func g() -> Result<i64, string> { let r: Result<i64, i64> = Ok(1); let v = r?; let n = 5?; return Ok(v); }`),
      [
        [
          "E0212",
          "the `?` operator on an Option needs a function returning Option, found one returning i64",
          "1:53-1:55",
        ],
        [
          "E0212",
          "the `?` operator would return an error of type i64 from a function whose error type is string",
          "2:76-2:78",
        ],
        ["E0212", "the `?` operator applies to an Option or a Result, found i64", "2:88-2:89"],
      ],
    );
  });

  test("E0213: a missing return is reported at the function's closing brace", () => {
    const source = `func sign(x: i64) -> i64 {
    if (x < 0) {
        return -1;
    } else if (x > 0) {
        return 1;
    }
}
`;
    assert.equal(
      rendered(check(source)),
      lines(
        "error[E0213]: `sign` must return i64 on every path, but its end can be reached",
        " --> main.ls:7:1",
        "  |",
        "1 | func sign(x: i64) -> i64 {",
        "  |                      --- returns i64",
        "...",
        "7 | }",
        "  | ^ the end is reached without a `return`",
        "  |",
        "  = help: add a `return` before the closing brace, or make every branch return",
      ),
    );
    assert.deepEqual(problems(inMain("let f = |x: i64| -> i64 { if (x > 0) { return x; } };")), [
      ["E0213", "this closure must return i64 on every path, but its end can be reached", "2:52-2:53"],
    ]);
  });

  test("E0214: `break` and `continue` outside a loop, a closure's body included", () => {
    const result = check(inMain("break;\n    for i in 0..3 { let g = || { continue; }; }"));
    assert.deepEqual(
      result.diagnostics.map((d) => [...summarize(d), d.help]),
      [
        ["E0214", "`break` outside of a loop", "2:1-2:7", []],
        [
          "E0214",
          "`continue` outside of a loop",
          "3:34-3:43",
          ["a closure's body is not part of the loop around the closure"],
        ],
      ],
    );
  });

  test("E0215: format strings against their arguments", () => {
    assert.deepEqual(
      problems(
        inMain(
          'println("{} {}", 1); println("{:.2}", 3); println("{x}", 1); print("a}b"); let s = "x"; println(s, 1);',
        ),
      ),
      [
        ["E0215", "the format string has 2 placeholders, but 1 argument was given", "2:9-2:16"],
        ["E0215", "a precision (`.2`) formats a float, found i64", "2:39-2:40"],
        ["E0215", "invalid placeholder `{x}`: write `{}`, `{:>8}`, `{:<8}`, `{:.3}` or `{:8.3}`", "2:52-2:55"],
        ["E0215", "unmatched `}` in the format string; write `}}` for a brace", "2:70-2:71"],
        ["E0215", "the format string of `println` must be a string literal", "2:97-2:98"],
      ],
    );
  });

  test("E0221: `return` with a value in a function without one, and without in one with", () => {
    assert.deepEqual(problems("func f() -> i64 { return; }\nfunc g() { return 5; }"), [
      ["E0221", "expected a value of type i64 after `return`", "1:19-1:26"],
      ["E0221", "expected no value after `return`, found i64", "2:19-2:20"],
    ]);
  });

  test("W0201: an arm that earlier arms cover is unreachable", () => {
    const result = check(`enum Color { Red, Green }
func f(c: Color, n: i64) {
    match c { _ => { } Color::Red => { } }
    match n { x => { } 3 => { } }
    match c { Color::Red => { } Color::Green => { } _ => { } }
}`);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.severity, ...summarize(d)]),
      [
        ["warning", "W0201", "this arm is never reached", "3:24-3:34"],
        ["warning", "W0201", "this arm is never reached", "4:24-4:25"],
        ["warning", "W0201", "this arm is never reached", "5:53-5:54"],
      ],
    );
  });
});

describe("constant errors", () => {
  test("E0218: values computed at run time where a constant is needed", () => {
    assert.deepEqual(
      problems(`func f() -> i64 { return 1; }
const A: i64 = f();
const B: Array<i64> = 1;
func main() { let n = 3; let a: [n]i64 = [1, 2, 3]; let b = [0; n]; }`),
      [
        ["E0218", "expected a constant expression, found one computed at run time", "2:16-2:19"],
        ["E0218", "expected a number, bool or string type for a constant, found Array<i64>", "3:10-3:20"],
        ["E0218", "expected a constant expression, found one computed at run time", "4:34-4:35"],
        ["E0218", "expected a constant expression, found one computed at run time", "4:65-4:66"],
      ],
    );
  });

  test("E0219: a constant defined by itself, reported once where the cycle closes", () => {
    assert.equal(
      rendered(check("const A: i64 = B + 1;\nconst B: i64 = A * 2;\n")),
      lines(
        "error[E0219]: the value of constant `A` depends on itself",
        " --> main.ls:2:16",
        "  |",
        "1 | const A: i64 = B + 1;",
        "  |       - `A` is defined here",
        "2 | const B: i64 = A * 2;",
        "  |                ^ used in its own definition",
      ),
    );
  });

  test("E0230: constant arithmetic that overflows, divides by zero or shifts too far", () => {
    assert.deepEqual(
      problems(`const A: i64 = 1 / 0;
const B: i8 = 100 + 100;
const C: u8 = 1 << 9;
const D: i64 = 2 ** -1;
func main() { let a: [A - 1]i64 = []; }`),
      [
        ["E0230", "this constant expression divides by zero", "1:16-1:21"],
        ["E0230", "this constant expression overflows i8", "2:15-2:24"],
        ["E0230", "a shift of u8 must be by 0 to 7 bits, found 9", "3:20-3:21"],
        ["E0230", "an integer cannot be raised to a negative power", "4:21-4:23"],
      ],
    );
  });
});
