# Matrix multiplication, transpose, determinant by cofactors, identity and power by squaring.
def mat_mul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[row[c] for row in m] for c in range(len(m[0]))]


def identity(n: int) -> list[list[int]]:
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def det(m: list[list[int]]) -> int:
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        sign = 1 if c % 2 == 0 else -1
        total += sign * m[0][c] * det(minor)
    return total


def mat_pow(m: list[list[int]], e: int) -> list[list[int]]:
    result = identity(len(m))
    while e > 0:
        if e & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        e >>= 1
    return result


def show(m: list[list[int]]) -> None:
    for row in m:
        print(" ".join(f"{v:>5}" for v in row))
    print()


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(mat_mul(a, b))
show(transpose(a))
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det", det(m), det(identity(4)), det([[1, 2], [2, 4]]))
fib = mat_pow([[1, 1], [1, 0]], 30)
print("fib(30) =", fib[0][1])
show(mat_pow([[1, 1, 0], [0, 1, 1], [0, 0, 1]], 5))
print(mat_mul(identity(2), [[5, 6], [7, 8]]) == [[5, 6], [7, 8]])
trace = sum(m[i][i] for i in range(len(m)))
print("trace", trace, "max", max(max(r) for r in m))
