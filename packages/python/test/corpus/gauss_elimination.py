# Solves linear systems by Gaussian elimination with partial pivoting and checks the residuals.
def solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        row = m[col]
        m[col] = m[pivot]
        m[pivot] = row
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = m[i][n] - sum(m[i][j] * x[j] for j in range(i + 1, n))
        x[i] = s / m[i][i]
    return x


def residual(a: list[list[float]], x: list[float], b: list[float]) -> float:
    return max(abs(sum(a[i][j] * x[j] for j in range(len(x))) - b[i]) for i in range(len(b)))


systems = [
    ([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]], [8.0, -11.0, -3.0]),
    ([[0.0, 2.0], [3.0, 1.0]], [4.0, 5.0]),
    ([[4.0, -2.0, 1.0, 3.0], [3.0, 6.0, -4.0, 2.0], [2.0, 1.0, 8.0, -5.0], [1.0, 1.0, 1.0, 1.0]], [20.0, 9.0, 7.0, 10.0]),
]
for a, b in systems:
    x = solve(a, b)
    print([round(v, 6) for v in x], "residual ok:", residual(a, x, b) < 1e-9)
n = 5
hilbert = [[1.0 / (i + j + 1) for j in range(n)] for i in range(n)]
ones = [1.0] * n
rhs = [sum(row) for row in hilbert]
x = solve(hilbert, rhs)
print("hilbert:", [f"{v:.6f}" for v in x], max(abs(v - 1.0) for v in x) < 1e-6)
