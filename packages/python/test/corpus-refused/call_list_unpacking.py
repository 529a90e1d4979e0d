# expect: unsupported: *list[int] in a call (only a tuple's length is known)
# at: 8:11
# A list's length is not known when the call is compiled, so it cannot be spread over parameters.
def add(a, b):
    return a + b


print(add(*[1, 2]))
