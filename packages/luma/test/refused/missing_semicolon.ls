// expect-error: E0011
// expect-line: 8
// expect-message: expected `;`
/// Sums the squares of 1..n.
func sum_of_squares(n: i64) -> i64 {
    let total = 0;
    for i in 1..n + 1 {
        total += i * i
    }
    return total;
}

func main() {
    println("{}", sum_of_squares(10));
}
