// expect-error: E0230
// expect-line: 4
// expect-message: this constant expression overflows i32
const MAX_BYTES: i32 = 4096 * 1024 * 1024;

func main() {
    let used: i32 = 1000;
    println("{} of {}", used, MAX_BYTES);
}
