// bench-size: 2000
// c-port: packages/python/bench/spectral_norm.c
// The benchmarks-game spectral norm, as packages/python/bench/spectral_norm.c: power iteration of
// A^T A on arrays of f64, where a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1).

func eval_a(i: i64, j: i64) -> f64 {
    return 1.0 / (((i + j) * (i + j + 1) / 2 + i + 1) as f64);
}

func times_a(u: Array<f64>, out: Array<f64>) {
    let n = u.len();
    for i in 0..n {
        let total = 0.0;
        for j in 0..n { total += eval_a(i, j) * u[j]; }
        out[i] = total;
    }
}

func times_at(u: Array<f64>, out: Array<f64>) {
    let n = u.len();
    for i in 0..n {
        let total = 0.0;
        for j in 0..n { total += eval_a(j, i) * u[j]; }
        out[i] = total;
    }
}

func times_at_a(u: Array<f64>, out: Array<f64>, tmp: Array<f64>) {
    times_a(u, tmp);
    times_at(tmp, out);
}

func filled(n: i64, value: f64) -> Array<f64> {
    let xs: Array<f64> = Array::new();
    for _ in 0..n { xs.push(value); }
    return xs;
}

func main() {
    let n = args()[1].parse_i64().unwrap();
    let u = filled(n, 1.0);
    let v = filled(n, 0.0);
    let tmp = filled(n, 0.0);
    for _ in 0..10 {
        times_at_a(u, v, tmp);
        times_at_a(v, u, tmp);
    }
    let vbv = 0.0;
    let vv = 0.0;
    for i in 0..n {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    println("{:.9}", sqrt(vbv / vv));
}
