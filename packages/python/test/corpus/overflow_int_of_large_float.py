# int() of a float beyond 2**63 needs a big int.
def truncate(x):
    return int(x)


print(int(9.2e18), int(-9.2e18), int(1e18))
print(truncate(-9.223372036854775e18), truncate(9.223372036854775e18))
x = 1e15
while x < 1e18:
    x *= 10.0
    print(x, truncate(x))
x = 1e19
print(truncate(x))
