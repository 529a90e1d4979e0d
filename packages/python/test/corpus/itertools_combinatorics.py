# product, permutations and combinations: seating plans, dice and handshakes.
import itertools
from itertools import combinations, permutations, product

guests = ["ann", "bob", "cy", "dee"]
handshakes = list(combinations(guests, 2))
print(len(handshakes), handshakes[:3])
for a, b in combinations(guests[:3], 2):
    print(f"{a}-{b}", end=" ")
print()
print(list(permutations("abc")), len(list(permutations(range(5), 3))))
print(sorted(permutations([3, 1, 2], 2))[:4], list(permutations("ab", 0)), list(permutations("ab", 3)))
dice = list(product(range(1, 4), repeat=2))
print(dice)
print(sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == 7))
print(list(product("xy", [0, 1], (True,))), list(itertools.product()))
best = max(combinations([4, 9, 2, 7], 3), key=lambda t: t[0] + t[1] + t[2])
print(best, sorted(set(sum(c) for c in combinations([1, 2, 3, 4], 2))))
for i, (left, right) in enumerate(product("ab", "cd")):
    print(i, left + right)
print(list(combinations(range(4), 0)), list(combinations(range(2), 3)), len(list(combinations(range(20), 4))))
print([p for p in permutations((1, 2, 3)) if p[0] < p[2]])
print(list(permutations(guests, -1)))
