// Recursive merge sort of 2000 pseudo-random numbers from an LCG into new arrays, checked against
// the in-place sort(), with a positional checksum.
func merge(a: Array<i64>, b: Array<i64>) -> Array<i64> {
    let out: Array<i64> = Array::new();
    let i = 0;
    let j = 0;
    while (i < a.len() && j < b.len()) {
        if (a[i] <= b[j]) { out.push(a[i]); i += 1; } else { out.push(b[j]); j += 1; }
    }
    while (i < a.len()) { out.push(a[i]); i += 1; }
    while (j < b.len()) { out.push(b[j]); j += 1; }
    return out;
}

func merge_sort(xs: Array<i64>, lo: i64, hi: i64) -> Array<i64> {
    if (hi - lo <= 1) {
        let single: Array<i64> = Array::new();
        if (hi > lo) { single.push(xs[lo]); }
        return single;
    }
    let mid = (lo + hi) / 2;
    return merge(merge_sort(xs, lo, mid), merge_sort(xs, mid, hi));
}

func main() {
    let xs: Array<i64> = Array::new();
    let state = 42;
    for _ in 0..2000 {
        state = (state * 1103515245 + 12345) % 2147483648;
        xs.push(state % 10000 - 5000);
    }
    let sorted = merge_sort(xs, 0, xs.len());
    xs.sort();
    let same = true;
    let checksum = 0;
    for i in 0..sorted.len() {
        if (sorted[i] != xs[i]) { same = false; }
        checksum = (checksum * 31 + sorted[i] + 5000) % 1000000007;
    }
    println("{} sorted, same as sort(): {}", sorted.len(), same);
    println("min {} median {} max {}", sorted[0], sorted[1000], sorted[1999]);
    println("checksum {}", checksum);
}
