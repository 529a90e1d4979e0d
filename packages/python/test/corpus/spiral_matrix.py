# Spiral traversal, rotation and diagonal sums of square and rectangular matrices.
def spiral(m: list[list[int]]) -> list[int]:
    out: list[int] = []
    top, bottom, left, right = 0, len(m) - 1, 0, len(m[0]) - 1
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            out.append(m[top][c])
        for r in range(top + 1, bottom + 1):
            out.append(m[r][right])
        if top < bottom:
            for c in range(right - 1, left - 1, -1):
                out.append(m[bottom][c])
        if left < right:
            for r in range(bottom - 1, top, -1):
                out.append(m[r][left])
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out


def rotate(m: list[list[int]]) -> list[list[int]]:
    rows, cols = len(m), len(m[0])
    return [[m[rows - 1 - r][c] for r in range(rows)] for c in range(cols)]


def fill_spiral(n: int) -> list[list[int]]:
    grid = [[0] * n for _ in range(n)]
    r, c, dr, dc = 0, 0, 0, 1
    for k in range(1, n * n + 1):
        grid[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n) or grid[nr][nc]:
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid


m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print(spiral(m))
print(rotate(m))
print(spiral(rotate(rotate(m))))
for row in fill_spiral(5):
    print(" ".join(f"{v:>2}" for v in row))
g = fill_spiral(6)
print(sum(g[i][i] for i in range(6)), sum(g[i][5 - i] for i in range(6)))
print(spiral(g) == list(range(1, 37)), spiral([[7]]), spiral([[1, 2, 3]]), spiral([[1], [2], [3]]))
