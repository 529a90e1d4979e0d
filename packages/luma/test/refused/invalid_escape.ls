// expect-error: E0003
// expect-line: 7
// expect-message: escape
func main() {
    let names = ["ann", "bob", "cy"];
    for n in names {
        println("name:\q{}", n);
    }
}
