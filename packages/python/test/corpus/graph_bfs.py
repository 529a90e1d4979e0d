# Breadth-first search and connected components on an adjacency dict.
edges = [(0, 1), (1, 2), (2, 0), (3, 4), (5, 6), (6, 7), (7, 5), (7, 8), (9, 9)]
graph: dict[int, list[int]] = {}
for a, b in edges:
    graph.setdefault(a, []).append(b)
    graph.setdefault(b, []).append(a)


def bfs(start):
    seen = {start}
    order = [start]
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for other in sorted(graph[node]):
                if other not in seen:
                    seen.add(other)
                    order.append(other)
                    nxt.append(other)
        frontier = nxt
    return order


components = []
visited = set()
for node in sorted(graph):
    if node not in visited:
        comp = bfs(node)
        visited |= set(comp)
        components.append(comp)
print(components)
print(len(components), max(len(c) for c in components))
print({n: len(graph[n]) for n in sorted(graph)})
