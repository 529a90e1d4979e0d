# range() with a zero step raises ValueError.
def count(start, stop, step):
    n = 0
    for _ in range(start, stop, step):
        n += 1
    return n


print(count(0, 10, 3), count(10, 0, -3))
print(count(0, 10, 0))
