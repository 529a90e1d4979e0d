# Validates sudoku grids given as strings: rows, columns and boxes, reporting every conflict.
SOLVED = """534678912
672195348
198342567
859761423
426853791
713924856
961537284
287419635
345286179"""


def parse(text: str) -> list[list[int]]:
    return [[int(ch) for ch in line] for line in text.split()]


def conflicts(grid: list[list[int]]) -> list[str]:
    problems: list[str] = []
    for i in range(9):
        row = grid[i]
        col = [grid[r][i] for r in range(9)]
        br, bc = 3 * (i // 3), 3 * (i % 3)
        box = [grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)]
        for kind, cells in (("row", row), ("col", col), ("box", box)):
            seen: set[int] = set()
            for v in cells:
                if v != 0 and v in seen:
                    problems.append(f"{kind} {i} repeats {v}")
                seen.add(v)
    return problems


def candidates(grid: list[list[int]], r: int, c: int) -> list[int]:
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = r - r % 3, c - c % 3
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]


good = parse(SOLVED)
print("solved grid conflicts:", conflicts(good))
bad = parse(SOLVED)
bad[0][0] = 6
bad[4][4] = 1
for p in conflicts(bad):
    print(" ", p)
puzzle = parse(SOLVED)
holes = [(0, 2), (1, 1), (4, 4), (8, 8), (3, 0), (6, 5)]
for r, c in holes:
    puzzle[r][c] = 0
for r, c in holes:
    print((r, c), candidates(puzzle, r, c), "answer", good[r][c])
print(sum(row.count(0) for row in puzzle), "empty cells;", sum(sum(row) for row in good), "digit sum")
print(all(sorted(row) == list(range(1, 10)) for row in good))
