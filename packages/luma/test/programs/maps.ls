// Map<K, V>: string keys counted, get/insert/contains_key/remove/len, m[k] reads and stores,
// keys() and values() in insertion order, for (k, v) in m; i32 keys holding arrays, bool keys;
// a missing key read with m[k] panics.
// expect-status: 101
// expect-stderr: panic: key not found in the map
// expect-stderr:   at maps.ls:41:19
func main() {
    let counts: Map<string, i64> = Map::new();
    for w in "the cat and the hat and the bat".split(" ") {
        match counts.get(w) {
            Some(n) => { counts.insert(w, n + 1); }
            None => { counts.insert(w, 1); }
        }
    }
    println("{} words, the={} cat={}", counts.len(), counts["the"], counts.get("cat").unwrap());
    for (word, n) in counts { print("{}:{} ", word, n); }
    println("");
    println("{} {}", counts.contains_key("and"), counts.contains_key("dog"));
    let removed = counts.remove("and");
    println("{} {} {}", removed.unwrap(), counts.len(), counts.remove("and").is_none());
    counts["cat"] = 10;
    counts["dog"] = 4;
    let ks = counts.keys();
    let vs = counts.values();
    println("{} {} {} {}", ks[0], ks[ks.len() - 1], vs[1], vs.reduce(0, |a, b| a + b));
    let squares: Map<i32, Array<i64>> = Map::new();
    for i in 0..5 {
        let row: Array<i64> = Array::new();
        for j in 0..i { row.push(j * j); }
        squares.insert(i as i32, row);
    }
    let total = 0;
    for (k, row) in squares { total += (k as i64) * row.len(); }
    println("total {} {}", total, squares[4][3]);
    let flags: Map<bool, string> = Map::new();
    flags[true] = "yes";
    flags[false] = "no";
    flags[true] = "YES";
    for (k, v) in flags { print("{}={} ", k, v); }
    println("");
    println("{}", counts["nope"]);
}
