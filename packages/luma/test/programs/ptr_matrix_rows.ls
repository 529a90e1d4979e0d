// Matrices in raw memory: alloc(f64, rows * cols) in row-major order, p[i] reads and writes,
// &p[i] for a row's address, C's memcpy and memset through pointer casts, and free.
extern func memcpy(dst: ptr<u8>, src: ptr<u8>, n: u64) -> ptr<u8>;
extern func memset(p: ptr<u8>, c: i32, n: u64) -> ptr<u8>;

struct Matrix { data: ptr<f64>, rows: i64, cols: i64 }

func matrix(rows: i64, cols: i64) -> Matrix {
    return Matrix { data: alloc(f64, rows * cols), rows: rows, cols: cols };
}

func row(m: Matrix, r: i64) -> ptr<f64> {
    return &m.data[r * m.cols];
}

func multiply(a: Matrix, b: Matrix) -> Matrix {
    let c = matrix(a.rows, b.cols);
    for i in 0..a.rows {
        let out = row(c, i);
        let left = row(a, i);
        for k in 0..a.cols {
            let right = row(b, k);
            for j in 0..b.cols { out[j] += left[k] * right[j]; }
        }
    }
    return c;
}

func show(name: string, m: Matrix) {
    println("{} ({}x{}):", name, m.rows, m.cols);
    for i in 0..m.rows {
        let line = "";
        for j in 0..m.cols { line = line + format("{:>8.2}", m.data[i * m.cols + j]); }
        println("{}", line);
    }
}

func main() {
    let a = matrix(2, 3);
    let b = matrix(3, 2);
    for i in 0..6 {
        a.data[i] = (i + 1) as f64;
        b.data[i] = 0.5 * ((i as f64) - 2.0);
    }
    show("a", a);
    show("b", b);
    let c = multiply(a, b);
    show("a*b", c);
    let d = multiply(b, a);
    show("b*a", d);
    // Swap d's first and last rows through a scratch row.
    let bytes = (d.cols * sizeof(f64)) as u64;
    let scratch = alloc(f64, d.cols);
    memcpy(scratch as ptr<u8>, row(d, 0) as ptr<u8>, bytes);
    memcpy(row(d, 0) as ptr<u8>, row(d, 2) as ptr<u8>, bytes);
    memcpy(row(d, 2) as ptr<u8>, scratch as ptr<u8>, bytes);
    memset(row(d, 1) as ptr<u8>, 0, bytes);
    show("rows swapped, middle cleared", d);
    let stride = (row(d, 1) as i64) - (row(d, 0) as i64);
    println("row stride {} bytes, f64 is {} bytes", stride, sizeof(f64));
    let trace = 0.0;
    for i in 0..d.rows { trace += d.data[i * d.cols + i]; }
    println("trace {}", trace);
    free(scratch);
    free(a.data);
    free(b.data);
    free(c.data);
    free(d.data);
}
