# Values that may be None: a search that returns an index or None, a running best that starts as
# None, dict.get without a default, narrowed by is None / is not None tests.
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def largest(xs):
    best = None
    for x in xs:
        if best is None or x > best:
            best = x
    return best


ages = {"ann": 31, "bob": 27}
print(find([4, 5, 6], 5), find([4, 5, 6], 9))
r = find([1, 2], 2)
if r is not None:
    print("found at", r + 1)
print(largest([3, 9, 2]), largest([]))
age = ages.get("cat")
print(age, age is None, ages.get("ann"))
name = None
for n in ["x", "yy"]:
    name = n
print(name, name if name is not None else "?")
label = "big" if largest([1]) == 1 else None
print(label)
