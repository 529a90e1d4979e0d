# Conway's Game of Life on a small wrapping board: a glider and a blinker, with population counts.
ROWS, COLS = 10, 12
board = [[0] * COLS for _ in range(ROWS)]
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2), (6, 7), (6, 8), (6, 9)]:
    board[r][c] = 1


def neighbours(b: list[list[int]], r: int, c: int) -> int:
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr != 0 or dc != 0:
                total += b[(r + dr) % ROWS][(c + dc) % COLS]
    return total


def step(b: list[list[int]]) -> list[list[int]]:
    new = [[0] * COLS for _ in range(ROWS)]
    for r in range(ROWS):
        for c in range(COLS):
            n = neighbours(b, r, c)
            if b[r][c] == 1 and n in (2, 3):
                new[r][c] = 1
            elif b[r][c] == 0 and n == 3:
                new[r][c] = 1
    return new


def show(b: list[list[int]]) -> None:
    for row in b:
        print("".join("#" if v else "." for v in row))


seen: dict[str, int] = {}
for gen in range(41):
    key = "".join(str(v) for row in board for v in row)
    if gen in (0, 1, 4, 40):
        print("generation", gen, "population", sum(sum(row) for row in board))
        show(board)
    if key in seen:
        print("repeat of generation", seen[key], "at", gen)
    seen[key] = gen
    board = step(board)
print(len(seen), "distinct boards")
