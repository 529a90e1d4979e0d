# Big ints kept in lists, tuples, dicts and sets: sorting, membership, sums and counting.
from collections import Counter

powers = [3**k for k in range(0, 120, 7)]
mixed = [2**64, -(2**70), 5, 0, 2**63 - 1, -(2**63), 10**30, 7]
print(sorted(mixed))
print(sorted(mixed, reverse=True)[:3], max(mixed), min(mixed), sum(mixed))
print(sum(powers) % 1000003, len(powers), powers[-1])
table = {2**k: k for k in range(60, 70)}
print(table[2**65], 2**66 in table, 2**59 in table, len(table))
seen = {x * x for x in range(2**62, 2**62 + 5)}
print(len(seen), (2**62 + 3) ** 2 in seen)
pairs = [(10**20 + k % 3, k) for k in range(6)]
pairs.sort()
print(pairs)
counts = Counter(x % (2**64 + 13) for x in powers)
print(sorted(counts.values())[-1], len(counts))
stack = []
for k in range(5):
    stack.append(2**(60 + k))
while stack:
    print(stack.pop(), end=" ")
print()
print([x // 10**15 for x in powers[10:13]], powers.index(3**70), powers.count(3**7))
