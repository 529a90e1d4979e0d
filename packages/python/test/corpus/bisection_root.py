# Root finding by bisection and by the secant method on a few functions.
import math

iterations = 0


def poly(x):
    return x * x * x - 2 * x - 5


def trig(x):
    return math.cos(x) - x


def evaluate(which, x):
    return poly(x) if which == 0 else trig(x)


def bisect(which, lo, hi, tolerance):
    global iterations
    iterations = 0
    while hi - lo > tolerance:
        mid = (lo + hi) / 2
        if evaluate(which, lo) * evaluate(which, mid) <= 0:
            hi = mid
        else:
            lo = mid
        iterations += 1
    return (lo + hi) / 2


def secant(which, x0, x1, steps):
    for _ in range(steps):
        f0 = evaluate(which, x0)
        f1 = evaluate(which, x1)
        if f1 == f0:
            break
        x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
    return x1


root = bisect(0, 2.0, 3.0, 1e-12)
print(f"poly root {root:.12f} after {iterations} bisections; secant {secant(0, 2.0, 3.0, 20):.12f}")
print("residual", poly(root))
root = bisect(1, 0.0, 1.0, 1e-12)
print(f"cos(x) = x at {root:.12f} after {iterations} bisections; secant {secant(1, 0.0, 1.0, 20):.12f}")
print("residual", trig(root))
