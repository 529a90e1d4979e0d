# Big ints beside floats: conversions, true division, exact comparisons and rounding.
big = 2**80 + 1
print(float(big), big / 3, big / 2**79, (10**30) / (10**28), 1 / 2**70)
print(big > 1e24, big == float(big), float(big) == 2.0**80, 2**53 + 1 > 2.0**53, 10**400 > 1e308)
print(int(1e30), int(-2.5e20), round(1.5e25), round(123456789.5))
print(big * 0.5, 0.25 * 2**70, big - 0.5 > big - 1, -(10**20) < -1e20)
print(round(12345678901234567890, -5), round(-55, -1), round(2**70, -10), round(45, -1))
print(2**63 / 2**62, (2**64 + 2) // 2, 2**1000 // 2**999, 3**100 / 3**99)
