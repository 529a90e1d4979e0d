// Methods on an enum (impl of an enum), a match inside a method on self, an Array of shapes summed
// with reduce, and the largest found by a loop.
enum Shape { Circle(f64), Square(f64), Rect(f64, f64) }

impl Shape {
    func area(self) -> f64 {
        match self {
            Shape::Circle(r) => { return 3.0 * r * r; }
            Shape::Square(s) => { return s * s; }
            Shape::Rect(w, h) => { return w * h; }
        }
    }
    func name(self) -> string {
        match self {
            Shape::Circle(_) => { return "circle"; }
            Shape::Square(_) => { return "square"; }
            Shape::Rect(_, _) => { return "rect"; }
        }
    }
}

func main() {
    let shapes: Array<Shape> = Array::new();
    shapes.push(Shape::Circle(2.0));
    shapes.push(Shape::Square(3.0));
    shapes.push(Shape::Rect(2.0, 7.5));
    let total = shapes.reduce(0.0, |acc, s| acc + s.area());
    let largest = shapes[0];
    for s in shapes { if (s.area() > largest.area()) { largest = s; } }
    println("total {} largest {} {}", total, largest.name(), largest.area());
}
