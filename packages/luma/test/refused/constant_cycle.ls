// expect-error: E0219
// expect-line: 5
// expect-message: depends on itself
const WIDTH: i64 = HEIGHT * 2;
const HEIGHT: i64 = WIDTH / 2;

func main() {
    println("{}x{}", WIDTH, HEIGHT);
}
