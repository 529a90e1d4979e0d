// expect-error: E0212
// expect-line: 6
// expect-message: the `?` operator on a Result needs a function returning Result
func main() {
    let line = "42";
    let n = line.parse_i64()?;
    println("{}", n * 2);
}
