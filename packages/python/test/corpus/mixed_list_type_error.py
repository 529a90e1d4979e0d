# Adding a str to an int in a mixed list raises CPython's TypeError when it happens.
values = [1, 2, "3", 4]
total = 0
for v in values:
    print("adding", repr(v))
    total = total + v
print(total)
