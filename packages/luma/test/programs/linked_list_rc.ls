// A singly linked list of rc nodes (Option<rc<Node>> links): built from an Array, reversed in place
// by relinking, the middle found with slow and fast cursors, two sorted lists merged, and every
// list printed by walking it.
struct Node { value: i64, next: Option<rc<Node>> }

func from_array(xs: Array<i64>) -> Option<rc<Node>> {
    let head: Option<rc<Node>> = None;
    let i = xs.len() - 1;
    while (i >= 0) {
        head = Some(rc::new(Node { value: xs[i], next: head }));
        i -= 1;
    }
    return head;
}

func show(list: Option<rc<Node>>) -> string {
    let out = "[";
    let cur = list;
    let first = true;
    while (true) {
        match cur {
            Some(n) => {
                if (!first) { out = out + " -> "; }
                out = out + format("{}", n.value);
                first = false;
                cur = n.next;
            }
            None => { break; }
        }
    }
    return out + "]";
}

func reverse(list: Option<rc<Node>>) -> Option<rc<Node>> {
    let prev: Option<rc<Node>> = None;
    let cur = list;
    while (true) {
        match cur {
            Some(n) => {
                let next = n.next;
                n.next = prev;
                prev = Some(n);
                cur = next;
            }
            None => { return prev; }
        }
    }
}

func middle(list: Option<rc<Node>>) -> i64 {
    let slow = list;
    let fast = list;
    while (true) {
        match fast {
            Some(f) => {
                match f.next {
                    Some(f2) => {
                        fast = f2.next;
                        match slow {
                            Some(s) => { slow = s.next; }
                            None => {}
                        }
                    }
                    None => { break; }
                }
            }
            None => { break; }
        }
    }
    match slow {
        Some(s) => { return s.value; }
        None => { return -1; }
    }
}

func merge(a: Option<rc<Node>>, b: Option<rc<Node>>) -> Option<rc<Node>> {
    match a {
        None => { return b; }
        Some(x) => {
            match b {
                None => { return a; }
                Some(y) => {
                    if (x.value <= y.value) {
                        x.next = merge(x.next, b);
                        return a;
                    }
                    y.next = merge(a, y.next);
                    return b;
                }
            }
        }
    }
}

func main() {
    let xs: Array<i64> = Array::new();
    for i in 1..8 { xs.push(i * i); }
    let list = from_array(xs);
    println("{} middle {}", show(list), middle(list));
    let rev = reverse(list);
    println("{} middle {}", show(rev), middle(rev));
    println("old head now: {}", show(list));
    let evens: Array<i64> = Array::new();
    let odds: Array<i64> = Array::new();
    for i in 0..6 { evens.push(i * 4); odds.push(i * 3 + 1); }
    let merged = merge(from_array(evens), from_array(odds));
    println("{} middle {}", show(merged), middle(merged));
    let empty: Array<i64> = Array::new();
    println("{} {}", show(from_array(empty)), middle(from_array(empty)));
}
