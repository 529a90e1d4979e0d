# The most negative 64-bit int has no positive counterpart: -x overflows.
def negate(v):
    return -v


x = -9223372036854775807 - 1
print(x, x + 1, x // 2, x % 7)
print(-(x + 1), abs(x + 1), negate(x + 1))
print(x - 0, x * 1, x + 9223372036854775807)
print(negate(x))
