// Run-length encoding of strings over chars(): runs counted into "3a2b" form, decoded back by
// parsing the digits with parse_i64, round trips checked, and the compression ratio printed.
func encode(s: string) -> string {
    let cs = s.chars();
    if (cs.len() == 0) { return ""; }
    let out = "";
    let run = 1;
    for i in 1..(cs.len() + 1) {
        if (i < cs.len() && cs[i] == cs[i - 1]) {
            run += 1;
        } else {
            out = out + format("{}{}", run, cs[i - 1]);
            run = 1;
        }
    }
    return out;
}

func decode(s: string) -> Result<string, string> {
    let out = "";
    let digits = "";
    for c in s.chars() {
        if ("0123456789".contains(c)) {
            digits = digits + c;
        } else {
            if (digits.len() == 0) { return Err(format("missing count before '{}'", c)); }
            let n = digits.parse_i64()?;
            for _ in 0..n { out = out + c; }
            digits = "";
        }
    }
    if (digits.len() > 0) { return Err(format("count {} without a character", digits)); }
    return Ok(out);
}

func main() {
    let samples = ["aaabccddddde", "", "abc", "wwwwwwwwwwwwbwwwwwwwwwwwwbbbwwwwwwwwwwwwwwwwwwwwwwwwbwwwwwwwwwwwwww", "ééé!!", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"];
    for s in samples {
        let e = encode(s);
        let back = decode(e).unwrap();
        let ratio = 0.0;
        if (s.len() > 0) { ratio = (e.len() as f64) / (s.len() as f64); }
        println("[{}] -> [{}] ok={} ratio {:.2}", s, e, back == s, ratio);
    }
    for bad in ["3a2", "x3", "2a99999999999999999999b"] {
        match decode(bad) {
            Ok(s) => { println("{} decoded to {}", bad, s); }
            Err(e) => { println("{}: {}", bad, e); }
        }
    }
}
