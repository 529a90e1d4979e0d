// expect-error: E0227
// expect-line: 5
// expect-message: a range can only be the iterable of a `for` loop
func main() {
    let hours = 0..24;
    for h in hours {
        println("{}:00", h);
    }
}
