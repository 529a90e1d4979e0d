# Shortest path through a maze given as a list of strings, with the route drawn on the grid.
MAZE = [
    "S.#.......",
    ".##.#####.",
    "....#...#.",
    "#.###.#.#.",
    "#...#.#...",
    "###.#.###.",
    "....#...#E",
    ".##.###.#.",
    ".........#",
]


def find(ch: str) -> tuple[int, int]:
    for r, row in enumerate(MAZE):
        c = row.find(ch)
        if c >= 0:
            return (r, c)
    return (-1, -1)


start, goal = find("S"), find("E")
prev: dict[tuple[int, int], tuple[int, int]] = {}
dist = {start: 0}
queue = [start]
head = 0
while head < len(queue):
    r, c = queue[head]
    head += 1
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(MAZE) and 0 <= nc < len(MAZE[0]) and MAZE[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            prev[(nr, nc)] = (r, c)
            queue.append((nr, nc))

print("start", start, "goal", goal, "reachable cells", len(dist))
print("shortest path length:", dist[goal])
grid = [list(row) for row in MAZE]
cell = prev[goal]
while cell != start:
    grid[cell[0]][cell[1]] = "*"
    cell = prev[cell]
for row in grid:
    print("".join(row))
unreachable = sum(1 for r in range(len(MAZE)) for c in range(len(MAZE[0]))
                  if MAZE[r][c] != "#" and (r, c) not in dist)
print("unreachable open cells:", unreachable)
far = max(dist, key=lambda p: (dist[p], p))
print("farthest cell", far, dist[far])
