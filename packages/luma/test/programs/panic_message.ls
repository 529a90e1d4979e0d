// Panic prints its message and place and exits with 101.
// expect-status: 101
// expect-stderr: panic: too big: 3
// expect-stderr:   at panic_message.ls:7:9
func check(n: i64) {
    if (n > 2) {
        panic("too big: {}", n);
    }
}
func main() {
    println("before");
    for i in 0..5 { check(i); }
    println("after");
}
