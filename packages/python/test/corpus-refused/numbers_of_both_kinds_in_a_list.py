# expect: unsupported: a container of int | float
# at: 7:10
# A variable may hold an int and then a float, but a container's numbers are all of one kind.
total = 0
for v in [0.5, 1.5]:
    total += v
values = []
values.append(total)
print(values)
