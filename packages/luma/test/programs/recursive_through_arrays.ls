// Types that hold themselves through an Array: a tree of named nodes (counted, rendered with
// indentation) and an expression enum evaluated recursively with reduce.
struct Node { name: string, children: Array<Node> }

func leaf(name: string) -> Node { return Node { name: name, children: Array::new() }; }

func count(n: Node) -> i64 {
    let total = 1;
    for c in n.children { total += count(c); }
    return total;
}

func render(n: Node, depth: i64) -> string {
    let pad = "";
    for _ in 0..depth { pad = pad + "  "; }
    let out = pad + n.name + "\n";
    for c in n.children { out = out + render(c, depth + 1); }
    return out;
}

enum Expr { Num(i64), Sum(Array<Expr>), Product(Array<Expr>) }

func eval(e: Expr) -> i64 {
    match e {
        Expr::Num(n) => { return n; }
        Expr::Sum(parts) => { return parts.reduce(0, |acc, p| acc + eval(p)); }
        Expr::Product(parts) => { return parts.reduce(1, |acc, p| acc * eval(p)); }
    }
}

func main() {
    let root = leaf("root");
    let a = leaf("a");
    a.children.push(leaf("a1"));
    a.children.push(leaf("a2"));
    root.children.push(a);
    root.children.push(leaf("b"));
    print("{}", render(root, 0));
    println("{} nodes", count(root));
    let terms: Array<Expr> = Array::new();
    terms.push(Expr::Num(2));
    let factors: Array<Expr> = Array::new();
    factors.push(Expr::Num(3));
    factors.push(Expr::Num(4));
    terms.push(Expr::Product(factors));
    println("{}", eval(Expr::Sum(terms)));
}
