// Classic recursion: Towers of Hanoi moves recorded into an Array and counted, Ackermann for small
// arguments, mutual recursion (is_even/is_odd), a recursive power set count, flood fill on a grid
// of strings, and the McCarthy 91 function.
func hanoi(n: i64, from: string, to: string, via: string, moves: Array<string>) {
    if (n == 0) { return; }
    hanoi(n - 1, from, via, to, moves);
    moves.push(format("{}{}", from, to));
    hanoi(n - 1, via, to, from, moves);
}

func ackermann(m: i64, n: i64) -> i64 {
    if (m == 0) { return n + 1; }
    if (n == 0) { return ackermann(m - 1, 1); }
    return ackermann(m - 1, ackermann(m, n - 1));
}

func is_even(n: i64) -> bool { if (n == 0) { return true; } return is_odd(n - 1); }
func is_odd(n: i64) -> bool { if (n == 0) { return false; } return is_even(n - 1); }

func mc91(n: i64) -> i64 {
    if (n > 100) { return n - 10; }
    return mc91(mc91(n + 11));
}

func fill(grid: Array<Array<string>>, r: i64, c: i64, from: string, to: string) -> i64 {
    if (r < 0 || r >= grid.len() || c < 0 || c >= grid[r].len()) { return 0; }
    if (grid[r][c] != from) { return 0; }
    grid[r][c] = to;
    return 1 + fill(grid, r + 1, c, from, to) + fill(grid, r - 1, c, from, to) + fill(grid, r, c + 1, from, to) + fill(grid, r, c - 1, from, to);
}

func main() {
    let moves: Array<string> = Array::new();
    hanoi(4, "A", "C", "B", moves);
    let first = "";
    for i in 0..7 { first = first + moves[i] + " "; }
    println("hanoi(4): {} moves, first {}... last {}", moves.len(), first, moves[moves.len() - 1]);
    let big: Array<string> = Array::new();
    hanoi(16, "A", "C", "B", big);
    println("hanoi(16): {} moves", big.len());
    println("ackermann(2, 3) = {}, ackermann(3, 3) = {}, ackermann(3, 5) = {}", ackermann(2, 3), ackermann(3, 3), ackermann(3, 5));
    println("{} {} {} {}", is_even(10), is_odd(7), is_even(7), is_odd(1000));
    let m = "";
    for n in [1, 50, 99, 100, 101, 150] { m = m + format("{} ", mc91(n)); }
    println("mc91: {}", m.trim());
    let rows = ["..##......", ".#..#.###.", ".#..#.#.#.", "..##..###.", "#........#"];
    let grid: Array<Array<string>> = Array::new();
    for r in rows { grid.push(r.chars()); }
    println("filled {} from the corner, {} inside the ring", fill(grid, 0, 0, ".", "o"), fill(grid, 1, 2, ".", "x"));
    for row in grid { println("{}", row.reduce("", |a, c| a + c)); }
}
