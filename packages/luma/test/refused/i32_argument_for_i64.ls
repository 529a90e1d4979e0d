// expect-error: E0200
// expect-line: 12
// expect-message: expected i64, found i32
// expect-help: as i64
func cube(n: i64) -> i64 {
    return n * n * n;
}

func main() {
    let sizes: [3]i32 = [1, 2, 3];
    for s in sizes {
        println("{}", cube(s));
    }
}
