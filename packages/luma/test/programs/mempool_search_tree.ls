// A binary search tree whose nodes are mempool blocks: inserts by pointer, an in-order walk, the
// height, a subtree given back block by block (live() drops), and reset() to empty the pool.
struct Node { key: i64, count: i64, left: ptr<Node>, right: ptr<Node> }

func is_null(p: ptr<Node>) -> bool { return p as i64 == 0; }

func insert(pool: mempool, root: ptr<Node>, key: i64) -> ptr<Node> {
    if (is_null(root)) {
        let node = pool.alloc() as ptr<Node>;
        (@node).key = key;
        (@node).count = 1;
        return node;
    }
    if (key < (@root).key) {
        (@root).left = insert(pool, (@root).left, key);
    } else if (key > (@root).key) {
        (@root).right = insert(pool, (@root).right, key);
    } else {
        (@root).count += 1;
    }
    return root;
}

func walk(root: ptr<Node>, out: Array<i64>) {
    if (is_null(root)) { return; }
    walk((@root).left, out);
    out.push((@root).key);
    walk((@root).right, out);
}

func height(root: ptr<Node>) -> i64 {
    if (is_null(root)) { return 0; }
    return 1 + max(height((@root).left), height((@root).right));
}

func release(pool: mempool, root: ptr<Node>) -> i64 {
    if (is_null(root)) { return 0; }
    let n = 1 + release(pool, (@root).left) + release(pool, (@root).right);
    pool.free(root as ptr<u8>);
    return n;
}

func main() {
    let pool = mempool::new(sizeof(Node));
    let root = 0 as ptr<Node>;
    let x = 12345;
    for _ in 0..60 {
        x = (x * 1103 + 12849) % 65536;
        root = insert(pool, root, x % 100);
    }
    let keys: Array<i64> = Array::new();
    walk(root, keys);
    println("block {} live {} distinct {} height {}", pool.block_size(), pool.live(), keys.len(), height(root));
    let line = "";
    for i in 0..10 { line = line + format("{} ", keys[i]); }
    println("smallest: {}", line.trim());
    let dups = 0;
    let p = root;
    while (!is_null(p)) {
        dups += (@p).count - 1;
        p = (@p).right;
    }
    println("repeats along the right spine {}", dups);
    let freed = release(pool, (@root).left);
    (@root).left = 0 as ptr<Node>;
    let rest: Array<i64> = Array::new();
    walk(root, rest);
    println("freed {} live {} remaining {} from {}", freed, pool.live(), rest.len(), rest[0]);
    for k in [1, 2, 3] { root = insert(pool, root, k); }
    println("live {} height {}", pool.live(), height(root));
    pool.reset();
    println("after reset {}", pool.live());
    let fresh = insert(pool, 0 as ptr<Node>, 7);
    println("fresh {} left null {} live {}", (@fresh).key, is_null((@fresh).left), pool.live());
}
