# Seeded dice: CPython's Mersenne Twister and randint must give the same rolls, so the same counts.
import random


def roll_pair() -> int:
    return random.randint(1, 6) + random.randint(1, 6)


def tally(seed: int, rolls: int) -> None:
    random.seed(seed)
    total = 0
    sevens = 0
    doubles_streak = 0
    longest_streak = 0
    low = 12
    high = 2
    for _ in range(rolls):
        a = random.randint(1, 6)
        b = random.randint(1, 6)
        s = a + b
        total += s
        if s == 7:
            sevens += 1
        if a == b:
            doubles_streak += 1
            longest_streak = max(longest_streak, doubles_streak)
        else:
            doubles_streak = 0
        low = min(low, s)
        high = max(high, s)
    print(f"seed {seed}: mean {total / rolls:.4f}, sevens {sevens}, longest doubles streak {longest_streak}, range {low}..{high}")


tally(0, 20000)
tally(1, 20000)
tally(42, 20000)
tally(2**32 + 5, 20000)
tally(-7, 20000)
tally(12345678901, 20000)

random.seed(3)
for i in range(12):
    print(roll_pair(), end=" " if i < 11 else "\n")
# A d20 with advantage: the larger of two rolls.
best = 0
for _ in range(1000):
    best += max(random.randrange(1, 21), random.randrange(1, 21))
print("advantage mean", best / 1000)
