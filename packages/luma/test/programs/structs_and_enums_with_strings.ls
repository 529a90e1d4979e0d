// Structs and variants holding strings (reference-counted parts), nested variant patterns, a
// match over strings; built in a loop, so a leaked part would show in the leak check.
struct Person { name: string, age: i64 }
enum Msg { Text(string), Pair(string, Person), Quit }
impl Person {
    func greet(self) -> string { return format("hi {} ({})", self.name, self.age); }
    func older(self, by: i64) -> Person { let p = self; p.age += by; p.name = p.name + "!"; return p; }
}
enum Tree { Leaf(i64), Node(i64, i64) }
func show(m: Msg) -> string {
    match m {
        Msg::Text(t) => { return "text " + t; }
        Msg::Pair(label, p) => { return label + ": " + p.greet(); }
        Msg::Quit => { return "quit"; }
    }
}
func first(xs: Option<Option<string>>) -> string {
    match xs {
        Some(Some(s)) => { return s; }
        Some(None) => { return "inner none"; }
        None => { return "none"; }
    }
}
func main() {
    let p = Person { name: "ada", age: 36 };
    let q = p.older(2);
    println("{} / {}", p.greet(), q.greet());
    println("{}", show(Msg::Text("hello")));
    println("{}", show(Msg::Pair("who", q)));
    println("{}", show(Msg::Quit));
    let i = 0;
    while (i < 3) {
        let m = Msg::Pair(format("n{}", i), Person { name: "x", age: i });
        println("{}", show(m));
        i += 1;
    }
    println("{} {} {}", first(Some(Some("deep"))), first(Some(None)), first(None));
    match "quit" {
        "go" => { println("go"); }
        "quit" => { println("bye"); }
        _ => { println("?"); }
    }
}
