# A chained comparison evaluates each middle operand once and stops at the first false link.
def v(label, value):
    print("  eval", label, "->", value)
    return value


print("result:", v("a", 1) < v("b", 2) < v("c", 3))
print("result:", v("a", 1) < v("b", 0) < v("c", 3))
print("result:", v("a", 5) > v("b", 3) >= v("c", 3) > v("d", 4))
print("result:", v("a", 2) == v("b", 2) != v("c", 3))
print("result:", v("x", 1.5) <= v("y", 1.5) < v("z", 1.25))

x = 5
print(1 < x < 10, 1 < x > 3, 10 > x > 5, 0 <= x <= 5 <= 5, x == 5 == 5.0)
print(1 < 2 > 0 < 3, 3 > 2 > 1 > 0 > -1, 1 == 1 != 2 == 2)

count = 0


def bump():
    global count
    count += 1
    return count


print(0 < bump() < 5, count)
print(bump() < bump() < bump(), count)
print(bump() > 100 > bump(), count)
