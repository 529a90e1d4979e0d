// expect-error: E0211
// expect-line: 9
// expect-message: holds 2 values, found 1 pattern
enum Shape { Circle(f64), Rect(f64, f64) }

func perimeter(s: Shape) -> f64 {
    match s {
        Shape::Circle(r) => { return 2.0 * 3.14159 * r; }
        Shape::Rect(w) => { return 4.0 * w; }
    }
}

func main() {
    println("{}", perimeter(Shape::Circle(1.0)));
}
