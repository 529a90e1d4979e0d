// expect-error: E0015
// expect-line: 4
// expect-message: let
let counter = 0;

func tick() -> i64 {
    return counter + 1;
}

func main() {
    println("{}", tick());
}
