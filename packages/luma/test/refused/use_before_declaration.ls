// expect-error: E0103
// expect-line: 6
// expect-message: `step`
func main() {
    let start = 10;
    let end = start + step * 4;
    let step = 5;
    for i in start..end {
        println("{}", i);
    }
}
