// A doubly linked list: `next` is an Option<rc<Node>> that owns, `prev` a weak<Node> that does
// not, so the list has no rc cycle; walked both ways, with nodes unlinked from the middle and ends.
struct Node { value: i64, next: Option<rc<Node>>, prev: Option<weak<Node>> }
struct List { head: Option<rc<Node>>, tail: Option<weak<Node>>, len: i64 }

func push_back(list: rc<List>, value: i64) {
    let node = rc::new(Node { value: value, next: None, prev: None });
    match list.tail {
        Some(w) => {
            let last = w.upgrade().unwrap();
            node.prev = Some(w);
            last.next = Some(node.clone());
        }
        None => { list.head = Some(node.clone()); }
    }
    list.tail = Some(weak::new(&node));
    list.len += 1;
}

func forward(list: rc<List>) -> string {
    let out = "";
    let cursor = list.head;
    while (cursor.is_some()) {
        let node = cursor.unwrap();
        out = out + format("{} ", node.value);
        cursor = node.next;
    }
    return out.trim();
}

func backward(list: rc<List>) -> string {
    let out = "";
    let cursor: Option<rc<Node>> = None;
    match list.tail {
        Some(w) => { cursor = w.upgrade(); }
        None => {}
    }
    while (cursor.is_some()) {
        let node = cursor.unwrap();
        out = out + format("{} ", node.value);
        match node.prev {
            Some(w) => { cursor = w.upgrade(); }
            None => { cursor = None; }
        }
    }
    return out.trim();
}

func remove_value(list: rc<List>, value: i64) -> bool {
    let cursor = list.head;
    while (cursor.is_some()) {
        let node = cursor.unwrap();
        if (node.value == value) {
            match node.prev {
                Some(pw) => { pw.upgrade().unwrap().next = node.next; }
                None => { list.head = node.next; }
            }
            match node.next {
                Some(n) => { n.prev = node.prev; }
                None => { list.tail = node.prev; }
            }
            list.len -= 1;
            return true;
        }
        cursor = node.next;
    }
    return false;
}

func weak_of(node: rc<Node>) -> weak<Node> {
    return weak::new(&node);
}

func main() {
    let list = rc::new(List { head: None, tail: None, len: 0 });
    for i in 1..8 { push_back(list, i * 10); }
    println("{} | {} | len {}", forward(list), backward(list), list.len);
    let probe = weak_of(list.head.unwrap().next.unwrap());
    println("removed 20 {} 40 {} 70 {} 99 {}", remove_value(list, 20), remove_value(list, 40), remove_value(list, 70), remove_value(list, 99));
    println("{} | {} | len {}", forward(list), backward(list), list.len);
    println("node 20 still alive {}", probe.upgrade().is_some());
    remove_value(list, 10);
    remove_value(list, 60);
    println("{} | {} | len {}", forward(list), backward(list), list.len);
    remove_value(list, 30);
    remove_value(list, 50);
    println("[{}] | [{}] | len {} empty {}", forward(list), backward(list), list.len, list.head.is_none());
    push_back(list, 5);
    println("{} | {}", forward(list), backward(list));
}
