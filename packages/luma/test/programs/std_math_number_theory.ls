// std/math.ls at work: gcd/lcm folded over lists, twin primes, Fermat tests fooled by Carmichael
// numbers, mul_mod near 2^62, isqrt finding Pythagorean triples, and clamp at three types.
import "std/math.ls";

func fermat_liar(n: i64) -> bool {
    for a in [2, 3, 5, 7, 11] {
        if (gcd(a, n) == 1 && pow_mod(a, n - 1, n) != 1) { return false; }
    }
    return true;
}

func main() {
    let nums = [84, 126, 210, 462];
    let g = nums[0];
    let l = nums[0];
    for x in nums {
        g = gcd(g, x);
        l = lcm(l, x);
    }
    println("gcd {} lcm {} gcd(-48, 18) {} lcm(0, 9) {}", g, l, gcd(-48, 18), lcm(0, 9));
    let twins = "";
    let count = 0;
    for n in 2..200 {
        if (is_prime(n) && is_prime(n + 2)) {
            count += 1;
            if (n > 100) { twins = twins + format(" ({}, {})", n, n + 2); }
        }
    }
    println("{} twin pairs below 200; above 100:{}", count, twins);
    for n in [561, 1105, 1729, 2821, 97, 91] {
        println("{:>5} prime {} passes fermat {}", n, is_prime(n), fermat_liar(n));
    }
    let m = 4611686018427387847;
    let a = m - 12345;
    println("mul_mod {} pow_mod {}", mul_mod(a, a, m), pow_mod(2, 100, m));
    println("pow_mod(10, 18, 1e9+7) {} 3^200 mod 1000 {}", pow_mod(10, 18, 1000000007), pow_mod(3, 200, 1000));
    let triples = 0;
    let shown = "";
    for a2 in 1..40 {
        for b in a2..40 {
            let c2 = a2 * a2 + b * b;
            let c = isqrt(c2);
            if (c * c == c2 && gcd(a2, b) == 1) {
                triples += 1;
                shown = shown + format(" {}-{}-{}", a2, b, c);
            }
        }
    }
    println("{} primitive triples:{}", triples, shown);
    println("isqrt {} {} {}", isqrt(99), isqrt(100), isqrt(1000000000000));
    let level: i32 = 140;
    println("clamp {} {} {} {}", clamp(level, 0, 100), clamp(-3.5, -1.0, 1.0), clamp("mango", "apple", "kiwi"), clamp(0.25, 0.0, 1.0));
}
