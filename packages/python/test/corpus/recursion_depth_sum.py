# Recursion several hundred frames deep (below CPython's default limit of 1000).
def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)


def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + n % 7)


def depth_of_halving(n):
    if n <= 1:
        return 0
    return 1 + depth_of_halving(n // 2)


def harmonic(n):
    if n == 0:
        return 0.0
    return 1.0 / n + harmonic(n - 1)


print(sum_to(900))
print(count_down(950, 0))
print(depth_of_halving(9223372036854775807))
print(harmonic(800))
for n in range(100, 901, 200):
    print(n, sum_to(n), n * (n + 1) // 2)
