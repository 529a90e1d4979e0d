# Monte Carlo estimates with random(): pi from points in the unit square, and an integral.
import math
import random as rnd

rnd.seed(12345678901)
inside = 0
for i in range(1, 200001):
    x = rnd.random()
    y = rnd.random()
    if x * x + y * y <= 1.0:
        inside += 1
    if i % 40000 == 0:
        print(i, 4 * inside / i)

rnd.seed(0)
total = 0.0
n = 50000
for _ in range(n):
    total += math.exp(-rnd.uniform(0, 2) ** 2)
print("integral of exp(-x^2) on [0, 2] ~", 2 * total / n)
print("last draws:", rnd.random(), rnd.uniform(-1.5, 2.5), rnd.uniform(3, 3))
