// expect-error: E0200
// expect-line: 7
// expect-message: expected bool, found i64
func main() {
    let queue: Array<string> = Array::new();
    queue.push("job-1");
    if (queue.len()) {
        println("{} waiting", queue.len());
    }
}
