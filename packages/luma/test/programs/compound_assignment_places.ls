// A compound assignment evaluates its place once: the index or key expression (a call that counts
// itself) runs once, so the read and the store hit the same element, in a fixed array, an Array and a Map.
struct Counter { n: i64 }
func tick(c: rc<Counter>) -> i64 {
    c.n += 1;
    return c.n;
}
func main() {
    let c = rc::new(Counter { n: 0 });
    let xs = [0, 0, 0, 0, 0];
    xs[tick(c)] += 10;
    println("{} {} {} calls {}", xs[1], xs[2], xs[3], c.n);
    let ys: Array<i64> = Array::new();
    for _ in 0..5 { ys.push(0); }
    ys[tick(c)] += 10;
    println("{} {} {} calls {}", ys[2], ys[3], ys[4], c.n);
    main2();
}

func main2() {
    let c = rc::new(Counter { n: 0 });
    let m: Map<i64, i64> = Map::new();
    for i in 0..5 { m[i] = 0; }
    m[tick(c)] += 10;
    println("{} {} calls {}", m[1], m[2], c.n);
}
