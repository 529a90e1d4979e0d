# Tuples: packing, unpacking (starred too), comparison, as dict keys.
point = (3, 4)
x, y = point
print(point, x * x + y * y, point[0], point[-1])
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
head, *tail = "abc"
print(head, tail)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), min(pairs), max(pairs))
grid = {(r, c): r * 10 + c for r in range(3) for c in range(3)}
print(grid[(2, 1)], (1, 1) in grid, len(grid))
def divide(a, b):
    return a // b, a % b
q, r = divide(17, 5)
print(q, r, divide(-17, 5))
nested = ((1, 2), (3, (4, 5)))
(a, b), (c, (d, e)) = nested
print(a + b + c + d + e, nested)
print((1,), (), (1, "x", 2.5, True, None))
a, b = 1, 2
a, b = b, a
print(a, b)
