# Solves the n-queens puzzle by backtracking: counts solutions and draws the first board.
cols: set[int] = set()
diag1: set[int] = set()
diag2: set[int] = set()
placement: list[int] = []
solutions: list[list[int]] = []


def place(row: int, n: int) -> None:
    if row == n:
        solutions.append(placement[:])
        return
    for c in range(n):
        if c in cols or row - c in diag1 or row + c in diag2:
            continue
        cols.add(c)
        diag1.add(row - c)
        diag2.add(row + c)
        placement.append(c)
        place(row + 1, n)
        placement.pop()
        cols.remove(c)
        diag1.remove(row - c)
        diag2.remove(row + c)


for n in range(1, 9):
    solutions.clear()
    place(0, n)
    print(f"n={n}: {len(solutions)} solutions")

solutions.clear()
place(0, 8)
first = solutions[0]
print(first)
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
symmetric = [s for s in solutions if s == s[::-1]]
mirrored = {"".join(str(c) for c in s) for s in solutions} & {"".join(str(7 - c) for c in s) for s in solutions}
print(len(symmetric), "palindromic;", len(mirrored), "closed under mirroring")
corners = sum(1 for s in solutions if s[0] in (0, 7))
print("solutions with a queen in a top corner:", corners)
