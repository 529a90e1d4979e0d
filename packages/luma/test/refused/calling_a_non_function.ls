// expect-error: E0204
// expect-line: 7
// expect-message: expected a function, found f64
func main() {
    let rate = 0.25;
    let base = 80.0;
    let tax = rate(base);
    println("{:.2}", tax);
}
