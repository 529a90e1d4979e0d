// A persistent (immutable) list as a generic struct over Option<rc<Cell<T>>>: push makes a new
// head sharing the old tail, so versions share structure; instantiated for i64 and string, with
// a weak<Cell<i64>> showing a shared tail outlives one version and goes with the last.
struct Cell<T> { value: T, next: Option<rc<Cell<T>>> }
struct List<T> { head: Option<rc<Cell<T>>>, len: i64 }

impl<T> List<T> {
    func empty() -> List<T> { return List { head: None, len: 0 }; }
    func push(self, v: T) -> List<T> {
        return List { head: Some(rc::new(Cell { value: v, next: self.head })), len: self.len + 1 };
    }
    func tail(self) -> List<T> {
        match self.head {
            Some(c) => { return List { head: c.next, len: self.len - 1 }; }
            None => { return self; }
        }
    }
    func first(self) -> Option<T> {
        match self.head {
            Some(c) => { return Some(c.value); }
            None => { return None; }
        }
    }
    func to_array(self) -> Array<T> {
        let out: Array<T> = Array::new();
        let cur = self.head;
        while (cur.is_some()) {
            let c = cur.unwrap();
            out.push(c.value);
            cur = c.next;
        }
        return out;
    }
}

func show_ints(l: List<i64>) -> string {
    let s = "";
    for v in l.to_array() { s = s + format("{} ", v); }
    return format("[{}] len {}", s.trim(), l.len);
}

func weak_head(l: List<i64>) -> weak<Cell<i64>> {
    let c = l.head.unwrap();
    return weak::new(&c);
}

func main() {
    let base: List<i64> = List::empty();
    for i in 1..4 { base = base.push(i * 100); }
    let a = base.push(1);
    let b = base.push(2).push(3);
    let c = b.tail().tail().tail();
    println("base {}", show_ints(base));
    println("a    {}", show_ints(a));
    println("b    {}", show_ints(b));
    println("c    {}", show_ints(c));
    let shared = weak_head(base);
    base = List::empty();
    a = a.tail().push(7);
    println("after base dropped: shared alive {} a {}", shared.upgrade().is_some(), show_ints(a));
    a = List::empty();
    b = List::empty();
    println("after a and b dropped: {}", shared.upgrade().is_some());
    c = c.tail();
    println("after c moved on: {} c {}", shared.upgrade().is_some(), show_ints(c));
    let words: List<string> = List::empty();
    for w in "one two three four".split(" ") { words = words.push(w); }
    let more = words.tail().push("FIVE");
    println("{} | {} | first {} / {}", join(words.to_array()), join(more.to_array()), words.first().unwrap(), more.first().unwrap_or("-"));
    let none: List<string> = List::empty();
    println("empty first {} tail len {}", none.first().is_none(), none.tail().len);
}

func join(xs: Array<string>) -> string {
    let s = "";
    for x in xs {
        if (s.len() > 0) { s = s + ","; }
        s = s + x;
    }
    return s;
}
