// expect-error: E0209
// expect-line: 7
// expect-message: cannot iterate over a value of type string
// expect-help: chars()
func count_vowels(s: string) -> i64 {
    let n = 0;
    for c in s {
        if ("aeiou".contains(c)) { n += 1; }
    }
    return n;
}

func main() {
    println("{}", count_vowels("education"));
}
