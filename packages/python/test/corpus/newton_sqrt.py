# Newton's method for square roots and cube roots, compared with math.sqrt.
import math


def newton_sqrt(x, tolerance=1e-12):
    if x == 0:
        return 0.0
    guess = x if x > 1 else 1.0
    iterations = 0
    while True:
        better = (guess + x / guess) / 2
        iterations += 1
        if abs(better - guess) <= tolerance * better:
            return better
        guess = better


def cube_root(x):
    y = x
    for _ in range(100):
        y = y - (y * y * y - x) / (3 * y * y)
    return y


def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


for v in range(0, 50, 7):
    s = newton_sqrt(v * 1.0)
    print(f"{v:>3} {s:.12f} {math.sqrt(v):.12f} {abs(s - math.sqrt(v)) < 1e-9}")
print(newton_sqrt(2.0), newton_sqrt(1e-6), newton_sqrt(1e20))
print(cube_root(27.0), cube_root(2.0), cube_root(1000.0))
print(isqrt(99), isqrt(100), isqrt(9223372036854775806), math.isqrt(9223372036854775807))
