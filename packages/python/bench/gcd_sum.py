# Sum of gcd(i, j) over a square: Euclid's algorithm with tuple assignment, integer modulo.
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


print(gcd_sum(4000))
