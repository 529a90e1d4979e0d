// Generic instances.
func bigger<T>(a: T, b: T) -> T { if (a > b) { return a; } return b; }
func main() {
    let small: u8 = 7;
    println("{} {} {}", bigger(3, 4), bigger(2.5, 1.5), bigger(small, 200));
}
