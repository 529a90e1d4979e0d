# Zero raised to a negative power raises ZeroDivisionError.
def inverse_square(r):
    return r**-2


base = 2
for e in range(3, -1, -1):
    print(f"{base}**{e} =", base**e)
print(inverse_square(2), inverse_square(0.5), inverse_square(-4))
base = 0
print(base**0)
print(base**-1)
