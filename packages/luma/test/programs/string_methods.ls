// String methods: trim, split, find, contains, starts_with/ends_with, case, replace, slice, chars
// (by character), parse_i64 and parse_f64 with Rust's error texts; args(); a slice out of bounds panics.
// expect-status: 101
// expect-stderr: panic: byte range 3..100 is out of bounds of a string of length 17
// expect-stderr:   at string_methods.ls:30:19
func main() {
    let a = args();
    println("{} argument", a.len());
    let line = "  alpha,beta,,gamma  ";
    let t = line.trim();
    println("[{}] {} {}", t, t.len(), line.len());
    let parts = t.split(",");
    println("{} parts: [{}] [{}] [{}]", parts.len(), parts[0], parts[2], parts[3]);
    println("{} {}", t.find("beta").unwrap(), t.find("delta").is_none());
    println("{} {} {}", t.contains("gam"), t.starts_with("al"), t.ends_with("x"));
    println("{} {}", t.to_upper(), "MiXeD 1".to_lower());
    println("{}", t.replace(",", " | "));
    println("{}", t.slice(6, 10));
    let cs = "héllo".chars();
    println("{} {} {}", cs.len(), cs[1], "héllo".len());
    let n = "12345".parse_i64();
    let bad = "12x".parse_i64();
    let big = "99999999999999999999".parse_i64();
    println("{} {} {}", n.unwrap() * 2, bad.unwrap_err(), big.unwrap_err());
    println("{} {}", "-7".parse_i64().unwrap(), "".parse_i64().unwrap_err());
    println("{} {}", "2.5e3".parse_f64().unwrap(), "abc".parse_f64().is_err());
    let total = 0;
    for w in "1 2 3 4".split(" ") { total += w.parse_i64().unwrap(); }
    println("total {}", total);
    println("{}", t.slice(3, 100));
}
