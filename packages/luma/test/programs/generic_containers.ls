// Generic code instantiated at several types: max/min_of/index_of over Array<T> for integers,
// floats and strings, a Pair<A, B> with a generic impl (swap, map_first with a closure), and a
// generic sorted-insert helper.
struct Pair<A, B> { first: A, second: B }

impl<A, B> Pair<A, B> {
    func new(first: A, second: B) -> Pair<A, B> { return Pair { first: first, second: second }; }
    func swap(self) -> Pair<B, A> { return Pair { first: self.second, second: self.first }; }
    func with_first(self, f: func(A) -> A) -> Pair<A, B> { return Pair { first: f(self.first), second: self.second }; }
}

func largest<T>(xs: Array<T>) -> Option<T> {
    if (xs.len() == 0) { return None; }
    let best = xs[0];
    for x in xs { if (x > best) { best = x; } }
    return Some(best);
}

func index_of<T>(xs: Array<T>, wanted: T) -> i64 {
    for i in 0..xs.len() { if (xs[i] == wanted) { return i; } }
    return -1;
}

func insert_sorted<T>(xs: Array<T>, x: T) {
    let i = 0;
    while (i < xs.len() && xs[i] < x) { i += 1; }
    xs.insert(i, x);
}

func min_max<T>(xs: Array<T>) -> Pair<T, T> {
    let lo = xs[0];
    let hi = xs[0];
    for x in xs {
        if (x < lo) { lo = x; }
        if (x > hi) { hi = x; }
    }
    return Pair::new(lo, hi);
}

func main() {
    let ints: Array<i64> = Array::new();
    for x in [5, -3, 12, 7, 12, 0] { insert_sorted(ints, x); }
    let floats: Array<f64> = Array::new();
    for x in [2.5, -0.5, 9.75, 3.0] { insert_sorted(floats, x); }
    let words: Array<string> = Array::new();
    for w in ["pear", "apple", "fig", "banana"] { insert_sorted(words, w); }
    println("{} {} {} {}", ints[0], ints[5], floats[1], words[0]);
    println("{} {} {}", largest(ints).unwrap(), largest(floats).unwrap(), largest(words).unwrap());
    let none: Array<u8> = Array::new();
    println("{} {}", largest(none).is_none(), largest(none).unwrap_or(255));
    println("{} {} {}", index_of(ints, 12), index_of(words, "fig"), index_of(floats, 1.0));
    let mm = min_max(words);
    println("{}..{}", mm.first, mm.second);
    let p = Pair::new("answer", 42);
    let q = p.swap();
    let r = q.with_first(|n| n * 2);
    println("{} {} | {} {} | {} {}", p.first, p.second, q.first, q.second, r.first, r.second);
    let nested = Pair::new(Pair::new(1, 2.5), "outer");
    println("{} {} {}", nested.first.first, nested.first.second, nested.swap().first);
}
