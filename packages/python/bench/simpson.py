# bench-size: 24000000
# Simpson's rule with N intervals on a smooth integrand: float arithmetic plus libm calls (sin,
# exp).
import math
import sys


def integrand(x):
    return math.sin(x) * math.exp(-x / 5.0) + x * x / 100.0


def simpson(a, b, n):
    h = (b - a) / n
    total = integrand(a) + integrand(b)
    for i in range(1, n):
        x = a + i * h
        if i % 2 == 1:
            total += 4.0 * integrand(x)
        else:
            total += 2.0 * integrand(x)
    return total * h / 3.0


print(f"{simpson(0.0, 10.0, int(sys.argv[1])):.12f}")
