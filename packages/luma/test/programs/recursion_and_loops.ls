// Recursion and loops.
func fib(n: i64) -> i64 {
    if (n < 2) { return n; }
    return fib(n - 1) + fib(n - 2);
}
func fib_loop(n: i64) -> i64 {
    let a = 0; let b = 1;
    for i in 0..n { let t = a + b; a = b; b = t; }
    return a;
}
func main() {
    println("{} {}", fib(20), fib_loop(90));
    let n = 0;
    let i = 0;
    while (true) {
        i += 1;
        if (i % 2 == 0) { continue; }
        if (i > 9) { break; }
        n += i;
    }
    println("odd sum {}", n);
    for k in 3..1 { println("never {}", k); }
    for _ in 0..2 { print("x"); }
    println("");
}
