// A program in three files: `import` of a helper file in lib/ (points and polygon measures), which
// imports a text helper of its own; structs, impls and functions of both used from here.
import "lib/geometry.ls";
import "lib/text.ls";

func main() {
    let square: Array<Point> = Array::new();
    for xy in [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]] { square.push(Point::new(xy[0], xy[1])); }
    let tri: Array<Point> = Array::new();
    tri.push(Point::new(0.0, 0.0));
    tri.push(Point::new(4.0, 0.0));
    tri.push(Point::new(0.0, 3.0));
    println("{}", describe("square", square));
    println("{}", describe("triangle", tri));
    println("{}", join_all(tri.map(|p| p.text()), " -> "));
    println("{}", pad_right("done", 8));
}
