// Fixed-size 2x2 matrices as [2][2]i64 values: multiplication modulo a prime and fast
// exponentiation by squaring give Fibonacci numbers mod 1e9+7; checked against a plain loop.
const MOD: i64 = 1000000007;

func mul(a: [2][2]i64, b: [2][2]i64) -> [2][2]i64 {
    let c = [[0, 0], [0, 0]];
    for i in 0..2 {
        for j in 0..2 {
            let s = 0;
            for k in 0..2 { s = (s + a[i][k] * b[k][j]) % MOD; }
            c[i][j] = s;
        }
    }
    return c;
}

func power(m: [2][2]i64, e: i64) -> [2][2]i64 {
    let result = [[1, 0], [0, 1]];
    let base = m;
    let n = e;
    while (n > 0) {
        if (n & 1 == 1) { result = mul(result, base); }
        base = mul(base, base);
        n >>= 1;
    }
    return result;
}

func fib_mod(n: i64) -> i64 {
    let q = [[1, 1], [1, 0]];
    return power(q, n)[0][1];
}

func fib_loop(n: i64) -> i64 {
    let a = 0;
    let b = 1;
    for _ in 0..n { let t = (a + b) % MOD; a = b; b = t; }
    return a;
}

func main() {
    for n in [0, 1, 2, 10, 50, 90, 1000] {
        println("F({}) mod p = {} (loop {})", n, fib_mod(n), fib_loop(n));
    }
    println("F(10^18) mod p = {}", fib_mod(1000000000000000000));
    let q = [[1, 1], [1, 0]];
    let q5 = power(q, 5);
    println("{} {} / {} {}", q5[0][0], q5[0][1], q5[1][0], q5[1][1]);
    println("q unchanged: {} {}", q[0][0], q[1][1]);
}
