# A method several members of a union have, called on its value: each member's own method by what
# the value holds; tuple.count and tuple.index, with CPython's ValueError for a missing value.
table = {"sizes": [3, 1, 2, 1], "label": "banana", "pair": (1, "one", 1)}
print(table["sizes"].count(1), table["label"].count("a"), table["pair"].count(1))
print(table["sizes"].index(2), table["label"].index("n"), table["pair"].index("one"))
for key in table:
    value = table[key]
    print(key, value.count(1) if not isinstance(value, str) else value.count("n"))
t = (1, "a", 2.5, "a")
print(t.count("a"), t.index(2.5), t.count(9), (3, 1, 3).count(3), (3, 1, 3).index(1))
pts = ((0, 1), (2, 3), (0, 1))
print(pts.count((0, 1)), pts.index((2, 3)))
print(t.index("zz"))
