// expect-error: E0206
// expect-line: 7
// expect-message: cannot cast string to i64
// expect-help: parse_i64
func main() {
    let input = "  17 ";
    let n = input.trim() as i64;
    println("{}", n + 1);
}
