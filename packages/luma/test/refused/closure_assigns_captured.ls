// expect-error: E0226
// expect-line: 7
// expect-message: cannot assign to `count`, which the closure captured
func main() {
    let count = 0;
    let words = "to be or not to be".split(" ");
    let tally = |w: string| { if (w == "be") { count += 1; } };
    for w in words { tally(w); }
    println("{}", count);
}
