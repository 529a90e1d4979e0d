// Option and Result: their methods, `?` passing a None or an Err on, and unwrap of an Err panicking
// with its value.
// expect-status: 101
// expect-stderr: panic: called `Result::unwrap()` on an `Err` value: not a digit: 42
// expect-stderr:   at options_and_results.ls:35:19
func parse_digit(c: i64) -> Result<i64, string> {
    if (c < 0 || c > 9) { return Err(format("not a digit: {}", c)); }
    return Ok(c);
}
func sum_two(a: i64, b: i64) -> Result<i64, string> {
    let x = parse_digit(a)?;
    let y = parse_digit(b)?;
    return Ok(x + y);
}
func half(n: i64) -> Option<i64> {
    if (n % 2 == 0) { return Some(n / 2); }
    return None;
}
func quarter(n: i64) -> Option<i64> {
    let h = half(n)?;
    return half(h);
}
func main() {
    let r = sum_two(3, 4);
    println("{} {} {}", r.is_ok(), r.unwrap(), sum_two(3, 12).is_err());
    println("{}", sum_two(1, 99).unwrap_err());
    println("{} {}", sum_two(5, 5).unwrap_or(-1), sum_two(50, 5).unwrap_or(-1));
    let q = quarter(12);
    println("{} {} {}", q.unwrap(), quarter(6).is_none(), quarter(6).unwrap_or(0));
    let name: Option<string> = Some("ada");
    println("{} {}", name.is_some(), name.expect("a name"));
    let missing: Option<string> = None;
    println("{}", missing.unwrap_or("anonymous"));
    let bad = sum_two(1, 42);
    println("{}", bad.unwrap());
}
