// expect-error: E0215
// expect-line: 7
// expect-message: a precision (`.2`) formats a float, found i64
func main() {
    let cents = 1999;
    let dollars = cents / 100;
    println("total: {:.2}", dollars);
}
