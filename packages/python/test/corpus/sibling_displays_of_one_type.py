# Displays side by side in one display take one type, their parts joined: records whose fields
# differ in type from one record to the next, rows with gaps, pairs with optional parts.
records = [
    {"id": 1, "name": "ann", "score": 9.5},
    {"id": 2, "name": None, "score": 7},
    {"id": 3, "name": "cy", "score": None},
]
for r in records:
    name = r["name"]
    label = name.upper() if isinstance(name, str) else "(none)"
    print(r["id"], label, r["score"])
print(records)
pairs = [(1, "one"), (2, None), (3, "three")]
for number, word in pairs:
    print(number, word if word is not None else "-")
print(pairs, (2, None) in pairs)
rows = [[1, 2, 3], ["a", "b"], [4.5], []]
print(rows, [len(row) for row in rows])
print(sum(len(row) for row in rows))
grid = {"a": [1, 2], "b": ["x"], "c": []}
for key, cells in grid.items():
    print(key, cells, len(cells))
tags = [{"x", "y"}, {1, 2}]
print([len(t) for t in tags], sorted(len(t) for t in tags))
nested = {"p": {"q": 1}, "r": {"s": "two"}}
print(nested["p"]["q"], nested["r"]["s"])
