// Floats print shortest, with .0 or an exponent.
func main() {
    println("{} {} {} {}", 1.0, 0.1, 2.5e-7, 1e20);
    println("{} {} {} {}", 0.1 + 0.2, 1.0 / 3.0, 100.0, 123456789.125);
    println("{} {} {}", 1e16, 1e15, 0.0001);
    let x: f32 = 0.1;
    println("{} {} {}", x, x as f64, -0.0);
    println("{:.3} [{:>8}] [{:<6}] [{:6.2}]", 3.14159, 42, "ab", 2.5);
    println("{} {} {}", 1.0 / 0.0, -1.0 / 0.0, 7.5 % 2.0);
    println("{} {} {}", sqrt(2.0), floor(-2.5), pow(2.0, 0.5));
    println("{} {} {}", abs(-3), max(2, 9), min(1.5, -1.5));
    println("{}", 2.0 ** 10.0);
}
