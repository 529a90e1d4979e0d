// The ** operator: integer powers (right-associative, binding tighter than unary minus), float
// powers with fractional exponents, powers of two against shifts, digit sums of 2**62, compound
// interest by ** on floats, and integer square roots checked by squaring.
func digit_sum(n: i64) -> i64 {
    let s = 0;
    let v = n;
    while (v > 0) { s += v % 10; v /= 10; }
    return s;
}

func isqrt(n: i64) -> i64 {
    let r = sqrt(n as f64) as i64;
    while (r * r > n) { r -= 1; }
    while ((r + 1) * (r + 1) <= n) { r += 1; }
    return r;
}

func main() {
    println("{} {} {} {}", 2 ** 10, 3 ** 4, 10 ** 18, (-2) ** 5);
    println("{} {} {}", 2 ** 3 ** 2, -2 ** 2, (2 ** 3) ** 2);
    println("{} {} {}", 2.0 ** 0.5, 8.0 ** (1.0 / 3.0), 10.0 ** -2.0);
    println("{} {} {}", 1.5 ** 2.0, 0.0 ** 0.0, 2.0 ** 64.0);
    let same = true;
    for k in 0..63 { if (2 ** k != 1 << k) { same = false; } }
    println("2**k == 1<<k for k < 63: {}", same);
    println("2**62 = {}, digit sum {}", 2 ** 62, digit_sum(2 ** 62));
    let small: u8 = 3;
    let e: u8 = 5;
    println("u8 {} i32 {}", small ** e, (7 as i32) ** (3 as i32));
    let balance = 1000.0;
    for years in [1, 5, 10, 30] {
        println("{:>2} years at 5%: {:>10.2}", years, balance * 1.05 ** (years as f64));
    }
    for n in [0, 1, 15, 16, 99, 1000000, 999999999999] { print("{} ", isqrt(n)); }
    println("");
}
