# A big int too large for a float raises OverflowError, as CPython's conversion does.
def as_float(n):
    return float(n)


print(as_float(10**300))
print(as_float(2**1023))
print(as_float(10**400))
