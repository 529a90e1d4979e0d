// expect-error: E0019
// expect-line: 5
// expect-message: type arguments cannot be written in an expression
func main() {
    let xs = Array<i64>::new();
    xs.push(1);
    xs.push(2);
    println("{}", xs.len());
}
