// Primes: a sieve up to 100000 with counts per decade of powers, trial-division factorisation
// printed as p^k products, Euler's totient from the factors, and twin primes counted.
func sieve(n: i64) -> Array<bool> {
    let is_prime: Array<bool> = Array::new();
    for i in 0..(n + 1) { is_prime.push(i >= 2); }
    let p = 2;
    while (p * p <= n) {
        if (is_prime[p]) {
            let m = p * p;
            while (m <= n) { is_prime[m] = false; m += p; }
        }
        p += 1;
    }
    return is_prime;
}

func factor(n: i64) -> string {
    let parts: Array<string> = Array::new();
    let rest = n;
    let d = 2;
    while (d * d <= rest) {
        let k = 0;
        while (rest % d == 0) { rest /= d; k += 1; }
        if (k == 1) { parts.push(format("{}", d)); }
        if (k > 1) { parts.push(format("{}^{}", d, k)); }
        d += 1;
    }
    if (rest > 1) { parts.push(format("{}", rest)); }
    let out = parts[0];
    for i in 1..parts.len() { out = out + " * " + parts[i]; }
    return out;
}

func totient(n: i64) -> i64 {
    let result = n;
    let rest = n;
    let d = 2;
    while (d * d <= rest) {
        if (rest % d == 0) {
            while (rest % d == 0) { rest /= d; }
            result -= result / d;
        }
        d += 1;
    }
    if (rest > 1) { result -= result / rest; }
    return result;
}

func main() {
    let limit = 100000;
    let is_prime = sieve(limit);
    let bound = 10;
    let count = 0;
    let twins = 0;
    for i in 0..(limit + 1) {
        if (is_prime[i]) {
            count += 1;
            if (i >= 3 && is_prime[i - 2]) { twins += 1; }
        }
        if (i == bound) { println("pi({}) = {}", bound, count); bound *= 10; }
    }
    println("{} twin prime pairs below {}", twins, limit);
    for n in [360, 97, 1001, 65536, 999999, 600851475143] {
        println("{} = {}, phi = {}", n, factor(n), totient(n));
    }
}
