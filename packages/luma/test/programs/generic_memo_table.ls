// A generic struct holding a function value and a Map cache, with a generic impl, instantiated
// for i64, string, [2]i64 and a struct; plus generic fold and zip_with taking closures.
struct Memo<T> { compute: func(i64) -> T, cache: Map<i64, T>, misses: Array<i64> }

impl<T> Memo<T> {
    func new(compute: func(i64) -> T) -> Memo<T> {
        return Memo { compute: compute, cache: Map::new(), misses: Array::new() };
    }
    func get(self, n: i64) -> T {
        match self.cache.get(n) {
            Some(v) => { return v; }
            None => {}
        }
        let f = self.compute;
        let v = f(n);
        self.cache[n] = v;
        self.misses.push(n);
        return v;
    }
    func stats(self) -> string {
        return format("{} cached, {} misses", self.cache.len(), self.misses.len());
    }
}

struct Point { x: i64, y: i64 }

func fold<T, A>(xs: Array<T>, init: A, f: func(A, T) -> A) -> A {
    let acc = init;
    for x in xs { acc = f(acc, x); }
    return acc;
}

func zip_with<A, B, C>(xs: Array<A>, ys: Array<B>, f: func(A, B) -> C) -> Array<C> {
    let out: Array<C> = Array::new();
    for i in 0..min(xs.len(), ys.len()) { out.push(f(xs[i], ys[i])); }
    return out;
}

func binary(n: i64) -> string {
    if (n == 0) { return "0"; }
    let s = "";
    let v = n;
    while (v > 0) {
        s = format("{}", v % 2) + s;
        v /= 2;
    }
    return s;
}

func main() {
    let squares: Memo<i64> = Memo::new(|n| n * n);
    let bits: Memo<string> = Memo::new(binary);
    let dm: Memo<[2]i64> = Memo::new(|n: i64| -> [2]i64 { return [n / 7, n % 7]; });
    let spiral: Memo<Point> = Memo::new(|n: i64| -> Point { return Point { x: n % 3 - 1, y: n / 3 - 1 }; });
    let queries = [3, 10, 3, 45, 10, 3, 0, 45];
    let total = 0;
    let line = "";
    for q in queries {
        total += squares.get(q);
        line = line + bits.get(q) + " ";
    }
    println("sum of squares {} | {}", total, line.trim());
    println("squares: {}; bits: {}", squares.stats(), bits.stats());
    let pairs = "";
    for q in [-15, 15, 50, 15] {
        let r = dm.get(q);
        pairs = pairs + format("{}=7*{}+{} ", q, r[0], r[1]);
    }
    println("{}| {}", pairs, dm.stats());
    let walk = 0;
    for n in 0..9 {
        let p = spiral.get(n);
        walk += p.x * 10 + p.y;
    }
    println("spiral walk {} point 8 = ({}, {}) {}", walk, spiral.get(8).x, spiral.get(8).y, spiral.stats());
    let words: Array<string> = Array::new();
    for w in "generic code runs at every type".split(" ") { words.push(w); }
    let lengths = words.map(|w| w.len());
    println("longest {} letters {}", fold(lengths, 0, |a, n| max(a, n)), fold(words, "", |acc: string, w: string| acc + w.slice(0, 1)));
    let tags = zip_with(words, lengths, |w: string, n: i64| format("{}:{}", w, n));
    println("{}", fold(tags, "", |acc: string, t: string| acc + "[" + t + "]"));
    let dots = zip_with(lengths, lengths.map(|n| (n as f64) / 2.0), |a: i64, b: f64| (a as f64) * b);
    println("dot {}", fold(dots, 0.0, |a, b| a + b));
}
