// Number bases by hand: integers written in bases 2, 8, 16 and 36 with a digit table, parsed back
// with a Result for bad digits; hexadecimal, binary and underscore-separated literals.
const DIGITS: string = "0123456789abcdefghijklmnopqrstuvwxyz";

func to_base(value: i64, base: i64) -> string {
    if (value == 0) { return "0"; }
    let table = DIGITS.chars();
    let n = abs(value);
    let out: Array<string> = Array::new();
    while (n > 0) { out.push(table[n % base]); n /= base; }
    if (value < 0) { out.push("-"); }
    out.reverse();
    return out.reduce("", |a, d| a + d);
}

func from_base(text: string, base: i64) -> Result<i64, string> {
    let s = text.to_lower();
    let sign = 1;
    if (s.starts_with("-")) { sign = -1; s = s.slice(1, s.len()); }
    if (s.len() == 0) { return Err("empty"); }
    let value = 0;
    for c in s.chars() {
        match DIGITS.find(c) {
            Some(d) => {
                if (d >= base) { return Err(format("digit {} out of range for base {}", c, base)); }
                value = value * base + d;
            }
            None => { return Err(format("invalid character {}", c)); }
        }
    }
    return Ok(sign * value);
}

func main() {
    let values = [0, 7, 255, -255, 0xDEAD_BEEF, 0b1111_0000_1010, 1_000_000, 9223372036854775807];
    for v in values {
        println("{:>19} b2={} b8={} b16={} b36={}", v, to_base(v, 2).len(), to_base(v, 8), to_base(v, 16), to_base(v, 36));
    }
    println("{}", to_base(0b1011_0110, 2));
    for t in ["ff", "FF", "-7fffffff", "zz", "102", "1g", "", "12 3"] {
        for base in [2, 16, 36] {
            match from_base(t, base) {
                Ok(v) => { print("[{} b{} = {}] ", t, base, v); }
                Err(e) => { print("[{} b{}: {}] ", t, base, e); }
            }
        }
        println("");
    }
    println("{} {} {}", 0x7f + 0b1, 0xFFFF_FFFF, 0b1 << 40);
}
