# bench-size: 24
# The Takeuchi function: deep, branching recursion with three int arguments, summed over 80 calls
# tak(N + i % 2, 2 * N // 3, N // 3) (N = 24: tak(24, 16, 8) and tak(25, 16, 8)).
import sys


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


n = int(sys.argv[1])
total = 0
for i in range(80):
    total += tak(n + i % 2, 2 * n // 3, n // 3)
print(total)
