# Dijkstra's shortest paths on a road map, with a plain list used as the priority queue.
ROADS = """A B 7
A C 9
A F 14
B C 10
B D 15
C D 11
C F 2
D E 6
E F 9
E G 3
G H 1
D H 20"""

graph: dict[str, list[tuple[str, int]]] = {}
for line in ROADS.splitlines():
    a, b, w = line.split()
    graph.setdefault(a, []).append((b, int(w)))
    graph.setdefault(b, []).append((a, int(w)))


def dijkstra(source: str) -> tuple[dict[str, int], dict[str, str]]:
    dist = {source: 0}
    prev: dict[str, str] = {}
    queue = [(0, source)]
    done: set[str] = set()
    while queue:
        best = min(range(len(queue)), key=lambda i: queue[i])
        d, node = queue.pop(best)
        if node in done:
            continue
        done.add(node)
        for nxt, w in graph[node]:
            nd = d + w
            if nxt not in dist or nd < dist[nxt]:
                dist[nxt] = nd
                prev[nxt] = node
                queue.append((nd, nxt))
    return dist, prev


def path(prev: dict[str, str], target: str) -> list[str]:
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    out.reverse()
    return out


dist, prev = dijkstra("A")
for node in sorted(dist):
    print(f"A -> {node}: {dist[node]:>3}  via {'-'.join(path(prev, node))}")
far = max(dist, key=lambda n: dist[n])
print("farthest from A:", far, dist[far])
total = 0
for src in sorted(graph):
    d, _ = dijkstra(src)
    total += sum(d.values())
print("sum of all-pairs distances:", total // 2)
