# Seeded random choices over lists: CPython's exact sequence of choice, shuffle and sample.
import random

random.seed(2024)
deck = [f"{rank}{suit}" for suit in "SHDC" for rank in ["A", "K", "Q", "J", "10", "9"]]
random.shuffle(deck)
print(deck[:8])
hand = random.sample(deck, 5)
print(hand, sorted(hand))
print([random.choice("abcdef") for _ in range(10)])
nums = list(range(20))
random.shuffle(nums)
print(nums, random.choice(nums))
counts = {}
for _ in range(1000):
    face = random.randint(1, 6)
    counts[face] = counts.get(face, 0) + 1
print(sorted(counts.items()))
print(random.sample(list(range(100)), 10))
