// expect-error: E0107
// expect-line: 12
// expect-message: `origin`
struct Point { x: f64, y: f64 }

impl Point {
    func new(x: f64, y: f64) -> Point { return Point { x: x, y: y }; }
    func norm(self) -> f64 { return sqrt(self.x * self.x + self.y * self.y); }
}

func main() {
    let o = Point::origin();
    let p = Point::new(3.0, 4.0);
    println("{} {}", o.norm(), p.norm());
}
