# Sorting values that have no order between them raises CPython's TypeError.
values = [3, "b", 1]
print(values)
print(values[0] < values[2])
values.sort()
print(values)
