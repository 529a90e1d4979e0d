// Bools in enum payloads, alone and inside structs nested in a payload, read back by match.
struct Flag { on: bool, n: i64, inner: Inner }
struct Inner { a: bool, b: bool }
enum E { F(Flag), B(bool, bool), N }
func show(e: E) -> string {
    match e {
        E::F(f) => { return format("{} {} {} {}", f.on, f.n, f.inner.a, f.inner.b); }
        E::B(x, y) => { return format("{} {}", x, y); }
        E::N => { return "n"; }
    }
}
func main() {
    println("{}", show(E::F(Flag { on: true, n: 7, inner: Inner { a: false, b: true } })));
    println("{}", show(E::B(false, true)));
    println("{}", show(E::N));
    let o: Option<bool> = Some(false);
    println("{}", o.unwrap());
}
