# frozenset: built from iterables, printed, combined with sets (the left operand's kind wins), hashed
# as a dict key and a set element, and told apart from set by isinstance.
a = frozenset([1, 2, 3])
b = frozenset({2, 3, 4})
print(a, b, a | b, a & b, a - b, a ^ b, 2 in a, len(a))
print(a <= frozenset([1, 2, 3, 4]), a == frozenset([3, 2, 1]), hash(a) == hash(frozenset([1, 2, 3])))
groups = {frozenset(["x", "y"]): 1, frozenset(["y", "x"]): 2}
print(len(groups), groups[frozenset("xy")], [sorted(k) for k in groups])
s = {frozenset([1]), frozenset([1]), frozenset()}
print(len(s), frozenset() in s)
print(sorted(frozenset("hello")))
print(frozenset())
seen = set()
for pair in [(1, 2), (2, 1), (3, 4)]:
    seen.add(frozenset(pair))
print(len(seen), isinstance(a, frozenset), isinstance(a, set), isinstance({1}, frozenset))
c = a | {9}
d = {9} | a
print(c, d)
print(a.union({7}), a.intersection({1, 7}), a.issubset({1, 2, 3, 4}), a.isdisjoint({8}))
print({1, 2} == frozenset([2, 1]), {1} < frozenset([1, 2]), frozenset([1, 2]) <= {1, 2, 3}, {1, 2} >= frozenset([1]), frozenset([3]) != {3})
