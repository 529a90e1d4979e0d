# next() of an iterator made where it stands: the first match of a generator expression, with and
# without a default, iter() of a list, dict, str and range, map, filter, zip, enumerate, reversed,
# itertools.count; StopIteration when nothing comes (the last line).
import itertools
words = ["pear", "fig", "banana", "kiwi"]
print(next(w for w in words if len(w) > 3))
print(next((w for w in words if w.startswith("z")), None))
print(next(iter(words)), next(iter({"k": 1, "j": 2})), next(iter("xyz")), next(iter(range(5, 9))))
print(next(filter(lambda w: "i" in w, words)), next(map(len, words)), next(enumerate(words)))
print(next(zip(words, range(3))), next(reversed(words)), next(itertools.count(10)))
print(next((i for i in range(10) if i * i > 20), -1), next((i for i in range(3) if i > 5), -1))
first_long = next((w for w in words if len(w) > 10), "none")
print(first_long)
print(next(x for x in [] if x))
