# An undirected graph built with defaultdict(list); degrees, neighbours and a BFS distance table.
from collections import defaultdict

edges = [("a", "b"), ("b", "c"), ("a", "d"), ("d", "e"), ("c", "e"), ("e", "f"), ("g", "h")]
adj = defaultdict(list)
for u, v in edges:
    adj[u].append(v)
    adj[v].append(u)
for node in sorted(adj):
    print(node, len(adj[node]), sorted(adj[node]))
dist = {"a": 0}
frontier = ["a"]
while frontier:
    nxt = []
    for u in frontier:
        for v in sorted(adj[u]):
            if v not in dist:
                dist[v] = dist[u] + 1
                nxt.append(v)
    frontier = nxt
print(dist)
unreached = sorted(set(adj) - set(dist))
print("unreached:", unreached)
by_degree = defaultdict(int)
for node in adj:
    by_degree[len(adj[node])] += 1
print(sorted(by_degree.items()))
