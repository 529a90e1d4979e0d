# math.floor, math.ceil and math.trunc return ints; round() without ndigits too.
import math

for x in range(-6, 7, 2):
    v = x * 0.75
    print(v, math.floor(v), math.ceil(v), math.trunc(v), round(v), int(v))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(2), math.ceil(2), math.trunc(-2.9999))
print(math.floor(1e15 + 0.5), math.ceil(4503599627370495.5), math.floor(-1e18))
print(math.floor(7.0) + 1, math.ceil(7.1) * 2)


def pages_needed(items, per_page):
    return math.ceil(items / per_page)


for items in range(0, 101, 25):
    print(items, "items ->", pages_needed(items, 30), "pages")

# floor division of floats vs math.floor of true division.
a = -7.0
b = 2.0
print(a // b, math.floor(a / b), -7 // 2, math.floor(-7 / 2))
