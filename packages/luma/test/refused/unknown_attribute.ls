// expect-error: E0016
// expect-line: 9
// expect-message: attribute
func double(x: i64) -> i64 {
    return x * 2;
}

#[test]
#[ignore]
func doubles_small_numbers() {
    assert_eq(double(2), 4);
}
