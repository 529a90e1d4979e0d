# Counting with big numbers: binomials, Catalan numbers, derangements, partitions, and math's ints.
import math


def catalan(n):
    return math.comb(2 * n, n) // (n + 1)


def derangements(n):
    a, b = 1, 0
    for k in range(2, n + 1):
        a, b = b, (k - 1) * (a + b)
    return b if n > 0 else 1


def partitions(n):
    ways = [1] + [0] * n
    for part in range(1, n + 1):
        for total in range(part, n + 1):
            ways[total] += ways[total - part]
    return ways[n]


print([catalan(n) for n in range(0, 12)], catalan(100))
print(derangements(30), partitions(400))
print(math.factorial(60), math.comb(200, 100) % 10**12, math.perm(50, 25))
print(math.gcd(2**120 - 1, 2**90 - 1) == 2**30 - 1, math.lcm(10**20, 6**15))
r = math.isqrt(10**101)
print(r, r * r <= 10**101 < (r + 1) ** 2)
print(sum(math.comb(60, k) for k in range(61)) == 2**60)
