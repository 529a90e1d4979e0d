# Containers of values of different types print, compare and search as CPython's do.
row = [1, "a", (2.0, None), [3, "b"], True, -0.5, {"k": 1}]
print(row)
print(len(row), row[1], row[-1], row[2:4])
print(repr(row[1]), str(row[1]))
nested = [[1, "x"], [2, "y", "z"], []]
print(nested)
print(nested[0] == [1, "x"], nested[1] != [2.5, None], [1, 2.0] == [1.0, 2])
print("a" in row, 2 in row, None in row, 1.0 in row, row.count(True), row.index("a"))
pairs = (1, "one", 1.5)
print(pairs, pairs[1])
numbers = [3, 1.5, 2, True, -4.25, 0]
print(sorted(numbers), sorted(numbers, reverse=True))
print(max(numbers), min(numbers), sum([1, 2.5, 3]))
numbers.sort()
print(numbers)
mixed_set = {1, "a", 2.5, None, (1, 2)}
print(len(mixed_set), 1 in mixed_set, "b" in mixed_set, (1, 2) in mixed_set)
keys = {1: "one", "two": 2, 3.5: [1, 2], None: "none"}
print(keys)
print(keys[1], keys["two"], keys[3.5], keys[None], 1.0 in keys, True in keys)
keys[2] = "two"
keys["three"] = 3
del keys[None]
print(keys, len(keys))
for k, v in keys.items():
    print(k, v)
optional_floats = [1.5, None, 2.0]
optional_floats.append(None)
optional_floats[0] = 3.25
print(optional_floats, optional_floats.count(None))
flags = [True, None, False]
print(flags, [f for f in flags if f is not None])
