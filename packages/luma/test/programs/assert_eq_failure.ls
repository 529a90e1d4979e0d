// Assert_eq reports both values.
// expect-status: 101
// expect-stderr: panic: assertion `left == right` failed
// expect-stderr:   left: 1.5
// expect-stderr:  right: 2.0
// expect-stderr:   at assert_eq_failure.ls:10:5
func main() {
    assert(1 < 2);
    assert_eq(2 + 2, 4);
    assert_eq(1.5, 2.0);
}
