// A function-typed parameter called in a loop that can return early.
func first_over(f: func(i64) -> i64, limit: i64) -> i64 {
    for i in 0..10 {
        if (f(i) > limit) { return i; }
    }
    return -1;
}
func main() {
    println("{}", first_over(|x| x * x, 20));
}
