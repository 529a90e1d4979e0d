// Conway's Game of Life on a fixed [12][12]bool board held by value: each generation computed into
// a copy while the old board is read, a glider and a blinker run for 24 generations on a torus,
// live counts per generation and the final board drawn.
const N: i64 = 12;

func neighbours(b: [12][12]bool, r: i64, c: i64) -> i64 {
    let n = 0;
    for dr in [-1, 0, 1] {
        for dc in [-1, 0, 1] {
            if (dr == 0 && dc == 0) { continue; }
            let rr = (r + dr + N) % N;
            let cc = (c + dc + N) % N;
            if (b[rr][cc]) { n += 1; }
        }
    }
    return n;
}

func step(b: [12][12]bool) -> [12][12]bool {
    let next = b;
    for r in 0..N {
        for c in 0..N {
            let n = neighbours(b, r, c);
            next[r][c] = n == 3 || (b[r][c] && n == 2);
        }
    }
    return next;
}

func live(b: [12][12]bool) -> i64 {
    let n = 0;
    for row in b { for cell in row { if (cell) { n += 1; } } }
    return n;
}

func main() {
    let board = [[false; 12]; 12];
    board[0][1] = true;
    board[1][2] = true;
    board[2][0] = true;
    board[2][1] = true;
    board[2][2] = true;
    board[1][8] = true;
    board[2][8] = true;
    board[3][8] = true;
    let start = board;
    let counts = "";
    for _ in 0..24 {
        board = step(board);
        counts = counts + format("{}", live(board));
    }
    println("live per generation: {}", counts);
    println("start unchanged: {} cells", live(start));
    for r in 0..N {
        let line = "";
        for c in 0..N { if (board[r][c]) { line = line + "#"; } else { line = line + "."; } }
        println("{}", line);
    }
}
