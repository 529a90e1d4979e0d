// Map<K, V> iteration order: insertion order kept when a key's value is replaced, a removed key
// inserted again goes to the end, keys()/values() snapshots, integer keys with negative values,
// and a histogram of remainders printed in first-seen order and then by sorted keys.
func show(m: Map<string, i64>) -> string {
    let s = "";
    for (k, v) in m { s = s + format("{}={} ", k, v); }
    return s.trim();
}

func main() {
    let m: Map<string, i64> = Map::new();
    for w in ["delta", "alpha", "charlie", "bravo", "echo"] { m.insert(w, w.len()); }
    println("{}", show(m));
    m.insert("alpha", 100);
    m["charlie"] = m["charlie"] * 2;
    println("{}", show(m));
    println("removed {} {}", m.remove("delta").unwrap(), m.remove("zulu").is_none());
    m.insert("delta", -1);
    println("{}", show(m));
    let ks = m.keys();
    let vs = m.values();
    m.insert("foxtrot", 7);
    println("snapshot {} keys, {} values; map now {}", ks.len(), vs.len(), m.len());
    ks.sort();
    println("sorted keys: {} {} {}", ks[0], ks[1], ks[ks.len() - 1]);
    let hist: Map<i64, i64> = Map::new();
    for i in 0..40 {
        let r = (i * i * 7 - 30) % 9;
        hist[r] = hist.get(r).unwrap_or(0) + 1;
    }
    let line = "";
    for (r, n) in hist { line = line + format("{}:{} ", r, n); }
    println("first seen: {}", line.trim());
    let keys = hist.keys();
    keys.sort();
    line = "";
    for k in keys { line = line + format("{}:{} ", k, hist[k]); }
    println("sorted:     {}", line.trim());
    let total = hist.values().reduce(0, |a, b| a + b);
    println("{} remainders seen, {} numbers", hist.len(), total);
    for k in hist.keys() { if (k < 0) { hist.remove(k); } }
    println("non-negative remainders: {}", hist.len());
}
