# Functions that loop or recurse run a copy that assumes their ints stay small; when one grows big
# mid-run, the call starts over exactly, and the results and errors are CPython's.
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def power_sum(base, count):
    total = 0
    k = 0
    while k < count:
        total += base**k
        k += 1
    return total


def pick(xs, i):
    while i > 10:
        i -= 7
    return xs[i] // (i - 3)


print(grow(10), grow(50), grow(100))
print(fib(20), fib_iter(100), fib_iter(30))
print([fib_iter(k) for k in range(88, 95)])
print(power_sum(2, 70), power_sum(3, 5), power_sum(10, 25))
print(pick([1, 2, 3, 4, 5], 2))
print(pick([1, 2, 3, 4, 5], 24))
