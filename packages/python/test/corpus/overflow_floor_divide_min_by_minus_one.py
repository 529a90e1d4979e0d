# The one int division that overflows: the most negative value divided by -1.
def halve_toward_minus_infinity(x, d):
    return x // d


x = -9223372036854775807 - 1
print(x // 1, x % -1, x // 2, x % 2)
for d in range(5, 1, -1):
    print(d, halve_toward_minus_infinity(x, d), x % d)
print(halve_toward_minus_infinity(x + 1, -1))
d = -1
print(halve_toward_minus_infinity(x, d))
