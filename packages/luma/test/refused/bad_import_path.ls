// expect-error: E0108
// expect-line: 4
// expect-message: cannot read the imported file
import "geometry/shapes.ls";

func main() {
    let total = 0.0;
    for i in 0..3 {
        total += i as f64 * 1.5;
    }
    println("{}", total);
}
