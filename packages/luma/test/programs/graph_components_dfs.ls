// Connected components of an undirected graph on adjacency arrays (Array<Array<i64>>): an
// iterative depth-first search with an explicit stack, component sizes, and a recursive DFS that
// checks for a cycle.
func build(n: i64, edges: Array<[2]i64>) -> Array<Array<i64>> {
    let adj: Array<Array<i64>> = Array::new();
    for _ in 0..n {
        let empty: Array<i64> = Array::new();
        adj.push(empty);
    }
    for e in edges {
        adj[e[0]].push(e[1]);
        adj[e[1]].push(e[0]);
    }
    return adj;
}

func has_cycle(adj: Array<Array<i64>>, v: i64, parent: i64, seen: Array<bool>) -> bool {
    seen[v] = true;
    for u in adj[v] {
        if (!seen[u]) {
            if (has_cycle(adj, u, v, seen)) { return true; }
        } else if (u != parent) {
            return true;
        }
    }
    return false;
}

func main() {
    let edges: Array<[2]i64> = Array::new();
    edges.push([0, 1]); edges.push([1, 2]); edges.push([3, 4]);
    edges.push([5, 6]); edges.push([6, 7]); edges.push([7, 5]);
    edges.push([8, 9]); edges.push([2, 10]); edges.push([11, 0]);
    let n = 13;
    let adj = build(n, edges);
    let comp: Array<i64> = Array::new();
    for _ in 0..n { comp.push(-1); }
    let count = 0;
    for s in 0..n {
        if (comp[s] >= 0) { continue; }
        let stack: Array<i64> = Array::new();
        stack.push(s);
        comp[s] = count;
        let size = 0;
        while (stack.len() > 0) {
            let v = stack.pop().unwrap();
            size += 1;
            for u in adj[v] {
                if (comp[u] < 0) { comp[u] = count; stack.push(u); }
            }
        }
        println("component {} from {}: {} vertices", count, s, size);
        count += 1;
    }
    println("{} components", count);
    for v in 0..n { print("{}", comp[v]); }
    println("");
    let seen: Array<bool> = Array::new();
    for _ in 0..n { seen.push(false); }
    for start in [0, 3, 5, 8] {
        println("cycle through {}: {}", start, has_cycle(adj, start, -1, seen));
    }
}
