// A generic enum holding arrays of itself, Tree<T> with leaves and branches: built for integers
// and strings, flattened, measured (depth, leaf count), and mapped to a tree of another type by a
// generic function taking a closure.
enum Tree<T> { Leaf(T), Branch(Array<Tree<T>>) }

func leaf<T>(x: T) -> Tree<T> { return Tree::Leaf(x); }

func flatten<T>(t: Tree<T>, out: Array<T>) {
    match t {
        Tree::Leaf(x) => { out.push(x); }
        Tree::Branch(kids) => { for k in kids { flatten(k, out); } }
    }
}

func depth<T>(t: Tree<T>) -> i64 {
    match t {
        Tree::Leaf(_) => { return 0; }
        Tree::Branch(kids) => {
            let d = 0;
            for k in kids { d = max(d, depth(k)); }
            return d + 1;
        }
    }
}

func map_tree<T, U>(t: Tree<T>, f: func(T) -> U) -> Tree<U> {
    match t {
        Tree::Leaf(x) => { return Tree::Leaf(f(x)); }
        Tree::Branch(kids) => {
            let out: Array<Tree<U>> = Array::new();
            for k in kids { out.push(map_tree(k, f)); }
            return Tree::Branch(out);
        }
    }
}

func show(t: Tree<string>) -> string {
    match t {
        Tree::Leaf(s) => { return s; }
        Tree::Branch(kids) => {
            let parts = "";
            for i in 0..kids.len() {
                if (i > 0) { parts = parts + " "; }
                parts = parts + show(kids[i]);
            }
            return "(" + parts + ")";
        }
    }
}

func main() {
    let inner: Array<Tree<i64>> = Array::new();
    inner.push(leaf(3));
    inner.push(leaf(4));
    let deeper: Array<Tree<i64>> = Array::new();
    deeper.push(leaf(5));
    deeper.push(Tree::Branch(inner));
    let top: Array<Tree<i64>> = Array::new();
    top.push(leaf(1));
    top.push(Tree::Branch(deeper));
    top.push(leaf(2));
    top.push(Tree::Branch(Array::new()));
    let t = Tree::Branch(top);
    let xs: Array<i64> = Array::new();
    flatten(t, xs);
    println("{} leaves, depth {}, sum {}", xs.len(), depth(t), xs.reduce(0, |a, b| a + b));
    let labels = map_tree(t, |n: i64| format("n{}", n * n));
    println("{}", show(labels));
    let words: Array<string> = Array::new();
    flatten(labels, words);
    println("{} {}", words[0], words[words.len() - 1]);
    let halves = map_tree(t, |n: i64| (n as f64) / 2.0);
    let fs: Array<f64> = Array::new();
    flatten(halves, fs);
    println("{} {} {}", fs[0], fs[2], fs.reduce(0.0, |a, b| a + b));
    println("leaf depth {}", depth(leaf("x")));
}
