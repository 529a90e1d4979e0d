// expect-error: E0102
// expect-line: 8
// expect-message: `area`
func area(w: f64, h: f64) -> f64 {
    return w * h;
}

func area(r: f64) -> f64 {
    return 3.14159 * r * r;
}

func main() {
    println("{}", area(2.0, 3.0));
}
