# collections.Counter (most_common, missing keys count 0) and defaultdict of list, int and set.
from collections import defaultdict, Counter
import collections

words = "the cat and the hat and the bat".split()
counts = Counter(words)
print(counts)
print(counts.most_common(2), counts["the"], counts["dog"], "dog" in counts)
counts["dog"] += 2
print(counts.most_common())
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(groups)
print(dict(groups), groups[3])
totals = defaultdict(int)
for w in words:
    totals[w[0]] += 1
print(sorted(totals.items()))
c2 = collections.Counter()
for ch in "mississippi":
    c2[ch] += 1
print(c2, len(c2))
seen = defaultdict(set)
seen["a"].add(1)
print(seen)
