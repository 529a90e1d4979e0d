// expect-error: E0017
// expect-line: 7
// expect-message: expected `(` after `if`
// expect-help: write `if (n == 0) {`
func classify(n: i64) -> string {
    if (n < 0) { return "negative"; }
    if n == 0 { return "zero"; }
    return "positive";
}

func main() {
    println("{}", classify(3));
}
