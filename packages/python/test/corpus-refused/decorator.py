# expect: unsupported: decorator
# at: 8
# Decorators are outside the subset.
def traced(f):
    return f


@traced
def double(x):
    return 2 * x


print(double(21))
