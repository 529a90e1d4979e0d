// expect-status: 101
// expect-stderr: panic: attempt to add with overflow
// expect-stderr:   at narrow_overflow_debug.ls:11:18
// A debug build checks i8, i16 and i32 arithmetic at their own widths, also on values the optimiser
// knows: i32 246 * 1000 fits, i8 100 + 27 fits, and 2147483647 + 1 panics.
func main() {
    let small: i8 = 100;
    let big: i32 = 246 * 1000;
    println("{} {}", small + 27, big);
    let x: i32 = 2147483647;
    let y: i32 = x + 1;
    println("{}", y);
}
