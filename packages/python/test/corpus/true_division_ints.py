# "/" on ints always gives a float, correctly rounded even when the ints exceed 2**53.
print(7 / 2, -7 / 2, 6 / 3, -6 / 3, 0 / 5, 1 / 3, 2 / 3)
print(10 / 4, 1 / 7, 22 / 7, 355 / 113)
print(-1 / 3, 1 / -3)

# Python divides the exact integers and rounds once; converting each to float first would be
# off by one ulp on these.
print(9007199254740993 / 3)
print(9007199254740993 / 1)
print(9223372036854775807 / 10)
print(9223372036854775807 / 9223372036854775806)
print(4611686018427387903 / 4611686018427387904)
print(-9223372036854775807 / 3)

# Mixed int and float.
print(1 / 2.0, 3.0 / 2, 1 / 0.1)

# Averages: the division result type is float even for exact quotients.
total = 0
count = 0
for n in range(1, 101):
    total += n
    count += 1
print("average", total / count)
print("exact", total // count, "remainder", total % count)
