// expect-error: E0205
// expect-line: 5
// expect-message: cannot infer the type argument `T` of `Array::new`
func main() {
    let seen = Array::new();
    let text = "a b a c";
    for w in text.split(" ") {
        println("{}", w);
    }
    println("{}", seen.len());
}
