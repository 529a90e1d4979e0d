// Division by zero panics.
// expect-status: 101
// expect-stderr: panic: attempt to divide by zero
// expect-stderr:   at division_by_zero.ls:5:45
func divide(a: i64, b: i64) -> i64 { return a / b; }
func main() {
    println("{}", divide(7, 2));
    println("{}", divide(1, 0));
}
