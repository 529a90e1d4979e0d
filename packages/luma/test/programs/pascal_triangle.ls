// Pascal's triangle built row by row in an Array<Array<i64>>, printed centred with right-aligned
// fields, row sums as powers of two with **, and binomials checked by the multiplicative formula.
func binomial(n: i64, k: i64) -> i64 {
    let r = 1;
    for i in 0..k { r = r * (n - i) / (i + 1); }
    return r;
}

func main() {
    let rows: Array<Array<i64>> = Array::new();
    let first: Array<i64> = Array::new();
    first.push(1);
    rows.push(first);
    for n in 1..13 {
        let prev = rows[n - 1];
        let row: Array<i64> = Array::new();
        row.push(1);
        for k in 1..n { row.push(prev[k - 1] + prev[k]); }
        row.push(1);
        rows.push(row);
    }
    for n in 0..10 {
        let line = "";
        for _ in 0..(9 - n) { line = line + "  "; }
        for x in rows[n] { line = line + format("{:>4}", x); }
        println("{}", line);
    }
    let ok = true;
    for n in 0..rows.len() {
        let sum = rows[n].reduce(0, |a, b| a + b);
        if (sum != 2 ** n) { ok = false; }
        for k in 0..(n + 1) { if (rows[n][k] != binomial(n, k)) { ok = false; } }
    }
    println("rows sum to powers of two and match n choose k: {}", ok);
    println("C(12, 6) = {}, C(40, 20) = {}, C(60, 30) = {}", rows[12][6], binomial(40, 20), binomial(60, 30));
}
