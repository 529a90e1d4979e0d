// expect-error: E0100
// expect-line: 9
// expect-message: cannot find `totl`
// expect-help: total
func average(xs: Array<f64>) -> f64 {
    let total = 0.0;
    for x in xs { total += x; }
    let n = xs.len() as f64;
    return totl / n;
}

func main() {
    let xs: Array<f64> = Array::new();
    xs.push(1.5); xs.push(2.5);
    println("{}", average(xs));
}
