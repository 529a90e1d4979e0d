// Programs that parse without a diagnostic, for the tests that take valid code apart (the fuzz test)
// or check it whole. `EXAMPLE` is issue 13's own; `FEATURES` uses every syntax form at least once.

/** The example program of issue 13, which fixes the syntax. */
export const EXAMPLE = `/// Returns the n-th Fibonacci number.
func fib(n: i64) -> i64 {
    let a = 0; let b = 1;
    for i in 0..n { let t = a + b; a = b; b = t; }
    return a;
}

struct Point { x: f64, y: f64 }
impl Point {
    func new(x: f64, y: f64) -> Point { return Point { x: x, y: y }; }
    func norm(self) -> f64 { return sqrt(self.x * self.x + self.y * self.y); }
}

enum Shape { Circle(f64), Rect(f64, f64) }

func area(s: Shape) -> f64 {
    match s {
        Shape::Circle(r) => { return 3.14159 * r * r; }
        Shape::Rect(w, h) => { return w * h; }
    }
}

func main() {
    let p = Point::new(3.0, 4.0);
    println("norm = {}", p.norm());
    let xs: Array<i64> = Array::new();
    for i in 0..10 { xs.push(fib(i)); }
    println("{} {}", xs.len(), xs[9]);
}
`;

/** Every declaration, statement, type, pattern and expression form of the syntax. */
export const FEATURES = `import "lib/geometry.ls";

/// The largest size.
const LIMIT: i64 = 0xFF_FF + 0b1010 * 1_000;

/// C's puts.
extern func puts(s: ptr<u8>) -> i32;

struct Pair<A, B> {
    /// The first part.
    a: A,
    b: B,
}

enum Tree<T> { Leaf, Node(rc<Tree<T>>, T, rc<Tree<T>>) }
enum Color { Red, Green, Blue }

impl<A, B> Pair<A, B> {
    /// Swaps the parts.
    #[inline]
    func swap(self) -> Pair<B, A> { return Pair { a: self.b, b: self.a }; }
    func make(a: A, b: B) -> Pair<A, B> { return Pair { a: a, b: b }; }
}

// Generic over T; /* a block comment /* with one nested */ inside */ is skipped whole.
func max<T>(a: T, b: T) -> T { /* compare */
    if (a > b) { return a; } else if (a == b) { return b; } else { return b; }
}

func parse_all(lines: Array<string>) -> Result<Array<i64>, string> {
    let out: Array<i64> = Array::new();
    for line in lines { out.push(line.trim().parse_i64()?); }
    return Ok(out);
}

#[test]
func test_everything() {
    let fixed: [3]i64 = [1, 2, 3];
    let zeros: [64]u8 = [0; 64];
    let m: Map<string, Array<f64>> = Map::new();
    let f: func(i64) -> i64 = |x| x + 1;
    let less = |a: i64, b| -> bool { return a < b; };
    let answer = || 42;
    let shared = rc::new(Pair { a: 1.0, b: 2.0 });
    let observer = weak::new(&shared);
    match observer.upgrade() { Some(p) => { println("{}", p.a); } None => { } }
    let raw: ptr<i64> = alloc(i64, 10);
    @raw = 5;
    let size = sizeof(Pair<i64, f64>);
    free(raw);
    let y = -f(2) ** 2 as f64 / 3.5e-2;
    let bits = (0xF0 & 0b1100) | (7 ^ ~3) << 2 >> 1;
    let ok = !false && y >= 3.0 || size <= 4 && bits != 5;
    let x = 10;
    x += 1; x -= 1; x *= 2; x /= 2; x %= 7; x **= 2; x &= 3; x |= 4; x ^= 1; x <<= 1; x >>= 2;
    for (k, v) in m { if (v.len() == 0) { continue; } }
    for _ in 0..LIMIT { break; }
    while (x > 0) { x = x - 1; }
    match x { 0 => { } -1 => { }, _ => { } }
    match "go" { "stop" => { return; } _ => { } }
    match Color::Red { Color::Red => { } Color::Green => { } _ => { } }
    let sorted = fixed.map(|v| v * 2).filter(|v| v > 2).reduce(0, |acc, v| acc + v);
    { let inner = max(1, 2); panic("{}", inner); }
    fixed[0] = m.len() as i64;
    assert_eq(x, 0);
    return;
}
`;

/**
 * A program that uses every feature the checker knows and has no error: constants, generic structs,
 * enums and impls, recursion through `rc`, Option and Result with `?`, closures, matches, loops,
 * formatting and the low-level operations.
 */
export const CHECKED_FEATURES = `const SIZE: i64 = 4;
const MASK: u8 = 0xF0 | 0x0F;
const NAME: string = "luma" + "script";

struct Pair<A, B> { a: A, b: B }
impl<A, B> Pair<A, B> {
    func swap(self) -> Pair<B, A> { return Pair { a: self.b, b: self.a }; }
    func make(a: A, b: B) -> Pair<A, B> { return Pair { a: a, b: b }; }
}

struct Stack<T> { items: Array<T> }
impl<T> Stack<T> {
    func new() -> Stack<T> { return Stack { items: Array::new() }; }
    func push(self, x: T) { self.items.push(x); }
    func pop(self) -> Option<T> { return self.items.pop(); }
}

enum Tree<T> { Leaf, Node(rc<Tree<T>>, T, rc<Tree<T>>) }
enum Color { Red, Green, Blue }

func depth<T>(t: rc<Tree<T>>) -> i64 {
    match t {
        Tree::Leaf => { return 0; }
        Tree::Node(l, _, r) => { return 1 + max(depth(l), depth(r)); }
    }
}

func max<T>(a: T, b: T) -> T { if (a > b) { return a; } return b; }

func name_of(c: Color) -> string {
    match c {
        Color::Red => { return "red"; }
        Color::Green => { return "green"; }
        Color::Blue => { return "blue"; }
    }
}

func parse_all(lines: Array<string>) -> Result<Array<i64>, string> {
    let out: Array<i64> = Array::new();
    for line in lines { out.push(line.trim().parse_i64()?); }
    return Ok(out);
}

func apply(f: func(i64) -> i64, x: i64) -> i64 { return f(x); }

func main() {
    let s: Stack<i64> = Stack::new();
    s.push(1);
    match s.pop() { Some(v) => { println("top {}", v); } None => { println("empty"); } }
    let q = Pair::make(1, 2.5).swap();
    let small: u8 = 200;
    let sum = small + 55;
    let g: func(i64) -> i64 = |x| x + 1;
    println("{} {} {}", q.a, apply(g, 3), apply(|y| y - 1, 4));
    let m: Map<string, i64> = Map::new();
    m.insert("a", 1);
    for (k, v) in m { println("{:>8} {:.3}", k, v as f64); }
    let arr = [1, 2, 3];
    let zeros: [SIZE]u8 = [0; SIZE];
    arr[0] = 10;
    let total = arr.reduce(0, |acc, v| acc + v);
    let r = rc::new(Pair { a: 1, b: "x" });
    let w = weak::new(&r);
    match w.upgrade() { Some(strong) => { strong.a = 5; } None => { } }
    let leaf: Tree<i64> = Tree::Leaf;
    let e = depth(rc::new(Tree::Node(rc::new(leaf), 1, rc::new(leaf))));
    for i in 0..SIZE { if (i == 2) { continue; } }
    let n = 0;
    while (n < 10) { n += 1; if (n == 5) { break; } }
    let p: ptr<i64> = alloc(i64, 4);
    @p = 3;
    free(p);
    let parsed = parse_all(args());
    assert(sum == 255);
    println("{} {} {} {} {} {}", name_of(Color::Red), total, zeros.len(), e, format("{}-{}", NAME, MASK), parsed.is_ok());
}
`;
