# A function over values of several types, told apart by isinstance and None tests.


def describe(v):
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "flag " + str(v)
    if isinstance(v, int):
        return "int " + str(v * 2 + 1)
    if isinstance(v, float):
        return f"float {v:.3f}"
    if isinstance(v, str):
        return "str " + v.upper() + " of " + str(len(v))
    if isinstance(v, list):
        return "list of " + str(len(v))
    if isinstance(v, tuple):
        return "pair " + str(v[0])
    return "dict of " + str(len(v))


items = [3, "abc", 2.5, None, True, [1, 2, 3], (7, 8), {"a": 1}]
for item in items:
    print(describe(item))
total = 0
for item in items:
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        total += item
print(total)
texts = []
for item in items:
    if not isinstance(item, str):
        continue
    texts.append(item)
print(texts)


def parse(token):
    if token.isdigit():
        return int(token)
    return token


tokens = [parse(t) for t in "10 apples and 25 pears".split()]
print(tokens)
print(sum(t for t in tokens if isinstance(t, int)))
print([t.title() for t in tokens if isinstance(t, str)])
value = 5
print(value)
value = "five"
print(value)
value = 5.5
print(value, value == 5.5, value != "five")
for v in [0, "", 0.0, [], None, 1, "x"]:
    print(repr(v), bool(v), not v)
print(hash(items[0]) == hash(3), hash(2.5) == hash(items[2]))
