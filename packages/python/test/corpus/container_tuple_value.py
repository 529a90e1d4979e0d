# tuple_value: now compiled.
point = (3, 4)
print(point)
