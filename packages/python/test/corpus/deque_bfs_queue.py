# Breadth-first search over a grid with collections.deque as the queue (popleft is O(1)).
from collections import deque

grid = [
    "S.#.....",
    ".##.###.",
    "....#...",
    "##.##.#.",
    "......#E",
]


def shortest(grid):
    rows, cols = len(grid), len(grid[0])
    queue = deque([(0, 0, 0)])
    seen = {(0, 0)}
    while queue:
        r, c, steps = queue.popleft()
        if grid[r][c] == "E":
            return steps, len(seen)
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                queue.append((nr, nc, steps + 1))
    return -1, len(seen)


print(shortest(grid))
tasks = deque(["write", "test"])
tasks.appendleft("plan")
tasks.extend(["review", "ship"])
tasks.extendleft(["wake", "coffee"])
print(tasks, len(tasks), "test" in tasks, "sleep" in tasks)
print(tasks.popleft(), tasks.pop(), tasks[0], tasks[-1], tasks[2])
done = []
while tasks:
    done.append(tasks.popleft())
print(done, tasks, bool(tasks))
tasks.pop()
