# The same seed replays the same stream; seed() without one seeds from the OS, so its draws are not
# printed, only that reseeding afterwards still replays.
import random
from random import random as draw, seed as reseed


def checksum(seed: int, count: int) -> float:
    reseed(seed)
    total = 0.0
    for i in range(count):
        total += draw() * (i % 7 + 1)
    return total


def replay(s: int) -> None:
    first = checksum(s, 1000)
    print(s, first, first == checksum(s, 1000))


replay(0)
replay(1)
replay(42)
replay(2**32 - 1)
replay(2**32)
replay(2**32 + 5)
replay(-7)
replay(12345678901)
replay(2**63 - 1)

random.seed()
unpredictable = random.random()
random.seed(None)
print(0.0 <= unpredictable < 1.0, 0 <= random.randrange(100) < 100)
reseed(42)
print(draw(), random.randint(1, 100), random.random())
# Mid-program: reseeding restarts the stream in the middle of a loop.
reseed(5)
for i in range(6):
    if i == 3:
        reseed(5)
    print(i, random.randint(1, 1000))
