// Compound assignment evaluates its place once even when the index has side effects: a histogram
// bumped at xs[next()] += 1, a grid at grid[row()][col()] -= 1, struct fields in an array
// (items[pick()].count *= 2), Map entries m[key()] += ..., and every operator (+= -= *= /= %= <<= >>= &= |= ^=).
struct Item { name: string, count: i64 }
struct Calls { n: i64, log: string }

func next(c: rc<Calls>, values: Array<i64>) -> i64 {
    let v = values[c.n % values.len()];
    c.n += 1;
    c.log = c.log + format("{}", v);
    return v;
}

func main() {
    let c = rc::new(Calls { n: 0, log: "" });
    let seq: Array<i64> = Array::new();
    for v in [2, 0, 2, 3, 1, 2, 0, 3, 3, 3] { seq.push(v); }
    let hist = [0; 4];
    for _ in 0..10 { hist[next(c, seq)] += 1; }
    println("hist {} {} {} {} after {} calls ({})", hist[0], hist[1], hist[2], hist[3], c.n, c.log);
    let grid: Array<Array<i64>> = Array::new();
    for r in 0..3 {
        let row: Array<i64> = Array::new();
        for k in 0..4 { row.push(r * 4 + k); }
        grid.push(row);
    }
    c.log = "";
    for _ in 0..5 { grid[next(c, seq) % 3][next(c, seq)] -= 100; }
    for row in grid {
        let line = "";
        for v in row { line = line + format("{:>5}", v); }
        println("{}", line);
    }
    println("calls {} ({})", c.n, c.log);
    let items: Array<Item> = Array::new();
    for name in ["ax", "bo", "cy", "dee"] { items.push(Item { name: name, count: 1 }); }
    c.log = "";
    for _ in 0..6 { items[next(c, seq)].count *= 3; }
    for it in items { print("{}={} ", it.name, it.count); }
    println("({})", c.log);
    let m: Map<string, i64> = Map::new();
    let keys = ["x", "y", "z", "w"];
    for k in keys { m[k] = 1; }
    c.log = "";
    for _ in 0..7 { m[keys[next(c, seq)]] += 10; }
    for (k, v) in m { print("{}:{} ", k, v); }
    println("({})", c.log);
    let v = 1000;
    v += 7; v -= 3; v *= -2; v /= 3; v %= 100;
    let b = 0xF0;
    b <<= 4; b >>= 2; b &= 0x3C3; b |= 5; b ^= 0xFF;
    println("v {} b {}", v, b);
}
