# Recursion in the shapes the compiler rewrites (mutual recursion, base cases tested at the call,
# accumulators, tail calls, float results), and an error raised at the bottom of a non-tail
# recursion, whose traceback must list every frame.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n):
    if n == 0:
        return 0
    return hanoi(n - 1) + 1 + hanoi(n - 1)


def power(x, n):
    if n == 0:
        return 1.0
    half = power(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x


def binomial(n, k):
    if k == 0 or k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


def depth(n):
    if n <= 0:
        return 1 // n
    return 1 + depth(n - 1)


print(is_even(10), is_odd(7), is_even(7))
print(ackermann(2, 3), hanoi(10), power(1.5, 10), power(-2.0, 5), binomial(16, 8))
print(depth(5))
