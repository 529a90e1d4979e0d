// Backtracking: N-queens solutions counted for N = 1..9 with column and diagonal flags in fixed
// arrays passed by value, and the first solution for N = 8 drawn as a board.
func place(row: i64, n: i64, cols: [32]bool, d1: [32]bool, d2: [32]bool, queens: Array<i64>) -> i64 {
    if (row == n) { return 1; }
    let count = 0;
    for c in 0..n {
        if (cols[c] || d1[row + c] || d2[row - c + n]) { continue; }
        cols[c] = true;
        d1[row + c] = true;
        d2[row - c + n] = true;
        queens.push(c);
        count += place(row + 1, n, cols, d1, d2, queens);
        cols[c] = false;
        d1[row + c] = false;
        d2[row - c + n] = false;
        queens.pop();
    }
    return count;
}

func first(row: i64, n: i64, queens: Array<i64>) -> bool {
    if (row == n) { return true; }
    for c in 0..n {
        let ok = true;
        for r in 0..row {
            let q = queens[r];
            if (q == c || abs(q - c) == row - r) { ok = false; break; }
        }
        if (!ok) { continue; }
        queens.push(c);
        if (first(row + 1, n, queens)) { return true; }
        queens.pop();
    }
    return false;
}

func main() {
    let free = [false; 32];
    for n in 1..10 {
        let qs: Array<i64> = Array::new();
        println("{} queens: {} solutions", n, place(0, n, free, free, free, qs));
    }
    let board: Array<i64> = Array::new();
    if (first(0, 8, board)) {
        for r in 0..8 {
            let line = "";
            for c in 0..8 {
                if (board[r] == c) { line = line + "Q "; } else { line = line + ". "; }
            }
            println("{}", line.trim());
        }
    }
}
