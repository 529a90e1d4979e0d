// Matrices as arrays of arrays of f64: made, multiplied and traced; the identity times a matrix is
// the matrix.
func matrix(n: i64, f: f64) -> Array<Array<f64>> {
    let m: Array<Array<f64>> = Array::new();
    for i in 0..n {
        let row: Array<f64> = Array::new();
        for j in 0..n { row.push(f * ((i * n + j) as f64)); }
        m.push(row);
    }
    return m;
}

func identity(n: i64) -> Array<Array<f64>> {
    let m = matrix(n, 0.0);
    for i in 0..n { m[i][i] = 1.0; }
    return m;
}

func multiply(a: Array<Array<f64>>, b: Array<Array<f64>>) -> Array<Array<f64>> {
    let n = a.len();
    let c = matrix(n, 0.0);
    for i in 0..n {
        for j in 0..n {
            let s = 0.0;
            for k in 0..n { s += a[i][k] * b[k][j]; }
            c[i][j] = s;
        }
    }
    return c;
}

func trace(m: Array<Array<f64>>) -> f64 {
    let t = 0.0;
    for i in 0..m.len() { t += m[i][i]; }
    return t;
}

func main() {
    let a = matrix(3, 1.0);
    let p = multiply(identity(3), a);
    println("{} {} {}", trace(a), trace(p), p[2][1]);
    let sq = multiply(a, a);
    println("{} {}", sq[0][0], sq[2][2]);
}
