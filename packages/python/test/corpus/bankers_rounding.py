# round() rounds half to even, with ints, floats and ndigits (positive and negative).
for i in range(-5, 6):
    v = i + 0.5
    print(v, round(v), round(-v))

print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(2.5, 0), round(-0.5, 0), round(-0.4, 0), round(0.0001234, 5))
print(round(1234.5678, 1), round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2))
print(round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(123456789, -3), round(987, 0), round(987, 2), round(-7))
print(round(7.0), round(-7.9), round(1e15 + 0.5), round(4503599627370497.0))
print(round(0.1 + 0.2, 10), round(1 / 3, 4), round(2 / 3, 15))
print(round(5e-324, 2), round(1e300, -299), round(1.23456e-10, 12))

# Rounding prices to cents.
total = 0.0
for cents in range(1, 11):
    price = cents * 1.115
    total += round(price, 2)
    print(f"{price} -> {round(price, 2)}")
print("total", round(total, 2))
