// The standard library's integer and statistics helpers, in LumaScript: `import "std/math.ls";`.
// Integer functions take and give i64; a result that does not fit panics in a debug build.

/// The greatest common divisor of |a| and |b| (gcd(0, 0) is 0).
func gcd(a: i64, b: i64) -> i64 {
    let x = abs(a);
    let y = abs(b);
    while (y != 0) {
        let t = x % y;
        x = y;
        y = t;
    }
    return x;
}

/// The least common multiple of |a| and |b| (0 when either is 0).
func lcm(a: i64, b: i64) -> i64 {
    if (a == 0 || b == 0) { return 0; }
    return abs(a / gcd(a, b) * b);
}

/// Whether n is a prime number (trial division by 6k ± 1).
func is_prime(n: i64) -> bool {
    if (n < 2) { return false; }
    if (n < 4) { return true; }
    if (n % 2 == 0 || n % 3 == 0) { return false; }
    let d = 5;
    while (d <= n / d) {
        if (n % d == 0 || n % (d + 2) == 0) { return false; }
        d += 6;
    }
    return true;
}

/// The largest r with r * r <= n, for n >= 0; panics for a negative n.
func isqrt(n: i64) -> i64 {
    if (n < 0) { panic("isqrt of a negative number: {}", n); }
    let r = sqrt(n as f64) as i64;
    while (r * r > n) { r -= 1; }
    while ((r + 1) <= n / (r + 1)) { r += 1; }
    return r;
}

/// base ** exponent modulo m (m > 0, exponent >= 0), without overflow for any m below 2**62.
func pow_mod(base: i64, exponent: i64, m: i64) -> i64 {
    if (m <= 0) { panic("pow_mod with modulus {}", m); }
    if (exponent < 0) { panic("pow_mod with negative exponent {}", exponent); }
    let result = 1 % m;
    let b = ((base % m) + m) % m;
    let e = exponent;
    while (e > 0) {
        if (e % 2 == 1) { result = mul_mod(result, b, m); }
        b = mul_mod(b, b, m);
        e /= 2;
    }
    return result;
}

/// a * b modulo m for 0 <= a, b < m < 2**62, by doubling (no 128-bit product needed).
func mul_mod(a: i64, b: i64, m: i64) -> i64 {
    let result = 0;
    let x = a;
    let y = b;
    while (y > 0) {
        if (y % 2 == 1) { result = (result + x) % m; }
        x = (x + x) % m;
        y /= 2;
    }
    return result;
}

/// x limited to [low, high].
func clamp<T>(x: T, low: T, high: T) -> T {
    if (x < low) { return low; }
    if (x > high) { return high; }
    return x;
}

/// The sum of the numbers.
func sum(xs: Array<f64>) -> f64 {
    let total = 0.0;
    for x in xs { total += x; }
    return total;
}

/// The arithmetic mean, or None for no numbers.
func mean(xs: Array<f64>) -> Option<f64> {
    if (xs.len() == 0) { return None; }
    return Some(sum(xs) / (xs.len() as f64));
}

/// The sample standard deviation (n - 1 in the denominator), or None for fewer than two numbers.
func stddev(xs: Array<f64>) -> Option<f64> {
    if (xs.len() < 2) { return None; }
    let m = sum(xs) / (xs.len() as f64);
    let squares = 0.0;
    for x in xs { squares += (x - m) * (x - m); }
    return Some(sqrt(squares / ((xs.len() - 1) as f64)));
}

/// The median (the mean of the middle two for an even count), or None for no numbers.
func median(xs: Array<f64>) -> Option<f64> {
    if (xs.len() == 0) { return None; }
    let sorted: Array<f64> = Array::new();
    for x in xs { sorted.push(x); }
    sorted.sort();
    let middle = sorted.len() / 2;
    if (sorted.len() % 2 == 1) { return Some(sorted[middle]); }
    return Some((sorted[middle - 1] + sorted[middle]) / 2.0);
}

#[test]
func test_gcd_and_lcm() {
    assert_eq(gcd(12, 18), 6);
    assert_eq(gcd(-12, 18), 6);
    assert_eq(gcd(0, 7), 7);
    assert_eq(gcd(0, 0), 0);
    assert_eq(lcm(4, 6), 12);
    assert_eq(lcm(-4, 6), 12);
    assert_eq(lcm(0, 5), 0);
}

#[test]
func test_is_prime() {
    let primes: Array<i64> = Array::new();
    for n in -3..30 { if (is_prime(n)) { primes.push(n); } }
    assert_eq(format("{}", primes.len()), "10");
    assert_eq(primes[9], 29);
    assert(is_prime(2147483647));
    assert(!is_prime(2147483647 * 3));
}

#[test]
func test_isqrt() {
    assert_eq(isqrt(0), 0);
    assert_eq(isqrt(15), 3);
    assert_eq(isqrt(16), 4);
    assert_eq(isqrt(9223372036854775807), 3037000499);
}

#[test]
func test_pow_mod() {
    assert_eq(pow_mod(2, 10, 1000), 24);
    assert_eq(pow_mod(-2, 3, 7), 6);
    assert_eq(pow_mod(5, 0, 1), 0);
    assert_eq(pow_mod(3, 1000000, 1000000007), 64935414);
    // Checked against Python's pow(123456789, 987654321, 4611686018427387847).
    assert_eq(pow_mod(123456789, 987654321, 4611686018427387847), 684252095760009403);
}

#[test]
func test_clamp() {
    assert_eq(clamp(5, 0, 3), 3);
    assert_eq(clamp(-1, 0, 3), 0);
    assert_eq(clamp(2.5, 0.0, 3.0), 2.5);
}

#[test]
func test_statistics() {
    let xs: Array<f64> = Array::new();
    assert(mean(xs).is_none());
    for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] { xs.push(x); }
    assert_eq(sum(xs), 40.0);
    assert_eq(mean(xs).unwrap(), 5.0);
    assert_eq(median(xs).unwrap(), 4.5);
    assert_eq(format("{:.4}", stddev(xs).unwrap()), "2.1381");
}
