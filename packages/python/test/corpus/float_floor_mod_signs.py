# Floor division and modulo on floats: Python's sign rules, signed zeros, infinite divisors.
inf = float("inf")


def show(a, b):
    print(a, "//", b, "=", a // b, "  ", a, "%", b, "=", a % b)


show(7.5, 2.0)
show(-7.5, 2.0)
show(7.5, -2.0)
show(-7.5, -2.0)
show(7.0, 0.5)
show(-0.0, 5.0)
show(0.0, -5.0)
show(6.0, 3.0)
show(-6.0, 3.0)
show(6.0, -3.0)
show(0.1, 0.03)
show(-0.1, 0.03)
show(1e16, 3.0)

# An int mixed with a float gives a float.
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)

# Infinite divisors.
print(5.0 % inf, -5.0 % inf, 5.0 % -inf, -5.0 % -inf)
print(5.0 // inf, -5.0 // inf, 5.0 // -inf)
print(inf // 1.0, inf % 1.0)
