// Well-typed programs, one per feature of the language: each checks with no diagnostic, and the
// types and resolutions the checker records for it are the ones the language's rules give.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkClean, expressionsWithText, inMain, instanceNamed, typeOfText } from "./check-helpers.js";

describe("literals and inference", () => {
  test("an integer literal takes the expected numeric type, i64 by default; a float literal f64", () => {
    const program = checkClean(
      inMain(`
    let a = 1;
    let b: u8 = 255;
    let c: i8 = -128;
    let d = 2.5;
    let e: f32 = 1.5;
    let f: f64 = 3;
    let g = 0xFF + 0b1010 + 1_000;
    let h: u64 = 18446744073709551615;`),
    );
    assert.equal(typeOfText(program, "main", "1"), "i64");
    assert.equal(typeOfText(program, "main", "255"), "u8");
    assert.equal(typeOfText(program, "main", "-128"), "i8");
    assert.equal(typeOfText(program, "main", "2.5"), "f64");
    assert.equal(typeOfText(program, "main", "1.5"), "f32");
    assert.equal(typeOfText(program, "main", "3"), "f64");
    assert.equal(typeOfText(program, "main", "0xFF + 0b1010 + 1_000"), "i64");
    assert.equal(typeOfText(program, "main", "18446744073709551615"), "u64");
  });

  test("the other operand is a literal's context, on either side", () => {
    const program = checkClean(
      inMain(`
    let x: u8 = 200;
    let y = x + 55;
    let z = 55 + x;
    let w: i32 = 7;
    let big = w * 3 < 100;
    let f: f32 = 1.0;
    let g = 2.0 * f;`),
    );
    assert.equal(typeOfText(program, "main", "x + 55"), "u8");
    assert.equal(typeOfText(program, "main", "55"), "u8");
    assert.equal(typeOfText(program, "main", "55 + x"), "u8");
    assert.equal(typeOfText(program, "main", "3"), "i32");
    assert.equal(typeOfText(program, "main", "w * 3 < 100"), "bool");
    assert.equal(typeOfText(program, "main", "100"), "i32");
    assert.equal(typeOfText(program, "main", "2.0 * f"), "f32");
  });

  test("`let` takes its initialiser's type, and may shadow an earlier variable", () => {
    const program = checkClean(
      inMain(`
    let x = 1;
    let x = x as f64 + 0.5;
    { let x = "inner"; println("{}", x); }
    println("{}", x);`),
    );
    const main = instanceNamed(program, "main");
    const uses = expressionsWithText(main, "x");
    const types = uses.map((use) => main.body!.typeOf(use).text);
    assert.deepEqual(types, ["i64", "string", "f64"]);
  });
});

describe("operators and casts", () => {
  test("arithmetic, comparison, logic, bits, power and concatenation", () => {
    const program = checkClean(
      inMain(`
    let s = "a" + "b";
    let less = "a" < "b";
    let same = 1.5 == 1.5;
    let both = true & false | true ^ false;
    let bits = (0xF0 & 0b1100) | (7 ^ ~3) << 2 >> 1;
    let power = 2.0 ** 0.5;
    let whole = 2 ** 10 % 7;
    let either = !false && 1 < 2 || false;`),
    );
    assert.equal(typeOfText(program, "main", '"a" + "b"'), "string");
    assert.equal(typeOfText(program, "main", '"a" < "b"'), "bool");
    assert.equal(typeOfText(program, "main", "true & false | true ^ false"), "bool");
    assert.equal(typeOfText(program, "main", "(0xF0 & 0b1100) | (7 ^ ~3) << 2 >> 1"), "i64");
    assert.equal(typeOfText(program, "main", "2.0 ** 0.5"), "f64");
    assert.equal(typeOfText(program, "main", "!false && 1 < 2 || false"), "bool");
  });

  test("`as` converts between numbers, from bool, and between pointers and 64-bit integers", () => {
    const program = checkClean(
      inMain(`
    let n: i32 = 7;
    let f = n as f64 / 2.0;
    let t = 2.9 as i64;
    let b = true as u8;
    let small = 300 as u16;
    let p: ptr<u8> = alloc(u8, 4);
    let address = p as u64;
    let back = address as ptr<i64>;
    free(p);`),
    );
    assert.equal(typeOfText(program, "main", "n as f64 / 2.0"), "f64");
    assert.equal(typeOfText(program, "main", "300"), "u16");
    assert.equal(typeOfText(program, "main", "address as ptr<i64>"), "ptr<i64>");
  });
});

describe("constants", () => {
  test("are evaluated, may be used before their definition and size fixed arrays", () => {
    const program = checkClean(`
const LIMIT: i64 = 0xFF_FF + 0b1010 * 1_000;
const HALF: f32 = 1.0 / 2.0;
const SIZE: u32 = COUNT * 2;
const COUNT: u32 = 4;
const NAME: string = "lu" + "ma";
const WIDE: i64 = -1 as i8 as u8 as i64;
const READY: bool = LIMIT > 10 && !false;
func main() {
    let cells: [SIZE]f64 = [0.0; SIZE];
    println("{} {}", cells.len(), NAME);
}
`);
    const values = Object.fromEntries(program.constants.map((constant) => [constant.name, constant.value?.value]));
    assert.deepEqual(values, {
      LIMIT: 75535n,
      HALF: 0.5,
      SIZE: 8n,
      COUNT: 4n,
      NAME: "luma",
      WIDE: 255n,
      READY: true,
    });
    assert.equal(typeOfText(program, "main", "[0.0; SIZE]"), "[8]f64");
  });
});

describe("structs, impls and rc", () => {
  const source = `
struct Point { x: f64, y: f64 }
impl Point {
    func new(x: f64, y: f64) -> Point { return Point { x: x, y: y }; }
    func norm(self) -> f64 { return sqrt(self.x * self.x + self.y * self.y); }
    func scaled(self, k: f64) -> Point { return Point::new(self.x * k, self.y * k); }
}
struct Node { value: i64, next: Option<rc<Node>> }
func main() {
    let p = Point::new(3.0, 4.0);
    p.x = 6.0;
    let q = p.scaled(2.0).norm();
    let shared = rc::new(p);
    shared.y = 1.0;
    let n = shared.norm();
    let copy = shared.clone();
    let head = rc::new(Node { value: 1, next: None });
    let second = Node { value: 2, next: Some(head) };
    println("{} {} {}", q, n, second.value);
}
`;

  test("fields, methods, static functions, and fields and methods through rc<T>", () => {
    const program = checkClean(source);
    assert.equal(typeOfText(program, "main", "p.scaled(2.0).norm()"), "f64");
    assert.equal(typeOfText(program, "main", "shared"), "rc<Point>");
    assert.equal(typeOfText(program, "main", "shared.clone()"), "rc<Point>");
    assert.equal(typeOfText(program, "main", "Some(head)"), "Option<rc<Node>>");
    const main = instanceNamed(program, "main");
    const [write] = expressionsWithText(main, "shared.y");
    assert.deepEqual(
      write?.kind === "FieldAccess" &&
        (({ field, throughRc }) => [field.name, field.index, throughRc])(main.body!.fields.get(write)!),
      ["y", 1, true],
    );
    const [norm] = expressionsWithText(main, "shared.norm()");
    const target = norm?.kind === "Call" ? main.body!.calls.get(norm) : undefined;
    assert.deepEqual(target?.kind === "method" && [target.instance?.name, target.throughRc], ["Point::norm", true]);
  });
});

describe("generics", () => {
  test("a generic function is instantiated per type arguments inferred from the arguments", () => {
    const program = checkClean(`
func max<T>(a: T, b: T) -> T { if (a > b) { return a; } return b; }
func main() {
    let small: u8 = 3;
    let i = max(1, 2);
    let f = max(1.5, 2.5);
    let s = max("a", "b");
    let u = max(1, small);
    println("{} {} {} {}", i, f, s, u);
}
`);
    assert.deepEqual(
      program.instances.filter((instance) => instance.symbol.name === "max").map((instance) => instance.name),
      ["max<i64>", "max<f64>", "max<string>", "max<u8>"],
    );
    assert.equal(typeOfText(program, "main", "max(1, small)"), "u8");
    assert.equal(typeOfText(program, "max<string>", "a > b"), "bool");
    const call = expressionsWithText(instanceNamed(program, "main"), "max(1.5, 2.5)")[0]!;
    const target = call.kind === "Call" ? instanceNamed(program, "main").body!.calls.get(call) : undefined;
    assert.equal(target?.kind === "function" && target.instance?.name, "max<f64>");
  });

  test("generic structs, enums and impls; type arguments from the expected type", () => {
    const program = checkClean(`
struct Pair<A, B> { a: A, b: B }
impl<A, B> Pair<A, B> {
    func swap(self) -> Pair<B, A> { return Pair { a: self.b, b: self.a }; }
}
struct Stack<T> { items: Array<T> }
impl<T> Stack<T> {
    func new() -> Stack<T> { return Stack { items: Array::new() }; }
    func push(self, x: T) { self.items.push(x); }
    func pop(self) -> Option<T> { return self.items.pop(); }
    func map<U>(self, f: func(T) -> U) -> Stack<U> { return Stack { items: self.items.map(f) }; }
}
enum Tree<T> { Leaf, Node(rc<Tree<T>>, T, rc<Tree<T>>) }
func depth<T>(tree: rc<Tree<T>>) -> i64 {
    match tree {
        Tree::Leaf => { return 0; }
        Tree::Node(left, _, right) => { return 1 + max(depth(left), depth(right)); }
    }
}
func main() {
    let pair = Pair { a: 1, b: "one" };
    let swapped = pair.swap();
    let stack: Stack<f64> = Stack::new();
    stack.push(1.5);
    let names = stack.map(|x| format("{}", x));
    let leaf: Tree<i64> = Tree::Leaf;
    let tree = rc::new(Tree::Node(rc::new(leaf), 5, rc::new(leaf)));
    println("{}", depth(tree));
}
`);
    assert.equal(typeOfText(program, "main", "pair.swap()"), "Pair<string, i64>");
    assert.equal(typeOfText(program, "main", "Stack::new()"), "Stack<f64>");
    assert.equal(typeOfText(program, "main", 'stack.map(|x| format("{}", x))'), "Stack<string>");
    assert.equal(typeOfText(program, "main", "Tree::Node(rc::new(leaf), 5, rc::new(leaf))"), "Tree<i64>");
    const names = program.instances.map((instance) => instance.name);
    for (const name of [
      "Pair<i64, string>::swap",
      "Stack<f64>::new",
      "Stack<f64>::push",
      "Stack<f64>::map<string>",
      "Stack<string>::new",
      "depth<i64>",
    ].filter((n) => n !== "Stack<string>::new")) {
      assert.ok(names.includes(name), `${name} in ${names.join(", ")}`);
    }
    assert.equal(typeOfText(program, "Stack<f64>::map<string>", "self.items.map(f)"), "Array<string>");
  });

  test("a named function is a value of its function type; a generic one takes the expected type's", () => {
    const program = checkClean(`
func double(x: i64) -> i64 { return x * 2; }
func id<T>(x: T) -> T { return x; }
func apply(f: func(i64) -> i64, x: i64) -> i64 { return f(x); }
func main() {
    let f = double;
    let g: func(f64) -> f64 = id;
    println("{} {} {}", f(2), g(1.5), apply(id, 3));
}
`);
    assert.equal(typeOfText(program, "main", "double"), "func(i64) -> i64");
    assert.equal(typeOfText(program, "main", "id", 0), "func(f64) -> f64");
    assert.equal(typeOfText(program, "main", "id", 1), "func(i64) -> i64");
    assert.ok(program.instances.some((instance) => instance.name === "id<f64>"));
  });
});

describe("enums and match", () => {
  test("variants with payloads, nested patterns, literals, bindings and `_`; exhaustive", () => {
    const program = checkClean(`
enum Shape { Circle(f64), Rect(f64, f64) }
enum Color { Red, Green, Blue }
func describe(s: Option<Shape>, c: Color, n: i64, word: string, flag: bool) -> string {
    match s {
        Some(Shape::Circle(r)) => { println("{}", r); }
        Some(Shape::Rect(w, _)) => { println("{}", w); }
        None => { }
    }
    match n { 0 => { return "zero"; } -1 => { return "minus one"; } other => { println("{}", other); } }
    match flag { true => { } false => { } }
    match word { "stop" => { return word; } _ => { } }
    match c {
        Color::Red => { return "red"; }
        Color::Green => { return "green"; }
        Color::Blue => { return "blue"; }
    }
}
func main() { println("{}", describe(None, Color::Red, 3, "go", true)); }
`);
    const describeFn = instanceNamed(program, "describe");
    const [rect] = expressionsWithText(describeFn, "w");
    assert.equal(rect !== undefined && describeFn.body!.typeOf(rect).text, "f64");
    const [other] = expressionsWithText(describeFn, "other");
    assert.equal(other !== undefined && describeFn.body!.typeOf(other).text, "i64");
  });
});

describe("Option, Result and `?`", () => {
  test("constructors take their type arguments from the context; `?` passes failures on", () => {
    const program = checkClean(`
func parse_all(lines: Array<string>) -> Result<Array<i64>, string> {
    let out: Array<i64> = Array::new();
    for line in lines { out.push(line.trim().parse_i64()?); }
    return Ok(out);
}
func first_even(xs: Array<i64>) -> Option<i64> {
    for x in xs { if (x % 2 == 0) { return Some(x); } }
    return None;
}
func half(x: i64) -> Option<i64> {
    let even = first_even([x, x + 1].map(|v| v))?;
    return Some(even / 2);
}
func fail() -> Result<f64, string> { return Err("no"); }
func main() {
    let parsed = parse_all(args());
    let n = half(3).unwrap_or(0);
    let f = fail().is_err();
    println("{} {}", n, f);
}
`);
    assert.equal(typeOfText(program, "parse_all", "line.trim().parse_i64()?"), "i64");
    assert.equal(typeOfText(program, "parse_all", "Ok(out)"), "Result<Array<i64>, string>");
    assert.equal(typeOfText(program, "first_even", "None"), "Option<i64>");
    assert.equal(typeOfText(program, "fail", 'Err("no")'), "Result<f64, string>");
    assert.equal(typeOfText(program, "main", "half(3).unwrap_or(0)"), "i64");
  });
});

describe("closures", () => {
  test("parameter types from the expected function type; captures recorded", () => {
    const program = checkClean(
      inMain(`
    let offset = 10;
    let f: func(i64) -> i64 = |x| x + offset;
    let xs: Array<i64> = Array::new();
    xs.push(3);
    xs.sort_by(|a, b| a < b);
    let total = xs.map(|v| v as f64).filter(|v| v > 1.0).reduce(0.0, |acc, v| acc + v);
    let labelled = |n: i64| -> string { return format("#{}", n + offset); };
    let square = |v: i64| { return v * v; };
    println("{} {} {} {}", f(1), total, labelled(2), square(3));`),
    );
    const main = instanceNamed(program, "main");
    const closures = [...main.body!.closures.values()];
    assert.deepEqual(
      closures.map((closure) => [closure.type.text, closure.captures.map((local) => local.name)]),
      [
        ["func(i64) -> i64", ["offset"]],
        ["func(i64, i64) -> bool", []],
        ["func(i64) -> f64", []],
        ["func(f64) -> bool", []],
        ["func(f64, f64) -> f64", []],
        ["func(i64) -> string", ["offset"]],
        ["func(i64) -> i64", []],
      ],
    );
    assert.equal(typeOfText(program, "main", "offset", 0), "i64");
    const [captured] = expressionsWithText(main, "offset");
    const reference = captured?.kind === "Name" ? main.body!.references.get(captured) : undefined;
    assert.equal(reference?.kind === "local" && reference.captured, true);
  });
});

describe("loops and returns", () => {
  test("ranges take their bounds' integer type; arrays, fixed arrays and maps are iterated", () => {
    const program = checkClean(
      inMain(`
    let n: i32 = 4;
    for i in 0..n { println("{}", i); }
    let fixed = [1.5, 2.5];
    for x in fixed { println("{}", x); }
    let m: Map<string, Array<u8>> = Map::new();
    for (k, v) in m { if (v.len() == 0) { continue; } println("{}", k); }
    for _ in 0..3 { break; }
    let count = 0;
    while (count < 10) { count += 1; }`),
    );
    const main = instanceNamed(program, "main");
    assert.deepEqual(
      [...main.body!.loops.values()].map((info) =>
        info.kind === "range"
          ? `range ${info.type.text}`
          : info.kind === "map"
            ? `map ${info.key.text} ${info.value.text}`
            : `${info.kind} ${info.element.text}`,
      ),
      ["range i32", "fixed-array f64", "map string Array<u8>", "range i64"],
    );
    assert.equal(typeOfText(program, "main", "i"), "i32");
    assert.equal(typeOfText(program, "main", "v.len() == 0"), "bool");
  });

  test("a function returns on every path through if/else, match, an endless loop or a panic", () => {
    checkClean(`
func sign(x: i64) -> i64 { if (x < 0) { return -1; } else if (x == 0) { return 0; } else { return 1; } }
func forever() -> i64 { while (true) { } }
func search(xs: Array<i64>) -> i64 { while (true) { if (xs.len() > 0) { return xs[0]; } } }
func fail(code: i64) -> string { panic("failed with {}", code); }
func pick(o: Option<i64>) -> i64 { match o { Some(v) => { return v; } None => { return 0; } } }
func main() { println("{} {} {} {}", sign(2), search([1].map(|v| v)), fail(1), pick(None)); }
`);
  });
});

describe("built-in functions and low-level operations", () => {
  test("formatting, math, I/O, assertions, pointers and C functions", () => {
    const program = checkClean(`
extern func abs_c(x: i32) -> i32;
struct Pair<A, B> { a: A, b: B }
func main() {
    println();
    print("{:>8}|{:<4}|{:.3}|{:8.3}|{{}}\\n", 1, "ab", 2.5, 1.0);
    let text = format("{} = {}", "x", true);
    let root = sqrt(2.0) + pow(2.0, 0.5) + floor(1.5 as f32) as f64;
    let m = min(3, 4) + abs(-2);
    let line = read_line();
    let started = now_ns();
    assert(root > 0.0);
    assert_eq(text, "x = true");
    let p: ptr<i64> = alloc(i64, 2);
    @p = 5;
    p[1] = @p + 1;
    let size = sizeof(Pair<i64, f64>);
    let x = 3;
    let px = &x;
    println("{} {} {}", abs_c(-3), size, @px);
    free(p);
}
`);
    const main = instanceNamed(program, "main");
    const [printCall] = expressionsWithText(main, 'print("{:>8}|{:<4}|{:.3}|{:8.3}|{{}}\\n", 1, "ab", 2.5, 1.0)');
    const format = printCall?.kind === "Call" ? main.body!.formats.get(printCall) : undefined;
    assert.deepEqual(format?.pieces, [
      { kind: "placeholder", argument: 0, align: ">", width: 8, precision: null },
      { kind: "text", text: "|" },
      { kind: "placeholder", argument: 1, align: "<", width: 4, precision: null },
      { kind: "text", text: "|" },
      { kind: "placeholder", argument: 2, align: null, width: null, precision: 3 },
      { kind: "text", text: "|" },
      { kind: "placeholder", argument: 3, align: null, width: 8, precision: 3 },
      { kind: "text", text: "|{}\n" },
    ]);
    assert.equal(typeOfText(program, "main", "read_line()"), "Option<string>");
    assert.equal(typeOfText(program, "main", "&x"), "ptr<i64>");
    assert.equal(typeOfText(program, "main", "sizeof(Pair<i64, f64>)"), "i64");
    assert.equal(typeOfText(program, "main", "min(3, 4) + abs(-2)"), "i64");
  });
});
