# Monte Carlo estimates with a seeded generator: pi, dice sums, the birthday problem and a needle.
import math
import random

random.seed(314)
for n in [100, 1000, 10000, 50000]:
    inside = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    est = 4 * inside / n
    print(f"n={n:>6} pi~{est:.4f} error {abs(est - math.pi):.4f}")

sums = [0] * 13
for _ in range(3600):
    sums[random.randint(1, 6) + random.randint(1, 6)] += 1
for total in range(2, 13):
    print(f"{total:>2} {sums[total]:>4} {'*' * (sums[total] // 20)}")

trials = 2000
shared = 0
for _ in range(trials):
    days: set[int] = set()
    for person in range(23):
        d = random.randrange(365)
        if d in days:
            shared += 1
            break
        days.add(d)
print(f"birthday collision among 23 people: {shared / trials:.3f}")

crossings = 0
drops = 20000
for _ in range(drops):
    centre = random.uniform(0.0, 0.5)
    angle = random.uniform(0.0, math.pi / 2)
    if centre <= 0.5 * math.sin(angle):
        crossings += 1
print(f"Buffon's needle: pi~{drops / crossings:.3f}")
