// Tic-tac-toe on a [9]i64 board passed by value: winner detection over a table of lines, a full
// minimax search counting the positions it visits, the best move for a few positions, and a game
// of perfect play against itself from an opening.
const LINES: i64 = 8;

func winner(b: [9]i64) -> i64 {
    let lines = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
    for i in 0..LINES {
        let l = lines[i];
        if (b[l[0]] != 0 && b[l[0]] == b[l[1]] && b[l[1]] == b[l[2]]) { return b[l[0]]; }
    }
    return 0;
}

func full(b: [9]i64) -> bool {
    for x in b { if (x == 0) { return false; } }
    return true;
}

func minimax(b: [9]i64, player: i64, visited: rc<Stats>) -> i64 {
    visited.count += 1;
    let w = winner(b);
    if (w != 0) { return w; }
    if (full(b)) { return 0; }
    let best = -2 * player;
    for i in 0..9 {
        if (b[i] != 0) { continue; }
        b[i] = player;
        let score = minimax(b, -player, visited);
        b[i] = 0;
        if (player == 1 && score > best) { best = score; }
        if (player == -1 && score < best) { best = score; }
    }
    return best;
}

struct Stats { count: i64 }

func best_move(b: [9]i64, player: i64, visited: rc<Stats>) -> i64 {
    let best = -1;
    let best_score = -2 * player;
    for i in 0..9 {
        if (b[i] != 0) { continue; }
        let next = b;
        next[i] = player;
        let s = minimax(next, -player, visited);
        if (best < 0 || (player == 1 && s > best_score) || (player == -1 && s < best_score)) { best = i; best_score = s; }
    }
    return best;
}

func show(b: [9]i64) -> string {
    let s = "";
    for i in 0..9 {
        match b[i] {
            1 => { s = s + "X"; }
            -1 => { s = s + "O"; }
            _ => { s = s + "."; }
        }
        if (i % 3 == 2 && i < 8) { s = s + "/"; }
    }
    return s;
}

func main() {
    let stats = rc::new(Stats { count: 0 });
    let empty = [0; 9];
    let corner = empty;
    corner[0] = 1;
    println("value after X takes a corner: {} ({} positions)", minimax(corner, -1, stats), stats.count);
    let b = [1, 1, 0, -1, -1, 0, 0, 0, 0];
    println("{} X to play: {}, O to play: {}", show(b), best_move(b, 1, stats), best_move(b, -1, stats));
    let game = [1, 0, 0, 0, -1, 0, 0, 0, 0];
    let player = 1;
    while (winner(game) == 0 && !full(game)) {
        let m = best_move(game, player, stats);
        game[m] = player;
        player = -player;
    }
    println("self-play: {} winner {}", show(game), winner(game));
    println("empty still {}", show(empty));
}
