# One unannotated function called with ints, floats and bools: each call keeps its own types.
def square(x):
    return x * x


def add(a, b):
    return a + b


def mean3(a, b, c):
    return (a + b + c) / 3


def half(x):
    return x // 2


def describe(x):
    print("value:", x, "square:", square(x), "half:", half(x))


print(square(7), square(2.5), square(-3), square(True))
print(add(1, 2), add(1.5, 2), add(1, 2.25), add(0.1, 0.2), add("con", "cat"), add(True, True))
print(mean3(1, 2, 4), mean3(1.5, 2.5, 3.5), mean3(1, 2, 3))
print(half(7), half(-7), half(7.5), half(-7.5))
describe(9)
describe(9.5)
describe(-1)


def largest(a, b, c):
    result = a
    if b > result:
        result = b
    if c > result:
        result = c
    return result


print(largest(3, 9, 4), largest(2.5, -1.0, 0.5), largest(-5, -2, -9))
