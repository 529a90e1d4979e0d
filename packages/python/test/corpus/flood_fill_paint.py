# Flood fill on a character picture: recursive and stack-based fills, region sizes.
PICTURE = [
    "..........",
    ".####.....",
    ".#..#..##.",
    ".#..#..#..",
    ".####..#..",
    "......###.",
    "..##......",
    "..##...#..",
]


def fill_recursive(grid: list[list[str]], r: int, c: int, old: str, new: str) -> int:
    if r < 0 or r >= len(grid) or c < 0 or c >= len(grid[0]) or grid[r][c] != old:
        return 0
    grid[r][c] = new
    return 1 + (fill_recursive(grid, r + 1, c, old, new) + fill_recursive(grid, r - 1, c, old, new)
                + fill_recursive(grid, r, c + 1, old, new) + fill_recursive(grid, r, c - 1, old, new))


def fill_stack(grid: list[list[str]], r: int, c: int, new: str) -> int:
    old = grid[r][c]
    if old == new:
        return 0
    stack = [(r, c)]
    count = 0
    while stack:
        y, x = stack.pop()
        if 0 <= y < len(grid) and 0 <= x < len(grid[0]) and grid[y][x] == old:
            grid[y][x] = new
            count += 1
            stack.extend([(y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)])
    return count


grid = [list(row) for row in PICTURE]
print("outside:", fill_recursive(grid, 0, 0, ".", " "))
print("inside box:", fill_stack(grid, 2, 2, "o"))
for row in grid:
    print("".join(row))

grid = [list(row) for row in PICTURE]
sizes = []
label = "a"
for r in range(len(grid)):
    for c in range(len(grid[0])):
        if grid[r][c] == "#":
            sizes.append((label, fill_stack(grid, r, c, label)))
            label = chr(ord(label) + 1)
print(sizes)
print("\n".join("".join(row) for row in grid))
print("largest shape:", max(sizes, key=lambda s: s[1]))
