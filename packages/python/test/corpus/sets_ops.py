# Sets: CPython's iteration order, operators, comparisons.
a = {5, 3, 9, 1, 7, 100, 33}
b = set(range(0, 10, 2))
print(a, b)
print(a | b, a & b, a - b, a ^ b)
print(a <= (a | b), {1, 3} < a, a.isdisjoint({2, 4}))
a.add(64)
a.discard(5)
a.discard(500)
print(sorted(a), len(a), 64 in a)
words = {"pear", "apple", "fig"}
print(sorted(words), len(words | {"kiwi"}))
squares = {x * x % 7 for x in range(20)}
print(squares)
evens = {n for n in a if n % 2 == 0}
print(evens)
print(set(), {1, 2})
