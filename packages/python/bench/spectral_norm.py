# bench-size: 1600
# The benchmarks-game spectral norm: power iteration of A^T A on lists of floats, where A is the
# infinite matrix a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1); list indexing and float division.
import math
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(i, j) * u[j]
        out[i] = total


def times_at(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(j, i) * u[j]
        out[i] = total


def times_at_a(u, out, tmp):
    times_a(u, tmp)
    times_at(tmp, out)


def main():
    n = int(sys.argv[1])
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        times_at_a(u, v, tmp)
        times_at_a(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"{math.sqrt(vbv / vv):.9f}")


main()
