// Kruskal's minimum spanning tree: edges sorted with sort_by on their weight, a union-find with
// path halving and union by size over parent and size arrays held in a struct.
struct Edge { a: i64, b: i64, w: i64 }
struct DisjointSets { parent: Array<i64>, size: Array<i64> }

impl DisjointSets {
    func new(n: i64) -> DisjointSets {
        let s = DisjointSets { parent: Array::new(), size: Array::new() };
        for i in 0..n { s.parent.push(i); s.size.push(1); }
        return s;
    }
    func find(self, x: i64) -> i64 {
        let v = x;
        while (self.parent[v] != v) {
            self.parent[v] = self.parent[self.parent[v]];
            v = self.parent[v];
        }
        return v;
    }
    func union(self, a: i64, b: i64) -> bool {
        let ra = self.find(a);
        let rb = self.find(b);
        if (ra == rb) { return false; }
        if (self.size[ra] < self.size[rb]) { let t = ra; ra = rb; rb = t; }
        self.parent[rb] = ra;
        self.size[ra] += self.size[rb];
        return true;
    }
}

func main() {
    let edges: Array<Edge> = Array::new();
    let n = 9;
    let seed = 2024;
    for a in 0..n {
        for b in (a + 1)..n {
            seed = (seed * 75 + 74) % 65537;
            if (seed % 3 != 0) { edges.push(Edge { a: a, b: b, w: seed % 50 + 1 }); }
        }
    }
    println("{} edges", edges.len());
    edges.sort_by(|x, y| x.w < y.w);
    let sets = DisjointSets::new(n);
    let total = 0;
    let used = 0;
    for e in edges {
        if (sets.union(e.a, e.b)) {
            println("take {}-{} ({})", e.a, e.b, e.w);
            total += e.w;
            used += 1;
        }
    }
    println("tree of {} edges, weight {}", used, total);
    println("root of 8 is root of 0: {}", sets.find(8) == sets.find(0));
}
