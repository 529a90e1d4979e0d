// Roman numerals: integers to numerals with a table of values and symbols, numerals back to
// integers with a match on each character's string, round trips for 1..3999, and invalid input as Err.
func to_roman(n: i64) -> string {
    let values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
    let symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
    let out = "";
    let rest = n;
    for i in 0..values.len() {
        while (rest >= values[i]) { out = out + symbols[i]; rest -= values[i]; }
    }
    return out;
}

func digit(c: string) -> Result<i64, string> {
    match c {
        "I" => { return Ok(1); }
        "V" => { return Ok(5); }
        "X" => { return Ok(10); }
        "L" => { return Ok(50); }
        "C" => { return Ok(100); }
        "D" => { return Ok(500); }
        "M" => { return Ok(1000); }
        _ => { return Err(format("bad numeral character '{}'", c)); }
    }
}

func from_roman(s: string) -> Result<i64, string> {
    let cs = s.chars();
    let total = 0;
    for i in 0..cs.len() {
        let v = digit(cs[i])?;
        if (i + 1 < cs.len() && v < digit(cs[i + 1])?) { total -= v; } else { total += v; }
    }
    if (to_roman(total) != s) { return Err(format("{} is not canonical (read as {})", s, total)); }
    return Ok(total);
}

func main() {
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999] { println("{:>4} {}", n, to_roman(n)); }
    let round_trips = 0;
    let longest = "";
    for n in 1..4000 {
        let r = to_roman(n);
        if (from_roman(r).unwrap() == n) { round_trips += 1; }
        if (r.len() > longest.len()) { longest = r; }
    }
    println("{} round trips, longest {} ({} letters)", round_trips, longest, longest.len());
    for s in ["MCMXCIV", "XLII", "IIII", "ABC", "mmx", "MMXXV"] {
        match from_roman(s) {
            Ok(n) => { println("{} = {}", s, n); }
            Err(e) => { println("{}: {}", s, e); }
        }
    }
}
