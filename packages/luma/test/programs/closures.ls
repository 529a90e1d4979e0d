// Closures capturing by value (a number, a string), returned from a function, passed to one; a
// named function as a value.
func apply(f: func(i64) -> i64, x: i64) -> i64 { return f(x); }
func double(x: i64) -> i64 { return x * 2; }
func make_adder(n: i64) -> func(i64) -> i64 { return |x| x + n; }
func main() {
    let k = 10;
    let add_k = |x: i64| x + k;
    println("{} {} {}", add_k(5), apply(add_k, 1), apply(double, 21));
    let add3 = make_adder(3);
    println("{}", add3(4));
    let greet = |name: string| -> string { return "hi " + name; };
    println("{}", greet("ada"));
    let suffix = "!";
    let shout = |s: string| s.to_upper() + suffix;
    println("{}", shout("hey"));
}
