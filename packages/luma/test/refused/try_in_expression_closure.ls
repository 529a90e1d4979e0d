// expect-error: E0212
// expect-line: 6
// expect-message: needs a closure whose return type is known
// A `?` in an expression-bodied closure returns from the closure, whose type map cannot know.
func parse_all(xs: Array<string>) -> Result<i64, string> {
    let ys = xs.map(|s| s.parse_i64()?);
    let t = 0;
    for y in ys { t += y; }
    return Ok(t);
}
func main() {
    let xs = "1 2 x 4".split(" ");
    match parse_all(xs) {
        Ok(t) => { println("ok {}", t); }
        Err(e) => { println("err {}", e); }
    }
}
