# Averages per bucket with a defaultdict; a bucket with zero weight raises ZeroDivisionError.
from collections import defaultdict

weights = defaultdict(int)
sums = defaultdict(int)
for bucket, value, w in [("a", 10, 2), ("b", 5, 1), ("a", 4, 1), ("c", 7, 0)]:
    sums[bucket] += value * w
    weights[bucket] += w


def mean(bucket):
    return sums[bucket] // weights[bucket]


for b in sorted(sums):
    print(b, mean(b))
