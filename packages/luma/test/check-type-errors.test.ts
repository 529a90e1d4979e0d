// Type errors of expressions and declarations (E02xx): each kind with its exact message and primary
// span, some rendered whole with their labels and help; and the cascade rule, that an expression
// already reported is not reported again through what uses it.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { check, inMain, problems, rendered } from "./check-helpers.js";

const lines = (...rows: string[]): string => `${rows.join("\n")}\n`;

describe("type errors", () => {
  test("E0200: a mismatch names both types, points at the annotation and helps with a cast", () => {
    assert.equal(
      rendered(check("func main() { let a: i64 = 2.5; }")),
      lines(
        "error[E0200]: expected i64, found f64",
        " --> main.ls:1:28",
        "  |",
        "1 | func main() { let a: i64 = 2.5; }",
        "  |                      ---   ^^^ expected i64",
        "  |                      |",
        "  |                      expected because of this type",
        "  |",
        "  = help: use `2.5 as i64` to convert",
      ),
    );
  });

  test("E0200: arguments, returns and Option values", () => {
    assert.deepEqual(
      problems(`func area(r: f64) -> f64 { return r * r; }
func name() -> string { return 1; }
func main() { let b = area("big"); let x: Option<i64> = 3; let y: i64 = Some(3); }`),
      [
        ["E0200", "expected string, found i64", "2:32-2:33"],
        ["E0200", "expected f64, found string", "3:28-3:33"],
        ["E0200", "expected Option<i64>, found i64", "3:57-3:58"],
        ["E0200", "expected i64, found Option<i64>", "3:73-3:80"],
      ],
    );
    const [argument, ...others] = check(`func area(r: f64) -> f64 { return r * r; }
func main() { let b = area("big"); let c = area(2); }`).diagnostics;
    assert.deepEqual(argument?.secondary?.[0]?.label, "parameter declared here");
    assert.deepEqual(others, [], "an integer literal is a fine f64 argument");
    const options = check(inMain("let x: Option<i64> = 3; let y: i64 = x;")).diagnostics;
    assert.deepEqual(
      options.map((d) => d.help),
      [["wrap the value: `Some(…)`"], ["take the value out with `?`, a `match`, or `.unwrap()`"]],
    );
  });

  test("E0201: operators under the same-type rule", () => {
    assert.equal(
      rendered(check("func main() { let a: i64 = 1; let b: f64 = 2.0; let c = a + b; }")),
      lines(
        "error[E0201]: cannot apply `+` to i64 and f64",
        " --> main.ls:1:61",
        "  |",
        "1 | func main() { let a: i64 = 1; let b: f64 = 2.0; let c = a + b; }",
        "  |                                                         -   ^ this is f64",
        "  |                                                         |",
        "  |                                                         this is i64",
        "  |",
        "  = help: use `b as i64` to convert",
      ),
    );
    assert.deepEqual(
      problems(
        inMain(
          'let d = -"s"; let e = !3; let u: u8 = 1; let f = -u; let xs: Array<i64> = Array::new(); let g = xs == xs;',
        ),
      ),
      [
        ["E0201", "cannot apply unary `-` to string", "2:9-2:13"],
        ["E0201", "cannot apply unary `!` to i64", "2:23-2:25"],
        ["E0201", "cannot apply unary `-` to u8", "2:50-2:52"],
        ["E0201", "cannot apply `==` to Array<i64>", "2:97-2:105"],
      ],
    );
  });

  test("E0202: literals out of their type's range, `let x: u8 = 300` among them", () => {
    assert.equal(
      rendered(check("func main() { let x: u8 = 300; }")),
      lines(
        "error[E0202]: literal out of range for u8",
        " --> main.ls:1:27",
        "  |",
        "1 | func main() { let x: u8 = 300; }",
        "  |                           ^^^ u8 holds 0 to 255",
      ),
    );
    assert.deepEqual(
      problems(
        inMain(
          "let y: i8 = -129; let z: f32 = 3.5e38; let w = 9223372036854775808; let v: u8 = 1; match v { 256 => { } _ => { } }",
        ),
      ),
      [
        ["E0202", "literal out of range for i8", "2:13-2:17"],
        ["E0202", "literal out of range for f32", "2:32-2:38"],
        ["E0202", "literal out of range for i64", "2:48-2:67"],
        ["E0202", "literal out of range for u8", "2:94-2:97"],
      ],
    );
  });

  test("E0203: calls with the wrong number of arguments", () => {
    assert.deepEqual(problems("func f(a: i64) {}\nfunc main() { f(1, 2); f(); let v = Some(); let n = None(1); }"), [
      ["E0203", "`f` takes 1 argument, but 2 were given", "2:15-2:22"],
      ["E0203", "`f` takes 1 argument, but 0 were given", "2:24-2:27"],
      ["E0203", "`Some` takes 1 argument, but 0 were given", "2:37-2:43"],
      ["E0203", "`None` has no payload, but it is called with 1 argument", "2:53-2:60"],
    ]);
  });

  test("E0204: calling what is not a function", () => {
    assert.deepEqual(problems(inMain('let x = 5; let y = x(1); let s = "s"; s.len()();')), [
      ["E0204", "expected a function, found i64", "2:20-2:21"],
      ["E0204", "expected a function, found i64", "2:39-2:46"],
    ]);
  });

  test("E0205: types nothing determines", () => {
    assert.deepEqual(problems(inMain("let xs = Array::new(); let o = None; let e = []; let f = |a| a;")), [
      ["E0205", "cannot infer the type argument `T` of `Array::new`", "2:10-2:20"],
      ["E0205", "cannot infer the type of `None`", "2:32-2:36"],
      ["E0205", "cannot infer the element type of an empty array literal", "2:46-2:48"],
      ["E0205", "cannot infer the type of the closure parameter `a`", "2:59-2:60"],
    ]);
    assert.deepEqual(check(inMain("let xs = Array::new();")).diagnostics[0]?.help, [
      "give the variable a type, as in `let xs: Array<i64> = Array::new();`",
    ]);
  });

  test("E0206: casts other than between numbers", () => {
    assert.deepEqual(problems(inMain('let s = "a"; let n = s as i64; let b = 1 as bool; let p = 1.5 as ptr<u8>;')), [
      ["E0206", "cannot cast string to i64", "2:22-2:30"],
      ["E0206", "cannot cast i64 to bool", "2:40-2:49"],
      ["E0206", "cannot cast f64 to ptr<u8>", "2:59-2:73"],
    ]);
    assert.deepEqual(check(inMain('let s = "a"; let n = s as i64;')).diagnostics[0]?.help, [
      "parse it: `s.parse_i64()`",
    ]);
  });

  test("E0207: struct literals leaving fields out", () => {
    assert.deepEqual(
      problems(
        "struct P3 { x: f64, y: f64, z: f64 }\nfunc main() { let a = P3 { x: 1.0 }; let b = P3 { x: 1.0, y: 1.0 }; }",
      ),
      [
        ["E0207", "missing fields `y` and `z` in the literal of `P3`", "2:23-2:25"],
        ["E0207", "missing field `z` in the literal of `P3`", "2:46-2:48"],
      ],
    );
  });

  test("E0208: indexing what has no elements", () => {
    assert.deepEqual(problems(inMain("let n = 3; let x = n[0]; let b = true; let y = b[n];")), [
      ["E0208", "cannot index into a value of type i64", "2:20-2:21"],
      ["E0208", "cannot index into a value of type bool", "2:48-2:49"],
    ]);
  });

  test("E0217: generic types given the wrong number of type arguments", () => {
    assert.deepEqual(
      problems("struct Pair<A, B> { a: A, b: B }\nfunc main() { let p: Pair<i64> = 1; let r: Array = 1; }"),
      [
        ["E0217", "`Pair` takes 2 type arguments, found 1", "2:22-2:31"],
        ["E0217", "`Array` takes 1 type argument, found 0", "2:44-2:49"],
      ],
    );
  });

  test("E0220: map keys, sorting, equality and formatting need types that support them", () => {
    assert.deepEqual(
      problems(`struct P { x: i64 }
func main() {
    let m: Map<f64, i64> = Map::new();
    let ps: Array<P> = Array::new();
    ps.sort();
    println("{}", P { x: 1 });
    let same = ps.contains(P { x: 1 });
    let rs: Array<rc<P>> = Array::new();
    let found = rs.contains(rs[0]);
}`),
      [
        ["E0220", "expected a type that can be a map key (an integer, bool or string), found f64", "3:16-3:19"],
        ["E0220", "expected a type that can be compared with `<` (a number or string), found P", "5:5-5:14"],
        ["E0220", "expected a type that `{}` can format (a number, bool or string), found P", "6:19-6:29"],
        ["E0220", "expected a type that can be compared with `==`, found rc<P>", "9:17-9:35"],
      ],
    );
  });

  test("E0222: instantiation that never ends, also with a type argument that doubles each time", () => {
    assert.deepEqual(
      problems("func grow<T>(x: T) -> i64 { return grow(Some(x)); }\nfunc main() { let n = grow(1); }"),
      [["E0222", "instantiating `grow` here goes more than 32 instances deep", "1:36-1:49"]],
    );
    assert.deepEqual(
      problems(`struct Pair<A, B> { a: A, b: B }
func double<T>(x: T) -> i64 { return double(Pair { a: x, b: x }); }
func main() { let n = double(1); }`),
      [["E0222", "instantiating `double` here goes more than 32 instances deep", "2:38-2:65"]],
    );
  });

  test("E0223: impls of what is not the program's struct or enum, or with other parameters", () => {
    assert.deepEqual(problems("impl i64 { }\nstruct S<T> { x: T }\nimpl S { }\nimpl<U> S<i64> { }"), [
      ["E0223", "expected a struct or enum of the program after `impl`, found the built-in type `i64`", "1:6-1:9"],
      ["E0223", "the impl of `S` must name its type parameters: `impl<T> S<T>`", "3:1-3:7"],
      ["E0223", "the impl of `S` must name its type parameters: `impl<T> S<T>`", "4:1-4:15"],
    ]);
  });

  test("E0224: signatures of `main`, `#[test]` functions and C functions", () => {
    assert.deepEqual(
      problems(`func main(args: Array<string>) -> i64 { return 0; }
#[test] func t<T>(x: T) { }
extern func puts(s: string) -> Array<u8>;`),
      [
        ["E0224", "`main` cannot have parameters or a return type", "1:6-1:10"],
        ["E0224", "a `#[test]` function cannot have type parameters or parameters", "2:14-2:15"],
        ["E0224", "expected a number, bool or ptr<T> in a C function's signature, found string", "3:21-3:27"],
        ["E0224", "expected a number, bool or ptr<T> in a C function's signature, found Array<u8>", "3:32-3:41"],
      ],
    );
  });

  test("E0225: a method named without a call", () => {
    assert.deepEqual(
      problems(`struct P { x: f64 }
impl P { func norm(self) -> f64 { return self.x; } }
func main() { let p = P { x: 1.0 }; let f = p.norm; let g = P::norm; let xs: Array<i64> = Array::new(); let h = xs.len; }`),
      [
        ["E0225", "expected a value, found the method `norm`", "3:47-3:51"],
        ["E0225", "expected a value, found the method `norm`", "3:61-3:68"],
        ["E0225", "expected a value, found the method `len`", "3:116-3:119"],
      ],
    );
  });

  test("E0226: a closure assigning to a variable it captured", () => {
    assert.deepEqual(problems(inMain("let count = 0; let f = |x: i64| { count += x; };")), [
      ["E0226", "cannot assign to `count`, which the closure captured", "2:35-2:40"],
    ]);
  });

  test("E0227, E0228: a range outside `for`; a constant index out of a fixed array", () => {
    assert.deepEqual(problems(inMain("let r = 0..10; let a = [1, 2, 3]; let b = a[3]; let c = a[-1];")), [
      ["E0227", "a range can only be the iterable of a `for` loop", "2:9-2:14"],
      ["E0228", "index 3 is out of bounds for an array of length 3", "2:45-2:46"],
      ["E0228", "index -1 is out of bounds for an array of length 3", "2:59-2:61"],
    ]);
  });

  test("E0231: a struct or enum containing itself by value", () => {
    assert.deepEqual(
      problems(
        "struct Node { next: Node }\nenum List { Nil, Cons(i64, List) }\nstruct Fine { next: Option<rc<Fine>> }",
      ),
      [
        ["E0231", "the struct `Node` contains itself by value, so it has no finite size", "1:8-1:12"],
        ["E0231", "the enum `List` contains itself by value, so it has no finite size", "2:6-2:10"],
      ],
    );
  });

  test("E0216: assigning to what is not a variable, field or element", () => {
    assert.deepEqual(
      problems(`const LIMIT: i64 = 3;
struct P { x: i64 }
func make() -> P { return P { x: 1 }; }
func f() {}
func main() { LIMIT = 4; make().x = 2; let s = "abc"; s[0] = 1; let q = &make(); f = f; let a = [1, 2]; a[0] = 3; }`),
      [
        ["E0216", "cannot assign to the constant `LIMIT`", "5:15-5:20"],
        ["E0216", "cannot assign to a field of a temporary value", "5:26-5:34"],
        ["E0216", "cannot assign to a byte of a string", "5:55-5:59"],
        ["E0216", "cannot take the address of a temporary value", "5:74-5:80"],
        ["E0216", "cannot assign to the function `f`", "5:82-5:83"],
      ],
    );
  });
});

describe("cascades", () => {
  test("an expression already reported gives no further error where it is used", () => {
    assert.deepEqual(
      problems(
        inMain(`let x: i64 = fob + 1.5;
    let y = x.missing * 2;
    let z: string = y;
    let p: Piont = Piont { x: 1 };
    let q = p.x + "a";
    undefined_call(x, y).then();`),
      ),
      [
        ["E0100", "cannot find `fob` in this scope", "2:14-2:17"],
        ["E0104", "no field `missing` on type i64", "3:15-3:22"],
        ["E0101", "cannot find type `Piont`", "5:12-5:17"],
        ["E0101", "cannot find type `Piont`", "5:20-5:25"],
        ["E0100", "cannot find `undefined_call` in this scope", "7:5-7:19"],
      ],
    );
  });
});

describe("generic instances", () => {
  test("a problem only some type arguments have is reported with where the instance was made", () => {
    const source =
      "func add<T>(a: T, b: T) -> T { return a + b; }\nfunc main() { let n = add(1, 2); let b = add(true, false); }\n";
    assert.equal(
      rendered(check(source)),
      lines(
        "error[E0201]: cannot apply `+` to bool",
        " --> main.ls:1:39",
        "  |",
        "1 | func add<T>(a: T, b: T) -> T { return a + b; }",
        "  |                                       ^^^^^ `+` does not take bool",
        "2 | func main() { let n = add(1, 2); let b = add(true, false); }",
        "  |                                          ---------------- `add<bool>` is instantiated here",
      ),
    );
  });

  test("a problem every instance has is reported once, from the generic body", () => {
    assert.deepEqual(
      problems(
        'func id<T>(x: T) -> T { let y: i64 = "s"; return x; }\nfunc main() { let a = id(1); let b = id(2.0); }',
      ),
      [["E0200", "expected i64, found string", "1:38-1:41"]],
    );
  });
});
