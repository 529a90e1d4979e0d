// expect-error: E0213
// expect-line: 13
// expect-message: `grade` must return string on every path
// expect-help: add a `return`
func grade(score: i64) -> string {
    if (score >= 90) {
        return "A";
    } else if (score >= 75) {
        return "B";
    } else if (score >= 50) {
        return "C";
    }
}

func main() {
    println("{}", grade(80));
}
