# Lists of values of several types: flattening nested lists, a header row beside data rows, a
# table printed in columns, a stack of mixed values, and lists of different element types added.
def flatten(items):
    out = []
    for x in items:
        if isinstance(x, list):
            for y in x:
                out.append(y)
        else:
            out.append(x)
    return out
print(flatten([1, [2, 3], 4, [5]]))
table = [["name", "qty"], ["apple", 3], ["pear", 5]]
header, *rows = table
print(header, rows)
for name, qty in rows:
    print(name, qty)
widths = [max(len(str(row[i])) for row in table) for i in range(2)]
for row in table:
    print(" | ".join(str(cell).ljust(w) for cell, w in zip(row, widths)))
cells = {(0, 0): "x", (1, 1): 5, (2, 0): None}
for (r, c), v in sorted(cells.items()):
    print(r, c, v)
stack = [1, "two", 3.0]
while stack:
    top = stack.pop()
    print(top, type(top).__name__)
mixed = ["b", 2, "a", 1]
strs = sorted(x for x in mixed if isinstance(x, str))
ints = sorted(x for x in mixed if isinstance(x, int))
print(strs + ints, (strs, ints), ints + [0.5], [None] + strs)
counts = {}
for x in mixed:
    key = type(x).__name__
    counts[key] = counts.get(key, 0) + 1
print(counts)
