# range with one, two and three arguments, negative steps, and loop-variable semantics.
for i in range(5):
    print(i, end=" ")
print()
for i in range(3, 8):
    print(i, end=" ")
print()
for i in range(0, 20, 6):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-5, -15, -4):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("empty", i)
for i in range(5, 0):
    print("empty", i)
for i in range(0, 5, -1):
    print("empty", i)

# The loop variable keeps its last value after the loop.
for k in range(7):
    pass
print("k after loop:", k)

# Assigning to the loop variable does not change the iteration.
for i in range(3):
    print("i =", i)
    i = 100
print("i after loop:", i)

# The range is evaluated once.
n = 3
for i in range(n):
    n += 1
print("n =", n)

total = 0
for i in range(-3, 4):
    total += i * i * i
print("sum of cubes", total)
big_sum = 0
for i in range(9223372036854775800, 9223372036854775807):
    big_sum += i - 9223372036854775800
print("near the top of int64:", big_sum)
for i in range(9223372036854775800, 9223372036854775807, 5):
    print("step 5 near the top:", i - 9223372036854775800)
for i in range(-9223372036854775801, -9223372036854775807 - 1, -4):
    print("step -4 near the bottom:", i + 9223372036854775801)
