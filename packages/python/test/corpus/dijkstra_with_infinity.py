# Dijkstra over a dict of adjacency lists with heapq, distances defaulting to float("inf"): a
# dict.get whose default is of another type than the values (the result is either).
import heapq
graph = {
    "a": [("b", 7), ("c", 9), ("f", 14)],
    "b": [("a", 7), ("c", 10), ("d", 15)],
    "c": [("a", 9), ("b", 10), ("d", 11), ("f", 2)],
    "d": [("b", 15), ("c", 11), ("e", 6)],
    "e": [("d", 6), ("f", 9)],
    "f": [("a", 14), ("c", 2), ("e", 9)],
}
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev
dist, prev = dijkstra("a")
print(sorted(dist.items()))
path = ["e"]
while path[-1] in prev:
    path.append(prev[path[-1]])
print(" -> ".join(reversed(path)))
scores = {"a": 1, "b": 2}
print(scores.get("a", 0.5), scores.get("z", 0.5), scores.get("z", "none"), scores.get("b", None))
print(scores.pop("z", 9.5), scores.setdefault("c", 3), scores)
