// expect-error: E0013
// expect-line: 5
// expect-message: chain
func in_range(lo: i64, x: i64, hi: i64) -> bool {
    return lo <= x < hi;
}

func main() {
    println("{}", in_range(1, 5, 10));
}
