// A generic struct with methods in a generic impl: a stack over an Array<T>, used for integers and
// strings; a static constructor and methods returning Option.
struct Stack<T> { items: Array<T> }

impl<T> Stack<T> {
    func new() -> Stack<T> { return Stack { items: Array::new() }; }
    func push(self, x: T) { self.items.push(x); }
    func pop(self) -> Option<T> { return self.items.pop(); }
    func size(self) -> i64 { return self.items.len(); }
}

func main() {
    let s: Stack<i64> = Stack::new();
    for i in 1..5 { s.push(i * 10); }
    println("{} {}", s.size(), s.pop().unwrap());
    println("{}", s.size());
    let names: Stack<string> = Stack::new();
    names.push("a"); names.push("b");
    match names.pop() {
        Some(n) => { println("popped {}", n); }
        None => { println("empty"); }
    }
    names.pop();
    println("{} {}", names.size(), names.pop().is_none());
}
