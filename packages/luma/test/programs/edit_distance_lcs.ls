// String dynamic programming over chars(): Levenshtein distance with a rolling pair of rows, and
// the longest common subsequence with its table walked back to print one subsequence.
func edit_distance(a: string, b: string) -> i64 {
    let x = a.chars();
    let y = b.chars();
    let prev: Array<i64> = Array::new();
    for j in 0..(y.len() + 1) { prev.push(j); }
    for i in 1..(x.len() + 1) {
        let cur: Array<i64> = Array::new();
        cur.push(i);
        for j in 1..(y.len() + 1) {
            let cost = 1;
            if (x[i - 1] == y[j - 1]) { cost = 0; }
            let best = prev[j - 1] + cost;
            best = min(best, prev[j] + 1);
            best = min(best, cur[j - 1] + 1);
            cur.push(best);
        }
        prev = cur;
    }
    return prev[y.len()];
}

func lcs(a: string, b: string) -> string {
    let x = a.chars();
    let y = b.chars();
    let t: Array<Array<i64>> = Array::new();
    for _ in 0..(x.len() + 1) {
        let row: Array<i64> = Array::new();
        for _ in 0..(y.len() + 1) { row.push(0); }
        t.push(row);
    }
    for i in 1..(x.len() + 1) {
        for j in 1..(y.len() + 1) {
            if (x[i - 1] == y[j - 1]) { t[i][j] = t[i - 1][j - 1] + 1; }
            else { t[i][j] = max(t[i - 1][j], t[i][j - 1]); }
        }
    }
    let out: Array<string> = Array::new();
    let i = x.len();
    let j = y.len();
    while (i > 0 && j > 0) {
        if (x[i - 1] == y[j - 1]) { out.push(x[i - 1]); i -= 1; j -= 1; }
        else if (t[i - 1][j] >= t[i][j - 1]) { i -= 1; }
        else { j -= 1; }
    }
    out.reverse();
    return out.reduce("", |acc, c| acc + c);
}

func main() {
    let pairs = ["kitten/sitting", "flaw/lawn", "intention/execution", "/abc", "same/same", "sunday/saturday"];
    for p in pairs {
        let ab = p.split("/");
        let l = lcs(ab[0], ab[1]);
        println("{:<10} {:<10} distance {} lcs \"{}\" ({})", ab[0], ab[1], edit_distance(ab[0], ab[1]), l, l.len());
    }
}
