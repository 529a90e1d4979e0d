# expect: unsupported: *args
# at: 4
# Variadic parameters are outside the subset.
def total(*numbers):
    result = 0
    for n in numbers:
        result += n
    return result


print(total(1, 2, 3))
