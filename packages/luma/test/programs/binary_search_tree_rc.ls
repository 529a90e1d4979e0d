// A binary search tree of rc nodes linked through Option<rc<Node>>: iterative insertion through
// shared nodes, in-order traversal by recursion, height, contains, min/max by walking, and a
// range count, for keys inserted in a scrambled order.
struct Node { key: i64, left: Option<rc<Node>>, right: Option<rc<Node>> }

func insert(root: rc<Node>, key: i64) -> bool {
    let cur = root;
    while (true) {
        if (key == cur.key) { return false; }
        if (key < cur.key) {
            match cur.left {
                Some(next) => { cur = next; }
                None => { cur.left = Some(rc::new(Node { key: key, left: None, right: None })); return true; }
            }
        } else {
            match cur.right {
                Some(next) => { cur = next; }
                None => { cur.right = Some(rc::new(Node { key: key, left: None, right: None })); return true; }
            }
        }
    }
}

func in_order(n: Option<rc<Node>>, out: Array<i64>) {
    match n {
        Some(node) => {
            in_order(node.left, out);
            out.push(node.key);
            in_order(node.right, out);
        }
        None => {}
    }
}

func height(n: Option<rc<Node>>) -> i64 {
    match n {
        Some(node) => { return 1 + max(height(node.left), height(node.right)); }
        None => { return 0; }
    }
}

func contains(root: rc<Node>, key: i64) -> bool {
    let cur: Option<rc<Node>> = Some(root);
    while (true) {
        match cur {
            Some(node) => {
                if (node.key == key) { return true; }
                if (key < node.key) { cur = node.left; } else { cur = node.right; }
            }
            None => { return false; }
        }
    }
}

func count_range(n: Option<rc<Node>>, lo: i64, hi: i64) -> i64 {
    match n {
        Some(node) => {
            let c = 0;
            if (node.key >= lo && node.key <= hi) { c = 1; }
            if (node.key > lo) { c += count_range(node.left, lo, hi); }
            if (node.key < hi) { c += count_range(node.right, lo, hi); }
            return c;
        }
        None => { return 0; }
    }
}

func main() {
    let root = rc::new(Node { key: 500, left: None, right: None });
    let added = 1;
    let dupes = 0;
    for i in 1..200 {
        let key = (i * i * 31) % 1000;
        if (insert(root, key)) { added += 1; } else { dupes += 1; }
    }
    let keys: Array<i64> = Array::new();
    in_order(Some(root), keys);
    let sorted = true;
    for i in 1..keys.len() { if (keys[i - 1] >= keys[i]) { sorted = false; } }
    println("{} keys ({} duplicates), in order: {}, height {}", keys.len(), dupes, sorted, height(Some(root)));
    println("first {} {} {} last {}", keys[0], keys[1], keys[2], keys[keys.len() - 1]);
    println("contains 919: {}, 920: {}, 500: {}", contains(root, 919), contains(root, 920), contains(root, 500));
    println("keys in [100, 300]: {}", count_range(Some(root), 100, 300));
}
