// == and != are structural: enums by variant then payload (Option included), structs field by field
// (strings by text), fixed arrays element by element; pointers compare addresses.
enum Light { Red, Green }
enum Shape { Circle(f64), Rect(f64, f64), Label(string) }
struct P { x: i64, name: string }
func main() {
    let a = Light::Red;
    let b = Light::Green;
    println("{} {} {}", a == b, a != b, a == Light::Red);
    println("{} {} {}", Shape::Rect(1.0, 2.0) == Shape::Rect(1.0, 2.0), Shape::Rect(1.0, 2.0) == Shape::Rect(1.0, 3.0), Shape::Circle(1.0) == Shape::Rect(1.0, 1.0));
    println("{} {}", Shape::Label("a" + "b") == Shape::Label("ab"), Shape::Label("x") != Shape::Label("y"));
    let o: Option<i64> = Some(3);
    println("{} {} {}", o == Some(3), o == None, o != Some(4));
    let s: Option<string> = None;
    println("{} {}", s == None, s == Some("x"));
    println("{} {}", P { x: 1, name: "n" } == P { x: 1, name: "n" }, P { x: 1, name: "n" } == P { x: 1, name: "m" });
    let xs = [1, 2, 3];
    let ys = [1, 2, 3];
    let zs = [1, 2, 4];
    println("{} {} {}", xs == ys, xs == zs, xs != zs);
    let p = alloc(i64, 2);
    let q = p;
    let r = alloc(i64, 2);
    println("{} {}", p == q, p == r);
    free(p);
    free(r);
}
