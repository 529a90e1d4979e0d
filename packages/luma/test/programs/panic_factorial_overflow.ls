// Factorials in i64 in a debug build: 20! fits, 21! overflows and the multiplication panics with
// Rust's message at the operator's line.
// expect-status: 101
// expect-stderr: panic: attempt to multiply with overflow
// expect-stderr:   at panic_factorial_overflow.ls:9:13
func factorial(n: i64) -> i64 {
    let r = 1;
    for i in 2..(n + 1) {
        r = r * i;
    }
    return r;
}

func main() {
    for n in [0, 1, 5, 10, 15, 20, 21, 25] {
        println("{:>2}! = {}", n, factorial(n));
    }
}
