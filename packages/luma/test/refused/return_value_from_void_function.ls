// expect-error: E0221
// expect-line: 7
// expect-message: expected no value after `return`, found i64
func log_total(xs: Array<i64>) {
    let total = 0;
    for x in xs { total += x; }
    return total;
}

func main() {
    let xs: Array<i64> = Array::new();
    xs.push(2);
    log_total(xs);
}
