# print(*iterable): every element, separated as print separates its arguments.
row = [1, 2, 3]
print(*row)
print(*row, sep=", ")
print("row:", *row, "end", sep=" | ", end="!\n")
print(*[], "only")
print(*"abc")
print(*(x * x for x in range(4)), sep="-")
grid = [[1, 2], [3, 4]]
for r in grid:
    print(*r)
words = {"b": 1, "a": 2}
print(*sorted(words))
print(*range(3), *range(2))
