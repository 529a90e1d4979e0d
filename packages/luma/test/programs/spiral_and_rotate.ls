// Matrices of integers as Array<Array<i64>>: filled in a clockwise spiral, rotated a quarter turn,
// transposed, read back in spiral order, with row and diagonal sums and right-aligned printing.
func make(n: i64, m: i64) -> Array<Array<i64>> {
    let g: Array<Array<i64>> = Array::new();
    for _ in 0..n {
        let row: Array<i64> = Array::new();
        for _ in 0..m { row.push(0); }
        g.push(row);
    }
    return g;
}

func spiral_fill(n: i64, m: i64) -> Array<Array<i64>> {
    let g = make(n, m);
    let top = 0;
    let bottom = n - 1;
    let left = 0;
    let right = m - 1;
    let k = 1;
    while (top <= bottom && left <= right) {
        for c in left..(right + 1) { g[top][c] = k; k += 1; }
        top += 1;
        for r in top..(bottom + 1) { g[r][right] = k; k += 1; }
        right -= 1;
        if (top <= bottom) {
            let c = right;
            while (c >= left) { g[bottom][c] = k; k += 1; c -= 1; }
            bottom -= 1;
        }
        if (left <= right) {
            let r = bottom;
            while (r >= top) { g[r][left] = k; k += 1; r -= 1; }
            left += 1;
        }
    }
    return g;
}

func rotate(g: Array<Array<i64>>) -> Array<Array<i64>> {
    let n = g.len();
    let m = g[0].len();
    let out = make(m, n);
    for r in 0..n {
        for c in 0..m { out[c][n - 1 - r] = g[r][c]; }
    }
    return out;
}

func transpose(g: Array<Array<i64>>) -> Array<Array<i64>> {
    let out = make(g[0].len(), g.len());
    for r in 0..g.len() { for c in 0..g[0].len() { out[c][r] = g[r][c]; } }
    return out;
}

func print_grid(title: string, g: Array<Array<i64>>) {
    println("{} ({}x{}):", title, g.len(), g[0].len());
    for row in g {
        let line = "";
        for x in row { line = line + format("{:>4}", x); }
        println("{}", line);
    }
}

func main() {
    let s = spiral_fill(4, 5);
    print_grid("spiral", s);
    print_grid("rotated", rotate(s));
    let t = transpose(s);
    print_grid("transposed", t);
    let sq = spiral_fill(5, 5);
    let d1 = 0;
    let d2 = 0;
    for i in 0..5 { d1 += sq[i][i]; d2 += sq[i][4 - i]; }
    println("5x5 spiral: centre {}, diagonals {} and {}", sq[2][2], d1, d2);
    let sums = sq.map(|row| row.reduce(0, |a, b| a + b));
    println("row sums: {} {} {} {} {}", sums[0], sums[1], sums[2], sums[3], sums[4]);
    let four = rotate(rotate(rotate(rotate(sq))));
    let same = true;
    for r in 0..5 { for c in 0..5 { if (four[r][c] != sq[r][c]) { same = false; } } }
    println("four rotations give the same matrix: {}", same);
}
