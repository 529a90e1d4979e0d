# zip walks iterators lazily beside lists: numbering with count(), and for-else over generators.
from itertools import count, islice

names = ["ann", "bob", "cy"]
for number, name in zip(count(1), names):
    print(number, name)
print(dict(zip(names, count(100, 10))), list(zip("abc", range(10), [True, False, True, False])))
print(list(zip(names, islice(count(), 2))), list(zip()), sum(a * b for a, b in zip(range(4), count(2))))
for key, weight in zip({"x": 1, "y": 2}, (0.5, 1.5, 2.5)):
    print(key, weight)
labels = [f"{n}:{s}" for n, s in zip(count(), "xyz")]
print(labels)
for found in (w for w in names if "o" in w):
    print("found", found)
    break
else:
    print("no name with an o")
for found in (w for w in names if "z" in w):
    break
else:
    print("no name with a z")
for _ in islice((w for w in names), 5):
    pass
else:
    print("walked all", len(names))
pairs = list(zip(count(5), names))
print(pairs[3])
