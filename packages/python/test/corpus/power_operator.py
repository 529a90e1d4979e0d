# The ** operator: ints stay ints, negative exponents give floats, precedence and associativity.
print(2**10, 3**4, (-3) ** 3, (-3) ** 4)
print(-(2**2), -(2**3))
print(-2**2, -2**3)
print(2**3**2, (2**3) ** 2)
print(2**-1, 10**-3, (-2) ** -3)
print(2.0**3, 2**0.5, 4**0.5, 1.5**2.5)
print(10**18, 2**62, 3**39)
print(0**0, 0**5, 1**100, (-1) ** 101)
print(0.5**-2, 1e10**2, 1e-10**3)


def power_by_squaring(base, exponent):
    result = 1
    while exponent > 0:
        if exponent % 2 == 1:
            result *= base
        base *= base
        exponent //= 2
    return result


for k in range(0, 20, 3):
    print(k, power_by_squaring(3, k), 3**k, power_by_squaring(3, k) == 3**k)

x = 5
x **= 3
print(x)
f = 2.0
f **= -2
print(f)
