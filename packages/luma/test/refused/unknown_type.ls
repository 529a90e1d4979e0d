// expect-error: E0101
// expect-line: 7
// expect-message: cannot find type `Piont`
// expect-help: Point
struct Point { x: f64, y: f64 }

func midpoint(a: Point, b: Piont) -> Point {
    return Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 };
}

func main() {
    let m = midpoint(Point { x: 0.0, y: 0.0 }, Point { x: 2.0, y: 4.0 });
    println("{} {}", m.x, m.y);
}
