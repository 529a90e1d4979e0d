// expect-error: E0212
// expect-line: 6
// expect-message: needs a function returning Option
func first_even(xs: Array<i64>) -> i64 {
    let evens = xs.filter(|x| x % 2 == 0);
    let last = evens.pop()?;
    return last;
}

func main() {
    let xs: Array<i64> = Array::new();
    xs.push(3); xs.push(4);
    println("{}", first_even(xs));
}
