// Strings built piece by piece: format with widths and precision, repetition by a loop, reversal
// through chars(), and a palindrome test.
func repeat(s: string, n: i64) -> string {
    let out = "";
    for _ in 0..n { out = out + s; }
    return out;
}

func reversed(s: string) -> string {
    let out = "";
    let cs = s.chars();
    let i = cs.len() - 1;
    while (i >= 0) { out = out + cs[i]; i -= 1; }
    return out;
}

func main() {
    println("[{}]", repeat("ab", 3));
    println("{} {}", reversed("héllo"), reversed("racecar") == "racecar");
    let table = format("{:>5}|{:<5}|{:.2}", 42, "x", 3.14159);
    println("{}", table);
    let words = "never odd or even".split(" ");
    let joined = words.reduce("", |acc, w| acc + w);
    println("{} {}", joined, reversed(joined) == joined);
}
