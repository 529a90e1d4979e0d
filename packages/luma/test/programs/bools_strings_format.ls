// Bools, short-circuit, strings and format.
const GREETING: string = "hello";
func loud(b: bool) -> bool { print("[{}]", b); return b; }
func main() {
    let t = loud(false) && loud(true);
    let u = loud(true) || loud(false);
    println(" {} {} {}", t, u, !t);
    let s = GREETING + ", " + format("{}-{}", "world", 42);
    println(s);
    println("{} {} {}", s == "hello, world-42", "a" < "b", "b" != "b");
    println("{{}} {}", 3 >= 3 && 2.5 < 1.0);
    if (1 > 2) { println("no"); } else if (2 > 1) { println("yes"); } else { println("no"); }
}
