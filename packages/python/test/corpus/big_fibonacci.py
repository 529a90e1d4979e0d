# Fibonacci numbers with hundreds of digits, by iteration and by fast doubling.
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_doubling(n):
    # Returns (F(n), F(n+1)).
    if n == 0:
        return 0, 1
    a, b = fib_doubling(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return c, d
    return d, c + d


for n in [10, 90, 92, 93, 100, 300, 1000]:
    x = fib_iter(n)
    y = fib_doubling(n)[0]
    print(n, x == y, len(str(x)), x % 1000000007)
print(fib_iter(500))
first_with_100_digits = 0
a, b = 0, 1
while len(str(a)) < 100:
    a, b = b, a + b
    first_with_100_digits += 1
print("first with 100 digits:", first_with_100_digits)
print(sum(fib_iter(k) for k in range(0, 200, 7)))
