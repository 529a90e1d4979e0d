// Recursion with a memo in a Map<i64, i64>, passed along; Collatz lengths by a loop; a recursive
// power set size through an Array of Arrays.
func fib(n: i64, memo: Map<i64, i64>) -> i64 {
    if (n < 2) { return n; }
    match memo.get(n) {
        Some(v) => { return v; }
        None => {}
    }
    let v = fib(n - 1, memo) + fib(n - 2, memo);
    memo.insert(n, v);
    return v;
}

func collatz(start: i64) -> i64 {
    let n = start;
    let steps = 0;
    while (n != 1) {
        if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
        steps += 1;
    }
    return steps;
}

func subsets(items: Array<i64>, from: i64) -> Array<Array<i64>> {
    let result: Array<Array<i64>> = Array::new();
    if (from == items.len()) {
        let empty: Array<i64> = Array::new();
        result.push(empty);
        return result;
    }
    for rest in subsets(items, from + 1) {
        result.push(rest);
        let with: Array<i64> = Array::new();
        with.push(items[from]);
        for x in rest { with.push(x); }
        result.push(with);
    }
    return result;
}

func main() {
    let memo: Map<i64, i64> = Map::new();
    println("{} {}", fib(90, memo), memo.len());
    let best = 0;
    let best_start = 0;
    for s in 1..30 {
        let c = collatz(s);
        if (c > best) { best = c; best_start = s; }
    }
    println("{} {}", best_start, best);
    let items: Array<i64> = Array::new();
    items.push(1); items.push(2); items.push(3);
    let all = subsets(items, 0);
    let total = all.map(|s| s.reduce(0, |a, x| a + x)).reduce(0, |a, x| a + x);
    println("{} subsets, sum of sums {}", all.len(), total);
}
