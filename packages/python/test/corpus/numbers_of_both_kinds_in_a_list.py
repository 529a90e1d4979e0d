# A variable may hold an int and then a float, but a container's numbers are all of one kind.
total = 0
for v in [0.5, 1.5]:
    total += v
values = []
values.append(total)
print(values)
