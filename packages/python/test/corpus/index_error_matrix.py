# Transposes a ragged matrix and fails with an IndexError on the short row.
def transpose(rows: list[list[int]]) -> list[list[int]]:
    width = len(rows[0])
    out: list[list[int]] = []
    for c in range(width):
        column = []
        for r in rows:
            column.append(cell(r, c))
        out.append(column)
    return out


def cell(row: list[int], c: int) -> int:
    return row[c]


square = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for row in transpose(square):
    print(" ".join(f"{v:2}" for v in row))
print(transpose([[1, 2], [3, 4], [5, 6]]))
ragged = [[1, 2, 3], [4, 5], [6, 7, 8]]
print("transposing", ragged)
print(transpose(ragged))
