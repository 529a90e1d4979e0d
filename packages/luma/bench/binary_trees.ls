// bench-size: 17
// c-port: packages/python/bench/binary_trees.c
// The benchmarks-game binary-trees: trees of reference-counted nodes made and checked depth by
// depth, each freed when its tree is done.
struct Node { left: Option<rc<Node>>, right: Option<rc<Node>> }

func make_tree(depth: i64) -> rc<Node> {
    if (depth == 0) { return rc::new(Node { left: None, right: None }); }
    return rc::new(Node { left: Some(make_tree(depth - 1)), right: Some(make_tree(depth - 1)) });
}

func check_tree(node: rc<Node>) -> i64 {
    match node.left {
        Some(left) => {
            match node.right {
                Some(right) => { return 1 + check_tree(left) + check_tree(right); }
                None => { return 2 + check_tree(left); }
            }
        }
        None => { return 1; }
    }
}

func main() {
    let n = args()[1].parse_i64().unwrap();
    let min_depth = 4;
    let max_depth = max(n, min_depth + 2);
    let stretch_depth = max_depth + 1;
    println("stretch tree of depth {}\t check: {}", stretch_depth, check_tree(make_tree(stretch_depth)));
    let long_lived = make_tree(max_depth);
    let depth = min_depth;
    while (depth < stretch_depth) {
        let iterations = 1 << (max_depth - depth + min_depth);
        let check = 0;
        for _ in 0..iterations { check += check_tree(make_tree(depth)); }
        println("{}\t trees of depth {}\t check: {}", iterations, depth, check);
        depth += 2;
    }
    println("long lived tree of depth {}\t check: {}", max_depth, check_tree(long_lived));
}
