// expect-error: E0201
// expect-line: 6
// expect-message: cannot apply `+` to string and i64
func label(name: string, count: i64) -> string {
    let sep = ": ";
    return name + sep + count;
}

func main() {
    println("{}", label("apples", 3));
}
