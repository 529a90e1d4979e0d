// expect-error: E0231
// expect-line: 5
// expect-message: the struct `TreeNode` contains itself by value
/// A binary tree of integers.
struct TreeNode {
    value: i64,
    left: Option<TreeNode>,
    right: Option<TreeNode>,
}

func sum(t: TreeNode) -> i64 {
    let total = t.value;
    match t.left { Some(l) => { total += sum(l); } None => { } }
    match t.right { Some(r) => { total += sum(r); } None => { } }
    return total;
}

func main() {
    let leaf = TreeNode { value: 1, left: None, right: None };
    println("{}", sum(leaf));
}
