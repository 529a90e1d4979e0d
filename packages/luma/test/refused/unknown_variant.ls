// expect-error: E0106
// expect-line: 10
// expect-message: `Square`
enum Shape { Circle(f64), Rect(f64, f64) }

func area(s: Shape) -> f64 {
    match s {
        Shape::Circle(r) => { return 3.14159 * r * r; }
        Shape::Rect(w, h) => { return w * h; }
        Shape::Square(a) => { return a * a; }
    }
}

func main() {
    println("{}", area(Shape::Rect(2.0, 3.0)));
}
