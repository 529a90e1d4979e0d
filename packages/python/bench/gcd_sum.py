# bench-size: 4000
# Sum of gcd(i, j) over an N x N square: Euclid's algorithm with tuple assignment, integer modulo.
import sys


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def gcd_sum(n):
    total = 0
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            total += gcd(i, j)
    return total


print(gcd_sum(int(sys.argv[1])))
