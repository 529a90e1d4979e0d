# A variable that holds an int and then a float, and functions returning either: CPython's values,
# text and comparisons at every step.
def mean(values):
    total = 0
    for v in values:
        total += v
    if not values:
        return total
    return total / len(values)


def halve_until_small(x):
    steps = 0
    while x > 1:
        x /= 2
        steps += 1
    print("steps:", steps)
    return x


def scale(v, factor):
    if factor == 0:
        return 0
    return v * factor


total = 0
print(total, repr(total), str(total), f"{total:>5}")
total += 2.5
print(total, repr(total), f"{total:.3f}", total > 2, total == 2.5, total < 3)
total -= 0.5
print(total, total == 2, int(total), float(total), -total, abs(-total), round(total))
x = 7
x //= 2
print(x)
x /= 2
print(x, x * 2, x ** 2, x % 1, x // 1)
print(mean([1.0, 2.0, 4.0]), mean([2, 4]), mean([3]))
print(halve_until_small(10), halve_until_small(1))
print(scale(3, 0), scale(3, 1.5), scale(2.5, 2))
y = scale(4, 0)
y = y + 1
print(y, y * 3, 10 - y, y / 4, 2 ** y if y < 5 else 0)
z = 1
for k in range(5):
    if k == 3:
        z = z * 1.5
    else:
        z = z * 2
    print(k, z, bool(z), z >= 4, 4 <= z)
big = 2**70
big /= 2**69
print(big)
count = 0
count += True
print(count)
