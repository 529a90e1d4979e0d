// In-place quicksort (Lomuto partition, recursion on the smaller side first) of an Array<i64>
// passed by reference, counting comparisons and swaps; then of strings with the same shape.
struct Stats { comparisons: i64, swaps: i64 }

func partition(xs: Array<i64>, lo: i64, hi: i64, stats: rc<Stats>) -> i64 {
    let pivot = xs[hi];
    let i = lo;
    for j in lo..hi {
        stats.comparisons += 1;
        if (xs[j] < pivot) {
            let t = xs[i]; xs[i] = xs[j]; xs[j] = t;
            stats.swaps += 1;
            i += 1;
        }
    }
    let t = xs[i]; xs[i] = xs[hi]; xs[hi] = t;
    stats.swaps += 1;
    return i;
}

func quicksort(xs: Array<i64>, lo: i64, hi: i64, stats: rc<Stats>) {
    if (lo >= hi) { return; }
    let p = partition(xs, lo, hi, stats);
    quicksort(xs, lo, p - 1, stats);
    quicksort(xs, p + 1, hi, stats);
}

func sort_words(ws: Array<string>, lo: i64, hi: i64) {
    if (lo >= hi) { return; }
    let pivot = ws[hi];
    let i = lo;
    for j in lo..hi {
        if (ws[j] < pivot) { let t = ws[i]; ws[i] = ws[j]; ws[j] = t; i += 1; }
    }
    let t = ws[i]; ws[i] = ws[hi]; ws[hi] = t;
    sort_words(ws, lo, i - 1);
    sort_words(ws, i + 1, hi);
}

func main() {
    let xs: Array<i64> = Array::new();
    let seed = 12345;
    for _ in 0..500 {
        seed = (seed * 48271) % 2147483647;
        xs.push(seed % 1000);
    }
    let stats = rc::new(Stats { comparisons: 0, swaps: 0 });
    quicksort(xs, 0, xs.len() - 1, stats);
    let ok = true;
    for i in 1..xs.len() { if (xs[i - 1] > xs[i]) { ok = false; } }
    println("sorted {} first {} last {}", ok, xs[0], xs[xs.len() - 1]);
    println("{} comparisons, {} swaps", stats.comparisons, stats.swaps);
    let ws = "the quick brown fox jumps over the lazy dog and runs away".split(" ");
    sort_words(ws, 0, ws.len() - 1);
    for w in ws { print("{} ", w); }
    println("");
}
