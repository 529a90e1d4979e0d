# Matrix arithmetic on lists of lists.
def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def multiply(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    result = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        for k in range(inner):
            aik = a[i][k]
            for j in range(cols):
                result[i][j] += aik * b[k][j]
    return result


def transpose(m):
    return [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]


m = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]
print(multiply(m, identity(3)) == m)
p = multiply(m, m)
for row in p:
    print(" ".join(f"{x:7.1f}" for x in row))
print(sum(sum(row) for row in p))
print([row[1] for row in m], [m[i][i] for i in range(3)])
print(transpose(m))
