// expect-error: E0208
// expect-line: 7
// expect-message: cannot index into a value of type i64
func main() {
    let digits = 12345;
    let total = 0;
    for i in 0..5 { total += digits[i]; }
    println("{}", total);
}
