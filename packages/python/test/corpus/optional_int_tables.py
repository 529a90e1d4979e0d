# int | None values kept in tuples, lists, dicts and nested lists; list methods and slicing on
# them; and sorting a list holding None, which raises TypeError as CPython does.
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None


def stats(xs):
    count = 0
    last = None
    for x in xs:
        count += 1
        last = x
    return count, last


pairs = [stats([]), stats([1, 2, 3]), stats([2**65])]
last = pairs[1][1]
print(pairs, pairs[0][1] is None, last + 1 if last is not None else 0)
found = [first_even(r) for r in ([1, 3], [1, 4, 6], [], [10**30])]
print(found, found.count(None), sorted(x for x in found if x is not None))
table = {}
for k in range(6):
    table[k] = first_even([k, k + 1])
print(table, list(table.values()))
grid = [[None] * 3 for _ in range(2)]
grid[1][2] = 7
grid[0][0] = -1
print(grid, grid == [[-1, None, None], [None, None, 7]])
vals = [None, 5]
vals.append(None)
vals.insert(0, 9)
vals.extend([None, 2**64])
print(vals, vals.pop(), vals.pop(), vals)
vals.remove(None)
print(vals, vals[::-1], vals * 2, vals + [1])
print(sorted([3, None, 1]))
