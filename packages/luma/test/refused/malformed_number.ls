// expect-error: E0005
// expect-line: 6
// expect-message: invalid digit `2` in binary literal
func main() {
    let mask = 0xFF;
    let flags = 0b1021;
    println("{}", mask & flags);
}
