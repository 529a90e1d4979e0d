// expect-error: E0224
// expect-line: 4
// expect-message: `main` cannot have parameters or a return type
func main(argv: Array<string>) -> i64 {
    for a in argv {
        println("{}", a);
    }
    return 0;
}
