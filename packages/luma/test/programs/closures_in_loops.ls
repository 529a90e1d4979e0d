// Closures made in a loop capture that iteration's values; an Array of function values called in
// turn; a function taking and returning closures (composition).
func compose(f: func(i64) -> i64, g: func(i64) -> i64) -> func(i64) -> i64 {
    return |x| g(f(x));
}

func main() {
    let adders: Array<func(i64) -> i64> = Array::new();
    for i in 1..4 {
        let k = i * 100;
        adders.push(|x| x + k);
    }
    for add in adders { print("{} ", add(1)); }
    println("");
    let double = |x: i64| x * 2;
    let inc = |x: i64| x + 1;
    let both = compose(double, inc);
    let other = compose(inc, double);
    println("{} {}", both(5), other(5));
}
