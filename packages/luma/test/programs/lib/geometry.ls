// Helpers for imports_geometry.ls (not a program of its own): points, polygons and their measures.
import "text.ls";

struct Point { x: f64, y: f64 }

impl Point {
    func new(x: f64, y: f64) -> Point { return Point { x: x, y: y }; }
    func dist(self, o: Point) -> f64 { return sqrt((self.x - o.x) * (self.x - o.x) + (self.y - o.y) * (self.y - o.y)); }
    func text(self) -> string { return format("({}, {})", self.x, self.y); }
}

func perimeter(ps: Array<Point>) -> f64 {
    let s = 0.0;
    for i in 0..ps.len() { s += ps[i].dist(ps[(i + 1) % ps.len()]); }
    return s;
}

func shoelace(ps: Array<Point>) -> f64 {
    let s = 0.0;
    for i in 0..ps.len() {
        let a = ps[i];
        let b = ps[(i + 1) % ps.len()];
        s += a.x * b.y - b.x * a.y;
    }
    return abs(s) / 2.0;
}

func describe(name: string, ps: Array<Point>) -> string {
    return pad_right(name, 10) + format("perimeter {:.3} area {:.2}", perimeter(ps), shoelace(ps));
}
