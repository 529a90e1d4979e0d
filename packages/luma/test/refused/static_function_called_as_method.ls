// expect-error: E0105
// expect-line: 14
// expect-message: `new` is a static function of `Stack`, not a method
// expect-help: Stack::new(…)
struct Stack { items: Array<i64> }

impl Stack {
    func new() -> Stack { return Stack { items: Array::new() }; }
    func size(self) -> i64 { return self.items.len(); }
}

func main() {
    let a = Stack::new();
    let b = a.new();
    println("{} {}", a.size(), b.size());
}
