# Union-find with path compression: friend circles, redundant edges and counting islands.
parent: list[int] = []
rank: list[int] = []


def reset(n: int) -> None:
    parent.clear()
    rank.clear()
    for i in range(n):
        parent.append(i)
        rank.append(0)


def find(x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def union(a: int, b: int) -> bool:
    ra, rb = find(a), find(b)
    if ra == rb:
        return False
    if rank[ra] < rank[rb]:
        ra, rb = rb, ra
    parent[rb] = ra
    if rank[ra] == rank[rb]:
        rank[ra] += 1
    return True


reset(10)
friendships = [(0, 1), (1, 2), (3, 4), (5, 6), (6, 7), (2, 0), (8, 9), (4, 5)]
redundant = [(a, b) for a, b in friendships if not union(a, b)]
circles: dict[int, list[int]] = {}
for person in range(10):
    circles.setdefault(find(person), []).append(person)
print(sorted(circles.values()))
print("redundant:", redundant)

GRID = ["11000011",
        "11000001",
        "00100000",
        "00011100",
        "10000101",
        "11000111"]
rows, cols = len(GRID), len(GRID[0])
reset(rows * cols)
land = 0
for r in range(rows):
    for c in range(cols):
        if GRID[r][c] == "1":
            land += 1
            for dr, dc in [(0, 1), (1, 0)]:
                nr, nc = r + dr, c + dc
                if nr < rows and nc < cols and GRID[nr][nc] == "1":
                    union(r * cols + c, nr * cols + nc)
roots = {find(r * cols + c) for r in range(rows) for c in range(cols) if GRID[r][c] == "1"}
print("land cells", land, "islands", len(roots))
sizes = {}
for r in range(rows):
    for c in range(cols):
        if GRID[r][c] == "1":
            root = find(r * cols + c)
            sizes[root] = sizes.get(root, 0) + 1
print(sorted(sizes.values(), reverse=True))
