# Tail calls and accumulating recursion, which the compiler turns into loops: results, and the
# traceback of an error raised deep inside one, must be those of the recursive calls.
def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def alternating(n):
    if n == 0:
        return 0
    return (n if n % 2 else -n) + alternating(n - 1)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def by_three(n, total):
    if n <= 0:
        return total // n
    return by_three(n - 3, total + n)


def count_down(n, step):
    if n <= 0:
        return 10 // n
    return count_down(n - step, step)


print(total(500), factorial(20), alternating(501), gcd(1071, 462), by_three(32, 0))
print(count_down(30, 3))
