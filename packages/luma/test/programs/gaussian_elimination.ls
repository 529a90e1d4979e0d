// Linear algebra on Array<Array<f64>>: Gaussian elimination with partial pivoting solving A x = b,
// the determinant from the pivots (with the sign of the row swaps), a singular matrix reported as
// None, the residual of the solution checked, and results in fixed decimals.
func copy(m: Array<Array<f64>>) -> Array<Array<f64>> {
    return m.map(|row| row.map(|x| x));
}

func solve(a_in: Array<Array<f64>>, b_in: Array<f64>) -> Option<Array<f64>> {
    let a = copy(a_in);
    let b = b_in.map(|x| x);
    let n = a.len();
    for col in 0..n {
        let pivot = col;
        for r in (col + 1)..n { if (abs(a[r][col]) > abs(a[pivot][col])) { pivot = r; } }
        if (abs(a[pivot][col]) < 1e-12) { return None; }
        let t = a[col]; a[col] = a[pivot]; a[pivot] = t;
        let tb = b[col]; b[col] = b[pivot]; b[pivot] = tb;
        for r in (col + 1)..n {
            let f = a[r][col] / a[col][col];
            for c in col..n { a[r][c] -= f * a[col][c]; }
            b[r] -= f * b[col];
        }
    }
    let x: Array<f64> = Array::new();
    for _ in 0..n { x.push(0.0); }
    let i = n - 1;
    while (i >= 0) {
        let s = b[i];
        for c in (i + 1)..n { s -= a[i][c] * x[c]; }
        x[i] = s / a[i][i];
        i -= 1;
    }
    return Some(x);
}

func determinant(m: Array<Array<f64>>) -> f64 {
    let a = copy(m);
    let n = a.len();
    let det = 1.0;
    for col in 0..n {
        let pivot = col;
        for r in (col + 1)..n { if (abs(a[r][col]) > abs(a[pivot][col])) { pivot = r; } }
        if (a[pivot][col] == 0.0) { return 0.0; }
        if (pivot != col) { let t = a[col]; a[col] = a[pivot]; a[pivot] = t; det = -det; }
        det *= a[col][col];
        for r in (col + 1)..n {
            let f = a[r][col] / a[col][col];
            for c in col..n { a[r][c] -= f * a[col][c]; }
        }
    }
    return det;
}

func rows(text: string) -> Array<Array<f64>> {
    let m: Array<Array<f64>> = Array::new();
    for line in text.split(";") { m.push(line.trim().split(" ").map(|s| s.parse_f64().unwrap())); }
    return m;
}

func main() {
    let a = rows("2 1 -1; -3 -1 2; -2 1 2");
    let b: Array<f64> = Array::new();
    b.push(8.0); b.push(-11.0); b.push(-3.0);
    match solve(a, b) {
        Some(x) => {
            println("x = [{:.6}, {:.6}, {:.6}]", x[0], x[1], x[2]);
            let worst = 0.0;
            for i in 0..3 {
                let s = 0.0;
                for j in 0..3 { s += a[i][j] * x[j]; }
                worst = max(worst, abs(s - b[i]));
            }
            println("residual below 1e-12: {}", worst < 1e-12);
        }
        None => { println("singular"); }
    }
    println("a unchanged: {} {}", a[0][0], a[2][2]);
    println("det = {:.6}", determinant(a));
    let h = rows("1 0.5 0.3333333333333333; 0.5 0.3333333333333333 0.25; 0.3333333333333333 0.25 0.2");
    println("det(hilbert3) = {:.10}", determinant(h));
    let s = rows("1 2 3; 2 4 6; 1 0 1");
    println("singular solve: {}, det {}", solve(s, b).is_none(), determinant(s));
    let p = rows("0 1; 1 0");
    println("det(swap) = {}", determinant(p));
}
