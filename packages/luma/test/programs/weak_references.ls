// A tree whose children point back at their parent through weak<T>: no cycle of rc keeps the nodes
// alive, so they are freed once the last rc to the root goes (the leak checker sees none), and a weak
// reference to a freed node upgrades to None. An object lives while a variable that is still read,
// a field or an element holds it.
struct Node {
    name: string,
    parent: Option<weak<Node>>,
    children: Array<rc<Node>>,
}

func add_child(parent: rc<Node>, name: string) -> rc<Node> {
    let child = rc::new(Node { name: name, parent: Some(weak::new(&parent)), children: Array::new() });
    parent.children.push(child.clone());
    return child;
}

func path(node: rc<Node>) -> string {
    match node.parent {
        Some(w) => {
            match w.upgrade() {
                Some(p) => { return path(p) + "/" + node.name; }
                None => { return "(gone)/" + node.name; }
            }
        }
        None => { return node.name; }
    }
}

func count(node: rc<Node>) -> i64 {
    let total = 1;
    for child in node.children { total += count(child); }
    return total;
}

func describe(w: weak<Node>) -> string {
    match w.upgrade() {
        Some(node) => { return format("{} with {} children", node.name, node.children.len()); }
        None => { return "gone"; }
    }
}

func main() {
    let root = rc::new(Node { name: "root", parent: None, children: Array::new() });
    let a = add_child(root, "a");
    let b = add_child(a, "b");
    let c = add_child(root, "c");
    add_child(c, "d");
    println("{}", path(b));
    println("{}", path(c.children[0]));
    println("{} nodes", count(root));
    let watch = weak::new(&root);
    let copy = watch.clone();
    println("{}", describe(watch));
    root.name = "top";
    println("{}", path(b));
    root = rc::new(Node { name: "second", parent: None, children: Array::new() });
    println("{}", describe(copy));
    println("{}", path(b));
    println("{} and {}", root.name, describe(weak::new(&a)));
}
