// expect-error: E0217
// expect-line: 6
// expect-message: `Map` takes 2 type arguments, found 1
func main() {
    let words = "a b a c b a".split(" ");
    let counts: Map<string> = Map::new();
    for w in words {
        println("{}", w);
    }
    println("{}", counts.len());
}
