# Numerical integration with the trapezoidal and Simpson's rules.
import math


def f(x):
    return math.sin(x) * math.exp(-x / 4)


def g(x):
    return 4 / (1 + x * x)


def trapezoid(which, a, b, n):
    h = (b - a) / n
    total = (evaluate(which, a) + evaluate(which, b)) / 2
    for i in range(1, n):
        total += evaluate(which, a + i * h)
    return total * h


def simpson(which, a, b, n):
    h = (b - a) / n
    total = evaluate(which, a) + evaluate(which, b)
    for i in range(1, n):
        weight = 4 if i % 2 == 1 else 2
        total += weight * evaluate(which, a + i * h)
    return total * h / 3


def evaluate(which, x):
    if which == 1:
        return f(x)
    return g(x)


for n in range(2, 41, 6):
    t = trapezoid(2, 0.0, 1.0, n)
    s = simpson(2, 0.0, 1.0, n)
    print(f"n={n:>2} trapezoid={t:.12f} simpson={s:.12f} error={abs(s - math.pi):.3e}")
print(simpson(1, 0.0, math.pi, 1000))
print(trapezoid(1, 0.0, math.pi, 1000))
print(f"{simpson(2, 0.0, 1.0, 100000):.15f}")
