// expect-error: E0200
// expect-line: 7
// expect-message: expected func(i64) -> bool, found func(i64) -> i64
func main() {
    let xs: Array<i64> = Array::new();
    for i in 0..10 { xs.push(i); }
    let odd = xs.filter(|x| x % 2);
    println("{}", odd.len());
}
