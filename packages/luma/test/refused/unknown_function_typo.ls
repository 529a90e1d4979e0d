// expect-error: E0100
// expect-line: 14
// expect-message: cannot find `fibonaci`
// expect-help: fibonacci
/// The n-th Fibonacci number, iteratively.
func fibonacci(n: i64) -> i64 {
    let a = 0; let b = 1;
    for i in 0..n { let t = a + b; a = b; b = t; }
    return a;
}

func main() {
    for i in 0..10 {
        println("{}", fibonaci(i));
    }
}
