// expect-error: E0004
// expect-line: 9
// expect-message: unterminated
func clamp(x: i64, lo: i64, hi: i64) -> i64 {
    if (x < lo) { return lo; }
    if (x > hi) { return hi; }
    return x;
}
/* Disabled for now:
func main_old() {
    println("{}", clamp(5, 0, 3));
}

func main() {
    println("{}", clamp(-4, 0, 10));
}
