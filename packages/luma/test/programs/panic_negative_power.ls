// expect-status: 101
// expect-stderr: panic: attempt to raise an integer to a negative power
// expect-stderr:   at panic_negative_power.ls:10:20
// Scaling fixed-point prices by powers of ten with **: positive shifts multiply, a float
// exponent may be negative, but an integer ** with a negative exponent panics.
func scale(cents: i64, digits: i64) -> i64 {
    if (digits >= 0 && digits < 3) {
        return cents * 10 ** digits;
    }
    return cents * 10 ** (digits - 3);
}

func main() {
    let prices = [1999, 250, 7];
    for p in prices {
        println("{} -> {} {} {}", p, scale(p, 0), scale(p, 2), scale(p, 5));
    }
    println("float {} {} {}", 10.0 ** -2.0, 2.0 ** -1.0, 1999.0 * 10.0 ** -2.0);
    let base: u32 = 3;
    let e: u32 = 4;
    println("u32 {} i8 {}", base ** e, (-2 as i8) ** 5);
    println("{}", scale(5, -1));
}
