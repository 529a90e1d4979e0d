# itertools.groupby: runs of equal elements, with and without a key (a lambda, a builtin, a str
# method), over lists, strings, generator expressions and sorted input; the runs read as lists, by
# sum, max and len(list(...)); an empty input; and records grouped by a field, then summarised.
import itertools
from itertools import groupby

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot", "Avocado"]
for key, group in groupby(words, key=lambda w: w[0]):
    print(key, list(group))
for key, group in groupby(words, str.lower):
    print(key, len(list(group)))
for length, group in groupby(sorted(words, key=len), len):
    print(length, sorted(group))
print([(k, sum(1 for _ in g)) for k, g in groupby("aaabccdddd")])
print([k for k, _ in groupby([1, 1, 2, 2, 2, 1, 3, 3])])
print([(k, max(g)) for k, g in itertools.groupby((x * x % 7 for x in range(20)), key=lambda v: v > 3)])
for k, g in groupby([]):
    print("never", k, list(g))
sales = [("north", 120), ("north", 80), ("south", 50), ("east", 10), ("east", 30), ("north", 5)]
for region, rows in groupby(sorted(sales), key=lambda r: r[0]):
    amounts = [amount for _, amount in rows]
    print(f"{region:>6}: {len(amounts)} sales, total {sum(amounts)}, best {max(amounts)}")
runs = {}
for bit, run in groupby("1110010111"):
    runs.setdefault(bit, []).append(len(list(run)))
print(runs)
