# randrange with steps (positive, negative), negative ranges, ranges near the 64-bit limits, and
# getrandbits; each seed's draws are CPython's.
import random

random.seed(-7)
for _ in range(3):
    print(random.randrange(10), random.randrange(-10, 10), random.randrange(0, 100, 7), random.randrange(100, 0, -7))
    print(random.randrange(-50, -20, 3), random.randrange(-20, -50, -3), random.randint(-5, -1), random.randint(9, 9))

random.seed(2**63 - 1)
print(random.randint(-(2**63), 2**63 - 1), random.randrange(-(2**63), 2**63 - 1, 2**62))
print(random.randrange(2**62), random.getrandbits(0), random.getrandbits(1), random.getrandbits(31))
print(random.getrandbits(32), random.getrandbits(33), random.getrandbits(62))
random.seed(True)
print(random.randrange(True, 10), random.randint(False, True))

counts = 0
random.seed(2024)
for _ in range(30000):
    if random.randrange(-1000, 1000, 10) % 3 == 0:
        counts += 1
print("multiples of 3:", counts)
