// Array<T>: push, pop, insert, remove, contains, reverse, indexing and stores (compound too), `for`
// over elements, arrays of strings, of structs and of arrays; an index out of bounds panics.
// expect-status: 101
// expect-stderr: panic: index out of bounds: the len is 9 but the index is 20
// expect-stderr:   at growable_arrays.ls:49:19
struct Item { name: string, qty: i64 }
func total(items: Array<Item>) -> i64 {
    let t = 0;
    for it in items { t += it.qty; }
    return t;
}
func main() {
    let xs: Array<i64> = Array::new();
    for i in 0..10 { xs.push(i * i); }
    println("{} {} {}", xs.len(), xs[3], xs[9]);
    xs[0] = 100;
    xs[1] += 5;
    let s = 0;
    for x in xs { s += x; }
    println("sum {}", s);
    let last = xs.pop();
    println("{} {}", last.unwrap(), xs.len());
    xs.insert(0, -1);
    let removed = xs.remove(2);
    println("{} {} {} {}", xs[0], xs[1], removed, xs.len());
    println("{} {}", xs.contains(49), xs.contains(50));
    xs.reverse();
    println("{} {}", xs[0], xs[xs.len() - 1]);
    let words: Array<string> = Array::new();
    words.push("alpha"); words.push("beta"); words.push(format("g{}", 3));
    words[1] = "BETA";
    let joined = "";
    for w in words { joined = joined + w + ","; }
    println("{} {}", joined, words.pop().unwrap());
    let items: Array<Item> = Array::new();
    items.push(Item { name: "a", qty: 2 });
    items.push(Item { name: "b", qty: 5 });
    println("total {} first {}", total(items), items[0].name);
    let grid: Array<Array<f64>> = Array::new();
    for r in 0..3 {
        let row: Array<f64> = Array::new();
        for c in 0..3 { row.push((r * 3 + c) as f64 * 0.5); }
        grid.push(row);
    }
    grid[1][2] = 42.0;
    println("{} {} {}", grid[2][2], grid[1][2], grid.len());
    let empty: Array<i64> = Array::new();
    println("{}", empty.pop().is_none());
    println("{}", xs[20]);
}
