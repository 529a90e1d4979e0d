// A generic binary min-heap over Array<T> in a struct with a generic impl (push, pop with sift
// down, peek, len): used for a heap sort of integers, for the k largest of a stream, and for
// merging sorted lists of strings.
struct Heap<T> { items: Array<T> }

impl<T> Heap<T> {
    func new() -> Heap<T> { return Heap { items: Array::new() }; }
    func len(self) -> i64 { return self.items.len(); }
    func peek(self) -> Option<T> {
        if (self.items.len() == 0) { return None; }
        return Some(self.items[0]);
    }
    func push(self, x: T) {
        self.items.push(x);
        let i = self.items.len() - 1;
        while (i > 0) {
            let p = (i - 1) / 2;
            if (!(self.items[i] < self.items[p])) { break; }
            let t = self.items[i]; self.items[i] = self.items[p]; self.items[p] = t;
            i = p;
        }
    }
    func pop(self) -> Option<T> {
        let n = self.items.len();
        if (n == 0) { return None; }
        let top = self.items[0];
        let last = self.items.pop().unwrap();
        if (n == 1) { return Some(top); }
        self.items[0] = last;
        let i = 0;
        while (true) {
            let l = 2 * i + 1;
            let r = l + 1;
            let m = i;
            if (l < n - 1 && self.items[l] < self.items[m]) { m = l; }
            if (r < n - 1 && self.items[r] < self.items[m]) { m = r; }
            if (m == i) { break; }
            let t = self.items[i]; self.items[i] = self.items[m]; self.items[m] = t;
            i = m;
        }
        return Some(top);
    }
}

func main() {
    let h: Heap<i64> = Heap::new();
    let x = 7;
    for _ in 0..25 {
        x = (x * 73 + 19) % 1009;
        h.push(x - 500);
    }
    println("{} items, min {}", h.len(), h.peek().unwrap());
    let out = "";
    while (h.len() > 0) { out = out + format("{} ", h.pop().unwrap()); }
    println("{}", out.trim());
    println("empty pop is none: {}", h.pop().is_none());
    let top: Heap<i64> = Heap::new();
    let k = 5;
    for i in 0..1000 {
        let v = (i * 7919 + 13) % 10007;
        top.push(v);
        if (top.len() > k) { top.pop(); }
    }
    let best: Array<i64> = Array::new();
    while (top.len() > 0) { best.push(top.pop().unwrap()); }
    best.reverse();
    println("5 largest: {} {} {} {} {}", best[0], best[1], best[2], best[3], best[4]);
    let words: Heap<string> = Heap::new();
    for list in ["apple kiwi pear", "banana fig", "cherry grape lemon mango"] {
        for w in list.split(" ") { words.push(w); }
    }
    let merged = "";
    while (words.len() > 0) { merged = merged + words.pop().unwrap() + " "; }
    println("{}", merged.trim());
}
