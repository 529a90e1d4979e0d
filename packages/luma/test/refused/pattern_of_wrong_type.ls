// expect-error: E0211
// expect-line: 7
// expect-message: expected a pattern of type i64, found a string
func parse_level(s: string) -> i64 {
    let n = s.parse_i64().unwrap_or(0);
    match n {
        "high" => { return 3; }
        _ => { return n; }
    }
}

func main() {
    println("{}", parse_level("2"));
}
