// expect-error: E0110
// expect-line: 7
// expect-message: expected a value, found the struct `Config`
struct Config { verbose: bool, level: i64 }

func main() {
    let c = Config;
    if (c.verbose) {
        println("level {}", c.level);
    }
}
