// Fixed arrays [N]T held by value: literals and repeats, copies on assignment, on passing and
// into an Array, inside a struct copied deeply, nested arrays, in-place stores and sort; an index
// out of bounds panics.
// expect-status: 101
// expect-stderr: panic: index out of bounds: the len is 4 but the index is 7
// expect-stderr:   at fixed_arrays.ls:42:19
struct Grid { cells: [4]i64, name: string }
func total(xs: [4]i64) -> i64 {
    let t = 0;
    for x in xs { t += x; }
    return t;
}
func bump(xs: [4]i64) -> [4]i64 { xs[0] += 100; return xs; }
func main() {
    let a = [1, 2, 3, 4];
    let b = a;
    b[0] = 10;
    println("{} {} {} {}", a[0], b[0], a.len(), total(a));
    let c = bump(a);
    println("{} {}", a[0], c[0]);
    let zeros = [0.5; 3];
    zeros[1] = 2.0;
    println("{} {} {}", zeros[0], zeros[1], zeros[2]);
    let g = Grid { cells: [5, 6, 7, 8], name: "g" };
    let h = g;
    h.cells[3] = 80;
    println("{} {} {}", g.cells[3], h.cells[3], total(h.cells));
    let words = ["pear", "fig", "apple"];
    words.sort();
    println("{} {} {}", words[0], words[1], words[2]);
    let rows: Array<[2]i64> = Array::new();
    let r = [1, 2];
    rows.push(r);
    r[0] = 9;
    rows.push(r);
    println("{} {} {}", rows[0][0], rows[1][0], rows.len());
    let m = [[1, 2], [3, 4]];
    let n = m;
    n[1][0] = 30;
    println("{} {}", m[1][0], n[1][0]);
    let k = a.len() + 3;
    println("{}", a[k]);
}
