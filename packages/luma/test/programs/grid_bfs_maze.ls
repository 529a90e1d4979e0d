// Breadth-first search on a maze given as lines of text: distances from S to every open cell with
// a queue in an Array and a head index, the length of the path to E, and the path drawn back.
func main() {
    let maze = "S..#......\n.#.#.####.\n.#...#....\n.####.#.#.\n......#.#E";
    let rows = maze.split("\n");
    let h = rows.len();
    let w = rows[0].len();
    let grid: Array<Array<string>> = Array::new();
    for r in rows { grid.push(r.chars()); }
    let dist: Array<i64> = Array::new();
    let prev: Array<i64> = Array::new();
    let start = 0;
    let goal = 0;
    for r in 0..h {
        for c in 0..w {
            dist.push(-1);
            prev.push(-1);
            if (grid[r][c] == "S") { start = r * w + c; }
            if (grid[r][c] == "E") { goal = r * w + c; }
        }
    }
    let queue: Array<i64> = Array::new();
    queue.push(start);
    dist[start] = 0;
    let head = 0;
    let dr = [-1, 1, 0, 0];
    let dc = [0, 0, -1, 1];
    while (head < queue.len()) {
        let cur = queue[head];
        head += 1;
        let r = cur / w;
        let c = cur % w;
        for k in 0..4 {
            let nr = r + dr[k];
            let nc = c + dc[k];
            if (nr < 0 || nr >= h || nc < 0 || nc >= w) { continue; }
            if (grid[nr][nc] == "#") { continue; }
            let next = nr * w + nc;
            if (dist[next] >= 0) { continue; }
            dist[next] = dist[cur] + 1;
            prev[next] = cur;
            queue.push(next);
        }
    }
    println("visited {} cells, distance to E: {}", queue.len(), dist[goal]);
    let at = prev[goal];
    while (at != start) {
        grid[at / w][at % w] = "*";
        at = prev[at];
    }
    for r in 0..h {
        let line = "";
        for c in 0..w { line = line + grid[r][c]; }
        println("{}", line);
    }
    let far = 0;
    for d in dist { if (d > far) { far = d; } }
    println("farthest cell at {}", far);
}
