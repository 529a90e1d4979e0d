# Counting sort, LSD radix sort and bucket sort of seeded data, checked against sorted().
import random


def counting_sort(xs: list[int], top: int) -> list[int]:
    counts = [0] * (top + 1)
    for x in xs:
        counts[x] += 1
    out: list[int] = []
    for v, n in enumerate(counts):
        out.extend([v] * n)
    return out


def radix_sort(xs: list[int]) -> list[int]:
    out = xs[:]
    place = 1
    while out and place <= max(out):
        buckets: list[list[int]] = [[] for _ in range(10)]
        for x in out:
            buckets[x // place % 10].append(x)
        out = [x for b in buckets for x in b]
        place *= 10
    return out


def bucket_sort(xs: list[float], n: int) -> list[float]:
    buckets: list[list[float]] = [[] for _ in range(n)]
    for x in xs:
        buckets[min(int(x * n), n - 1)].append(x)
    out: list[float] = []
    for b in buckets:
        out.extend(sorted(b))
    return out


random.seed(77)
small = [random.randint(0, 9) for _ in range(30)]
print(small)
print(counting_sort(small, 9) == sorted(small), counting_sort(small, 9)[:12])
big = [random.randint(0, 99999) for _ in range(40)]
r = radix_sort(big)
print(r[:8], r == sorted(big))
floats = [random.random() for _ in range(20)]
b = bucket_sort(floats, 5)
print([round(x, 3) for x in b[:6]], b == sorted(floats))
print(radix_sort([]), radix_sort([5]), counting_sort([3, 1, 2], 3))
freq = {v: small.count(v) for v in sorted(set(small))}
print(freq)
