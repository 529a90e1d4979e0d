// Binary search on a sorted Array<i64>: exact lookup returning an Option, lower and upper bounds,
// and counting the occurrences of each value with them.
func find(xs: Array<i64>, target: i64) -> Option<i64> {
    let lo = 0;
    let hi = xs.len() - 1;
    while (lo <= hi) {
        let mid = lo + (hi - lo) / 2;
        if (xs[mid] == target) { return Some(mid); }
        if (xs[mid] < target) { lo = mid + 1; } else { hi = mid - 1; }
    }
    return None;
}

func lower_bound(xs: Array<i64>, target: i64) -> i64 {
    let lo = 0;
    let hi = xs.len();
    while (lo < hi) {
        let mid = (lo + hi) / 2;
        if (xs[mid] < target) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
}

func upper_bound(xs: Array<i64>, target: i64) -> i64 {
    let lo = 0;
    let hi = xs.len();
    while (lo < hi) {
        let mid = (lo + hi) / 2;
        if (xs[mid] <= target) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
}

func main() {
    let xs: Array<i64> = Array::new();
    for i in 0..40 { xs.push((i * i) % 17); }
    xs.sort();
    println("{} values, first {} last {}", xs.len(), xs[0], xs[xs.len() - 1]);
    for t in [0, 4, 5, 13, 16, 20] {
        match find(xs, t) {
            Some(i) => { println("{} found at {} (value {})", t, i, xs[i]); }
            None => { println("{} not found", t); }
        }
    }
    for t in 0..17 {
        let n = upper_bound(xs, t) - lower_bound(xs, t);
        if (n > 0) { print("{}x{} ", t, n); }
    }
    println("");
    println("insert 7 at {}, insert 100 at {}", lower_bound(xs, 7), lower_bound(xs, 100));
}
