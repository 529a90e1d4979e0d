# A tuple unpacked into a function's arguments: f(*t), with other arguments and keywords.
def area(width, height, scale=1):
    return width * height * scale


size = (3, 4)
print(area(*size), area(*size, 2), area(*size, scale=3))
point = (2,)
print(area(5, *point), area(*(1.5, 2.0)))
pairs = [(1, 2), (3, 4), (5, 6)]
print([area(*p) for p in pairs])
for p in pairs:
    print(area(*p, scale=10))
