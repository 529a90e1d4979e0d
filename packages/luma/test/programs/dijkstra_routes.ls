// Dijkstra's shortest paths on a weighted directed graph of named cities: adjacency arrays of
// Edge structs, a Map from names to indices, an O(n^2) selection of the nearest vertex, and the
// routes rebuilt from the predecessors.
struct Edge { to: i64, cost: i64 }

func city(names: Array<string>, index: Map<string, i64>, name: string) -> i64 {
    match index.get(name) {
        Some(i) => { return i; }
        None => {
            index.insert(name, names.len());
            names.push(name);
            return names.len() - 1;
        }
    }
}

func main() {
    let roads = "ams-ber:650 ams-par:500 par-ber:1050 par-mad:1270 ber-war:570 mad-lis:625 par-lis:1740 war-kyi:790 ber-pra:350 pra-war:680 lis-mad:630";
    let names: Array<string> = Array::new();
    let index: Map<string, i64> = Map::new();
    let adj: Array<Array<Edge>> = Array::new();
    for road in roads.split(" ") {
        let parts = road.split(":");
        let ends = parts[0].split("-");
        let a = city(names, index, ends[0]);
        let b = city(names, index, ends[1]);
        while (adj.len() < names.len()) {
            let none: Array<Edge> = Array::new();
            adj.push(none);
        }
        adj[a].push(Edge { to: b, cost: parts[1].parse_i64().unwrap() });
    }
    let n = names.len();
    let inf = 1 << 60;
    let dist: Array<i64> = Array::new();
    let prev: Array<i64> = Array::new();
    let done: Array<bool> = Array::new();
    for _ in 0..n { dist.push(inf); prev.push(-1); done.push(false); }
    let src = index["ams"];
    dist[src] = 0;
    for _ in 0..n {
        let best = -1;
        for v in 0..n {
            if (!done[v] && dist[v] < inf && (best < 0 || dist[v] < dist[best])) { best = v; }
        }
        if (best < 0) { break; }
        done[best] = true;
        for e in adj[best] {
            if (dist[best] + e.cost < dist[e.to]) {
                dist[e.to] = dist[best] + e.cost;
                prev[e.to] = best;
            }
        }
    }
    for v in 0..n {
        if (dist[v] == inf) { println("{:<4} unreachable", names[v]); continue; }
        let path: Array<string> = Array::new();
        let at = v;
        while (at >= 0) { path.push(names[at]); at = prev[at]; }
        path.reverse();
        let route = path[0];
        for i in 1..path.len() { route = route + " > " + path[i]; }
        println("{:<4} {:>5}  {}", names[v], dist[v], route);
    }
}
