# gauss() makes values in pairs and keeps the second; seed() forgets it, as CPython's does.
import random

random.seed(0)
for _ in range(5):
    print(random.gauss(0, 1))
print(random.gauss(100, 15), random.gauss(0.5, 2))
random.seed(2**32 + 5)
first = random.gauss(0.0, 1.0)
random.seed(2**32 + 5)
print(first == random.gauss(0.0, 1.0), random.gauss())
# Reseeding between the two values of a pair drops the kept one.
random.seed(7)
a = random.gauss(10, 3)
random.seed(7)
b = random.gauss(10, 3)
c = random.gauss(10, 3)
print(a == b, a != c, c)

random.seed(42)
n = 20000
total = 0.0
squares = 0.0
for _ in range(n):
    g = random.gauss(5, 2)
    total += g
    squares += g * g
mean = total / n
print("mean", mean, "stdev", (squares / n - mean * mean) ** 0.5)
print("expovariate", random.expovariate(1.5), random.expovariate(0.25), random.expovariate(-2))
print("triangular", random.triangular(), random.triangular(0, 10), random.triangular(0.0, 10, 9), random.triangular(5.0, 5, 5))
