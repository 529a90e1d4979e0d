// Structs with methods and static functions, field stores, a generic struct, enums with payloads,
// match over variants, integers and an Option.
struct Point { x: f64, y: f64 }
impl Point {
    func new(x: f64, y: f64) -> Point { return Point { x: x, y: y }; }
    func norm(self) -> f64 { return sqrt(self.x * self.x + self.y * self.y); }
    func moved(self, dx: f64) -> Point { let p = self; p.x += dx; return p; }
}

struct Line { from: Point, to: Point, name: string }

enum Shape { Circle(f64), Rect(f64, f64), Dot }

func area(s: Shape) -> f64 {
    match s {
        Shape::Circle(r) => { return 3.14159 * r * r; }
        Shape::Rect(w, h) => { return w * h; }
        Shape::Dot => { return 0.0; }
    }
}

struct Pair<A, B> { a: A, b: B }

func swap<A, B>(p: Pair<A, B>) -> Pair<B, A> { return Pair { a: p.b, b: p.a }; }

func describe(n: i64) -> string {
    match n {
        0 => { return "zero"; }
        1 => { return "one"; }
        _ => { return "many"; }
    }
}

func main() {
    let p = Point::new(3.0, 4.0);
    println("norm = {}", p.norm());
    let q = p.moved(1.5);
    println("{} {} {}", p.x, q.x, q.y);
    let l = Line { name: "diag", from: p, to: q };
    l.to.y = 10.0;
    l.from.x -= 1.0;
    println("{} {} {} {}", l.name, l.from.x, l.to.y, q.y);
    let shapes = 0.0;
    shapes += area(Shape::Circle(1.0));
    shapes += area(Shape::Rect(2.0, 3.0));
    shapes += area(Shape::Dot);
    println("total area {}", shapes);
    let pr = Pair { a: 1, b: "x" };
    let sw = swap(pr);
    println("{} {}", sw.a, sw.b);
    println("{} {} {}", describe(0), describe(1), describe(7));
    let o: Option<i64> = Some(5);
    match o {
        Some(v) => { println("some {}", v); }
        None => { println("none"); }
    }
}
