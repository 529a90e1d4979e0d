// expect-error: E0203
// expect-line: 11
// expect-message: `clamp` takes 3 arguments, but 2 were given
func clamp(x: i64, lo: i64, hi: i64) -> i64 {
    if (x < lo) { return lo; }
    if (x > hi) { return hi; }
    return x;
}

func main() {
    let v = clamp(42, 10);
    println("{}", v);
}
