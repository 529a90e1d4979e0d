// Sudoku: a 9x9 grid parsed from strings into [9][9]i64, rows, columns and boxes validated with a
// seen-flags fixed array, candidates of empty cells listed, and the puzzle solved by backtracking
// on a grid passed by value and returned in an Option.
func parse(rows: [9]string) -> [9][9]i64 {
    let g = [[0; 9]; 9];
    for r in 0..9 {
        let cs = rows[r].chars();
        for c in 0..9 {
            if (cs[c] != ".") { g[r][c] = cs[c].parse_i64().unwrap(); }
        }
    }
    return g;
}

func allowed(g: [9][9]i64, r: i64, c: i64, v: i64) -> bool {
    for i in 0..9 {
        if (g[r][i] == v || g[i][c] == v) { return false; }
    }
    let br = r / 3 * 3;
    let bc = c / 3 * 3;
    for i in br..(br + 3) {
        for j in bc..(bc + 3) { if (g[i][j] == v) { return false; } }
    }
    return true;
}

func valid(g: [9][9]i64) -> bool {
    for unit in 0..27 {
        let seen = [false; 10];
        for k in 0..9 {
            let v = 0;
            if (unit < 9) { v = g[unit][k]; }
            else if (unit < 18) { v = g[k][unit - 9]; }
            else { let b = unit - 18; v = g[b / 3 * 3 + k / 3][b % 3 * 3 + k % 3]; }
            if (v != 0) {
                if (seen[v]) { return false; }
                seen[v] = true;
            }
        }
    }
    return true;
}

func solve(g: [9][9]i64, steps: rc<Counter>) -> Option<[9][9]i64> {
    for r in 0..9 {
        for c in 0..9 {
            if (g[r][c] != 0) { continue; }
            for v in 1..10 {
                if (allowed(g, r, c, v)) {
                    steps.n += 1;
                    let next = g;
                    next[r][c] = v;
                    match solve(next, steps) {
                        Some(done) => { return Some(done); }
                        None => {}
                    }
                }
            }
            return None;
        }
    }
    return Some(g);
}

struct Counter { n: i64 }

func main() {
    let puzzle = parse(["53..7....", "6..195...", ".98....6.", "8...6...3", "4..8.3..1", "7...2...6", ".6....28.", "...419..5", "....8..79"]);
    println("valid start: {}", valid(puzzle));
    let cands = "";
    for v in 1..10 { if (allowed(puzzle, 0, 2, v)) { cands = cands + format("{}", v); } }
    println("candidates at (0, 2): {}", cands);
    let broken = puzzle;
    broken[0][2] = 5;
    println("valid with a second 5 in row 0: {}", valid(broken));
    let steps = rc::new(Counter { n: 0 });
    match solve(puzzle, steps) {
        Some(s) => {
            println("solved in {} placements, valid: {}", steps.n, valid(s));
            for r in 0..9 {
                let line = "";
                for c in 0..9 {
                    line = line + format("{}", s[r][c]);
                    if (c == 2 || c == 5) { line = line + " "; }
                }
                println("{}", line);
            }
        }
        None => { println("no solution"); }
    }
    println("puzzle still has {} at (0, 2)", puzzle[0][2]);
}
