// expect-error: E0201
// expect-line: 8
// expect-message: cannot apply `+` to i64 and i32
// expect-help: as i64
func main() {
    let total: i64 = 1000;
    let bonus: i32 = 25;
    let paid = total + bonus;
    println("{}", paid);
}
