// A debug build (-O0, -O1) panics on integer overflow, as Rust's does, where -O2 wraps: unsigned
// and signed, of every width, and negation of the minimum; in-range arithmetic goes on.
// expect-status: 101
// expect-stderr: panic: attempt to add with overflow
// expect-stderr:   at overflow_in_debug_builds.ls:6:42
func add_u8(a: u8, b: u8) -> u8 { return a + b; }
func main() {
    let x: u8 = 200;
    println("{}", add_u8(x, 55));
    let y: i32 = 2147483600;
    y += 47;
    println("{}", y);
    let z: u64 = 5;
    println("{}", z - 5);
    let big: i64 = 3037000499;
    println("{}", big * big);
    println("{}", add_u8(x, 56));
}
