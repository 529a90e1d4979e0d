// Out-parameters through pointers: divmod and min/max write to &locals, a counter bumped through
// &@p, pointer arithmetic by casting to i64 and back, and C's abs and labs declared extern.
extern func abs(x: i32) -> i32;
extern func labs(x: i64) -> i64;

func divmod(a: i64, b: i64, q: ptr<i64>, r: ptr<i64>) {
    @q = a / b;
    @r = a % b;
}

func min_max(xs: ptr<i64>, n: i64, lo: ptr<i64>, hi: ptr<i64>) -> i64 {
    @lo = xs[0];
    @hi = xs[0];
    let changes = 0;
    for i in 1..n {
        if (xs[i] < @lo) { @lo = xs[i]; changes += 1; }
        if (xs[i] > @hi) { @hi = xs[i]; changes += 1; }
    }
    return changes;
}

func bump(counter: ptr<i64>, by: i64) {
    let same = &@counter;
    @same += by;
}

func nth(base: ptr<i64>, i: i64) -> ptr<i64> {
    return ((base as i64) + i * sizeof(i64)) as ptr<i64>;
}

func main() {
    let q = 0;
    let r = 0;
    for pair in [[17, 5], [-17, 5], [17, -5], [-17, -5], [4, 9]] {
        divmod(pair[0], pair[1], &q, &r);
        println("{} = {} * {} + {}", pair[0], pair[1], q, r);
    }
    let n = 9;
    let xs = alloc(i64, n);
    let seed = 7;
    for i in 0..n {
        seed = (seed * 37 + 11) % 101;
        xs[i] = seed - 50;
    }
    let lo = 0;
    let hi = 0;
    let changes = min_max(xs, n, &lo, &hi);
    println("min {} max {} after {} changes", lo, hi, changes);
    let calls = 0;
    for i in 0..n { bump(&calls, labs(xs[i])); }
    println("sum of |x| {}", calls);
    @nth(xs, 4) = 1000;
    println("xs[4] {} via nth(xs, 8) {} same address {}", xs[4], @nth(xs, 8), nth(xs, 8) == &xs[8]);
    let small: i32 = -2147483647;
    println("abs {} {} {}", abs(small), abs(-5), abs(0));
    let gap = (nth(xs, 7) as i64) - (xs as i64);
    println("gap {} bytes", gap);
    free(xs);
}
