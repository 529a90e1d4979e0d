// expect-error: E0200
// expect-line: 8
// expect-message: expected bool, found i64
func is_even(n: i64) -> bool {
    if (n % 2 == 0) {
        return true;
    }
    return n % 2;
}

func main() {
    println("{}", is_even(4));
}
