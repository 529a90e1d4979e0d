// expect-error: E0210
// expect-line: 5
// expect-message: `_` is not matched
func day_name(d: i64) -> string {
    match d {
        0 => { return "Sunday"; }
        1 => { return "Monday"; }
        2 => { return "Tuesday"; }
        3 => { return "Wednesday"; }
        4 => { return "Thursday"; }
        5 => { return "Friday"; }
        6 => { return "Saturday"; }
    }
}

func main() {
    println("{}", day_name(3));
}
