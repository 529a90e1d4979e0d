// expect-error: E0214
// expect-line: 9
// expect-message: `break` outside of a loop
func find_index(xs: Array<i64>, target: i64) -> i64 {
    let found = -1;
    for i in 0..xs.len() {
        if (xs[i] == target) { found = i; }
    }
    if (found < 0) { break; }
    return found;
}

func main() {
    let xs: Array<i64> = Array::new();
    xs.push(7);
    println("{}", find_index(xs, 7));
}
