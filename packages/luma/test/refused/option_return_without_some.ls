// expect-error: E0200
// expect-line: 8
// expect-message: expected Option<i64>, found i64
// expect-help: wrap the value: `Some(…)`
/// The index of the first negative number, if any.
func first_negative(xs: Array<i64>) -> Option<i64> {
    for i in 0..xs.len() {
        if (xs[i] < 0) { return i; }
    }
    return None;
}

func main() {
    let xs: Array<i64> = Array::new();
    xs.push(4); xs.push(-2);
    println("{}", first_negative(xs).unwrap_or(-1));
}
