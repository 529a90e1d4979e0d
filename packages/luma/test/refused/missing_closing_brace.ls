// expect-error: E0012
// expect-line: 16
// expect-message: expected `}` to close the impl, found end of file
// expect-help: add `}` to close the impl
struct Counter { hits: i64 }

impl Counter {
    func bump(self) -> Counter {
        return Counter { hits: self.hits + 1 };
    }

func main() {
    let c = Counter { hits: 0 };
    c = c.bump();
    println("{}", c.hits);
}
