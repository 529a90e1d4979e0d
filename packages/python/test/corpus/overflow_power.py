# 2**62 fits in 64 bits, 2**63 does not; (2**62 - 1) * 2 + 1 is exactly the largest int.
def power_of_two(e):
    return 2**e


for e in range(58, 63):
    print(e, 2**e, power_of_two(e))
print((2**62 - 1) * 2 + 1)
print(3**39, (-2) ** 63)
e = 63
print(power_of_two(e))
