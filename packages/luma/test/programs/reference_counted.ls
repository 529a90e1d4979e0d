// rc<T>: a value shared by two holders (a store through one is seen through the other), methods
// and clone through rc, a linked list of Option<rc<Node>> built and walked, and Option<string>
// (both laid out as nullable references) in an array.
struct Counter { count: i64, name: string }
impl Counter {
    func bump(self) -> i64 { return self.count + 1; }
}
struct ListNode { value: i64, next: Option<rc<ListNode>> }

func sum_list(head: Option<rc<ListNode>>) -> i64 {
    let total = 0;
    let cursor = head;
    let going = true;
    while (going) {
        match cursor {
            Some(node) => { total += node.value; cursor = node.next; }
            None => { going = false; }
        }
    }
    return total;
}

func main() {
    let a = rc::new(Counter { count: 1, name: "shared" });
    let b = a.clone();
    b.count += 10;
    a.name = a.name + "!";
    println("{} {} {} {}", a.count, b.count, b.name, a.bump());
    let list: Option<rc<ListNode>> = None;
    for i in 1..6 { list = Some(rc::new(ListNode { value: i * i, next: list })); }
    println("sum {}", sum_list(list));
    let names: Array<Option<string>> = Array::new();
    names.push(Some("ada"));
    names.push(None);
    names.push(Some(format("n{}", 3)));
    for n in names {
        match n {
            Some(s) => { print("[{}]", s); }
            None => { print("[-]"); }
        }
    }
    println("");
}
