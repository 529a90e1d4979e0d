// Modular exponentiation by squaring and a deterministic Miller-Rabin test for 32-bit numbers
// (witnesses 2, 7, 61), checked against trial division; Fermat liars for base 2 listed.
func modpow(base: i64, exp: i64, m: i64) -> i64 {
    let result = 1;
    let b = base % m;
    let e = exp;
    while (e > 0) {
        if (e % 2 == 1) { result = result * b % m; }
        b = b * b % m;
        e /= 2;
    }
    return result;
}

func is_prime_mr(n: i64) -> bool {
    if (n < 2) { return false; }
    for p in [2, 3, 5, 7, 11, 13, 61] {
        if (n % p == 0) { return n == p; }
    }
    let d = n - 1;
    let s = 0;
    while (d % 2 == 0) { d /= 2; s += 1; }
    for a in [2, 7, 61] {
        let x = modpow(a, d, n);
        if (x == 1 || x == n - 1) { continue; }
        let composite = true;
        for _ in 1..s {
            x = x * x % n;
            if (x == n - 1) { composite = false; break; }
        }
        if (composite) { return false; }
    }
    return true;
}

func is_prime_slow(n: i64) -> bool {
    if (n < 2) { return false; }
    let d = 2;
    while (d * d <= n) {
        if (n % d == 0) { return false; }
        d += 1;
    }
    return true;
}

func main() {
    println("{} {} {}", modpow(2, 10, 1000), modpow(3, 200, 1000000007), modpow(7, 0, 13));
    let agree = 0;
    let primes = 0;
    for n in 0..20000 {
        let a = is_prime_mr(n);
        if (a == is_prime_slow(n)) { agree += 1; }
        if (a) { primes += 1; }
    }
    println("agree on {} of 20000, {} primes", agree, primes);
    let liars = "";
    for n in 3..3000 {
        if (n % 2 == 1 && modpow(2, n - 1, n) == 1 && !is_prime_slow(n)) { liars = liars + format("{} ", n); }
    }
    println("base-2 pseudoprimes: {}", liars.trim());
    for n in [2147483647, 2147483649, 25326001, 999999937, 1000000007, 3037000493] {
        println("{:>10} prime: {}", n, is_prime_mr(n));
    }
}
