// Permutations in lexicographic order with next_permutation on an Array (swap and reverse of a
// suffix), the k-th permutation by factorials, and the permutations of a word with repeated letters.
func next_permutation(xs: Array<string>) -> bool {
    let i = xs.len() - 2;
    while (i >= 0 && !(xs[i] < xs[i + 1])) { i -= 1; }
    if (i < 0) { return false; }
    let j = xs.len() - 1;
    while (!(xs[i] < xs[j])) { j -= 1; }
    let t = xs[i]; xs[i] = xs[j]; xs[j] = t;
    let lo = i + 1;
    let hi = xs.len() - 1;
    while (lo < hi) { let u = xs[lo]; xs[lo] = xs[hi]; xs[hi] = u; lo += 1; hi -= 1; }
    return true;
}

func join(xs: Array<string>) -> string { return xs.reduce("", |a, s| a + s); }

func kth(digits: string, k: i64) -> string {
    let pool = digits.chars();
    let fact = 1;
    for i in 1..pool.len() { fact *= i; }
    let rest = k;
    let out = "";
    while (pool.len() > 0) {
        let idx = rest / fact;
        rest = rest % fact;
        out = out + pool.remove(idx);
        if (pool.len() > 0) { fact /= pool.len(); }
    }
    return out;
}

func main() {
    let xs = "abcd".chars();
    let count = 1;
    let line = join(xs);
    while (next_permutation(xs)) {
        count += 1;
        line = line + " " + join(xs);
        if (count % 8 == 0) { println("{}", line); line = ""; }
        else if (count % 8 == 1) { line = join(xs); }
    }
    println("{} permutations of abcd", count);
    let word = "banana".chars();
    word.sort();
    let n = 1;
    while (next_permutation(word)) { n += 1; }
    println("{} distinct arrangements of banana, the last {}", n, join(word));
    println("millionth of 0123456789: {}", kth("0123456789", 999999));
    println("{} {}", kth("abc", 0), kth("abc", 5));
}
