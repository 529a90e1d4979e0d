# Seeded random walks in one and two dimensions: return to origin, farthest point and a drawn path.
import math
import random

random.seed(99)
returns = 0
max_distance = 0
finals: list[int] = []
for trial in range(200):
    pos = 0
    for step in range(100):
        pos += random.choice([-1, 1])
        max_distance = max(max_distance, abs(pos))
        if pos == 0 and step > 0:
            returns += 1
    finals.append(pos)
print("returns to origin:", returns, "farthest:", max_distance)
mean = sum(finals) / len(finals)
rms = math.sqrt(sum(f * f for f in finals) / len(finals))
print(f"mean final {mean:.3f}, rms {rms:.3f}, sqrt(100) = {math.sqrt(100):.1f}")

x, y = 0, 0
visited = {(0, 0)}
moves = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
path = []
for _ in range(60):
    d = random.choice("NSEW")
    dx, dy = moves[d]
    x, y = x + dx, y + dy
    visited.add((x, y))
    path.append(d)
print("".join(path))
print("end", (x, y), "distinct cells", len(visited))
xs = [p[0] for p in visited]
ys = [p[1] for p in visited]
for row in range(max(ys), min(ys) - 1, -1):
    line = ""
    for col in range(min(xs), max(xs) + 1):
        if (col, row) == (0, 0):
            line += "O"
        elif (col, row) == (x, y):
            line += "X"
        else:
            line += "#" if (col, row) in visited else "."
    print(line)
