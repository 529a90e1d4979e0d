// expect-error: E0002
// expect-line: 6
// expect-message: unterminated
func greet(name: string) -> string {
    let prefix = "Hello, ";
    return prefix + name + "!;
}

func main() {
    println("{}", greet("Ada"));
}
