# int() of an infinite float raises OverflowError in CPython itself.
def to_int(x):
    return int(x)


print(to_int(2.9), to_int(-2.9), to_int(1e15))
big = 1e308
for k in range(3):
    big *= 1.5
    print(big)
print(to_int(big * 10))
