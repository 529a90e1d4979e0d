# Iterators kept in variables: a header taken with next() before a loop over the rest, pairs from
# one iterator zipped with itself, a loop that breaks and another that goes on where it stopped.
it = iter([3, 1, 2])
first = next(it)
rest = list(it)
print(first, rest, next(it, "done"))
lines = iter("name,age\nann,3\nbob,4".splitlines())
header = next(lines).split(",")
rows = []
for line in lines:
    rows.append(dict(zip(header, line.split(","))))
print(header, rows)
words = iter(["a", "b", "c", "d", "e"])
pairs = list(zip(words, words))
print(pairs)
chars = iter("hello")
for c in chars:
    if c == "l":
        break
print(next(chars), list(chars))
nums = iter({3: "x", 1: "y"})
print(sum(nums))
data = [1, 2, 3]
walker = iter(data)
data.append(4)
print(list(walker))
e = iter([])
print(next(e, None))
print(next(iter(range(5, 10))), next(iter((7, 8))))
