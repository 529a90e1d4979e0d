# Minimum knight moves between squares on a chessboard by BFS, plus a Warnsdorff knight's tour.
MOVES = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)]


def square(name: str) -> tuple[int, int]:
    return ord(name[0]) - ord("a"), int(name[1]) - 1


def name_of(p: tuple[int, int]) -> str:
    return chr(ord("a") + p[0]) + str(p[1] + 1)


def distances(start: tuple[int, int], n: int) -> dict[tuple[int, int], int]:
    dist = {start: 0}
    queue = [start]
    for pos in queue:
        for dx, dy in MOVES:
            nxt = (pos[0] + dx, pos[1] + dy)
            if 0 <= nxt[0] < n and 0 <= nxt[1] < n and nxt not in dist:
                dist[nxt] = dist[pos] + 1
                queue.append(nxt)
    return dist


d = distances(square("a1"), 8)
for rank in range(7, -1, -1):
    print(" ".join(str(d[(f, rank)]) for f in range(8)))
for a, b in [("a1", "h8"), ("b1", "c3"), ("d4", "e5"), ("a1", "b2")]:
    print(a, "->", b, distances(square(a), 8)[square(b)])


def tour(n: int, start: tuple[int, int]) -> list[tuple[int, int]]:
    path = [start]
    seen = {start}
    while len(path) < n * n:
        x, y = path[-1]
        options = [(x + dx, y + dy) for dx, dy in MOVES
                   if 0 <= x + dx < n and 0 <= y + dy < n and (x + dx, y + dy) not in seen]
        if not options:
            break
        onward = {p: sum(1 for dx, dy in MOVES if 0 <= p[0] + dx < n and 0 <= p[1] + dy < n
                         and (p[0] + dx, p[1] + dy) not in seen) for p in options}
        nxt = min(options, key=lambda p: (onward[p], p))
        path.append(nxt)
        seen.add(nxt)
    return path


t = tour(6, (0, 0))
print(len(t), " ".join(name_of(p) for p in t[:12]))
board = {p: i + 1 for i, p in enumerate(t)}
for rank in range(5, -1, -1):
    print(" ".join(f"{board.get((f, rank), 0):>2}" for f in range(6)))
