// expect-error: E0010
// expect-line: 4
// expect-message: expected
func area(width f64, height: f64) -> f64 {
    return width * height;
}

func main() {
    println("{}", area(2.0, 3.5));
}
