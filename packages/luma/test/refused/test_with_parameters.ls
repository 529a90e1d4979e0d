// expect-error: E0224
// expect-line: 9
// expect-message: a `#[test]` function cannot have parameters
func add(a: i64, b: i64) -> i64 {
    return a + b;
}

#[test]
func adds_numbers(a: i64, b: i64) {
    assert_eq(add(a, b), a + b);
}
