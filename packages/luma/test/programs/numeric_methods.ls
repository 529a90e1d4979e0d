// Numerical methods in f64: Newton's method for square and cube roots with an iteration count,
// bisection for a root of a cubic, Simpson's rule for integrals of closures, and the harmonic and
// Leibniz series, printed with fixed and shortest formats.
func newton(f: func(f64) -> f64, df: func(f64) -> f64, start: f64) -> f64 {
    let x = start;
    for _ in 0..50 {
        let next = x - f(x) / df(x);
        if (abs(next - x) < 1e-15 * abs(next)) { return next; }
        x = next;
    }
    return x;
}

func bisect(f: func(f64) -> f64, lo: f64, hi: f64) -> f64 {
    let a = lo;
    let b = hi;
    for _ in 0..100 {
        let m = (a + b) / 2.0;
        if ((f(a) < 0.0) == (f(m) < 0.0)) { a = m; } else { b = m; }
    }
    return (a + b) / 2.0;
}

func simpson(f: func(f64) -> f64, a: f64, b: f64, n: i64) -> f64 {
    let h = (b - a) / (n as f64);
    let s = f(a) + f(b);
    for i in 1..n {
        let x = a + (i as f64) * h;
        if (i % 2 == 1) { s += 4.0 * f(x); } else { s += 2.0 * f(x); }
    }
    return s * h / 3.0;
}

func main() {
    for v in [2.0, 10.0, 12345.678] {
        let r = newton(|x| x * x - v, |x| 2.0 * x, v);
        println("sqrt({}) = {:.12} (libm {:.12})", v, r, sqrt(v));
    }
    let c = newton(|x| x * x * x - 2.0, |x| 3.0 * x * x, 1.0);
    println("cbrt(2) = {:.12}", c);
    let root = bisect(|x| x * x * x - x - 2.0, 1.0, 2.0);
    println("root of x^3 - x - 2: {:.10}", root);
    let pi = 3.141592653589793;
    println("integral of sin on [0, pi]: {:.10}", simpson(|x| sin(x), 0.0, pi, 100));
    println("integral of x^2 on [0, 3]: {}", simpson(|x| x * x, 0.0, 3.0, 6));
    println("integral of 4/(1+x^2) on [0, 1]: {:.12}", simpson(|x| 4.0 / (1.0 + x * x), 0.0, 1.0, 1000));
    let h = 0.0;
    for k in 1..1001 { h += 1.0 / (k as f64); }
    println("H(1000) = {}", h);
    let leibniz = 0.0;
    let sign = 1.0;
    for k in 0..100000 {
        leibniz += sign / ((2 * k + 1) as f64);
        sign = -sign;
    }
    println("4 * leibniz(100000) = {:.8}, error {:.3}", 4.0 * leibniz, (4.0 * leibniz - pi) * 1e6);
}
