// expect-error: E0014
// expect-line: 7
// expect-message: expected a place to assign to before `=`, found an expression
func main() {
    let total = 0;
    for i in 0..10 {
        total + i = total;
    }
    println("{}", total);
}
