# print() of floats uses repr: the shortest string that round-trips.
print(0.1 + 0.2)
print(0.1 * 3, 0.3, 1.1 * 1.1)
print(1e16, 1e15, 123456789012345678.0, 1234567890123456.7)
print(1e-5, 0.0001, 0.00001234, 1.5e-7)
print(-0.0, 0.0, -0.0 + 0.0, 0.0 * -1)
print(1.0, 2.5, 100.0, 1e22, 1e23, 1.7976931348623157e308)
print(5e-324, 2.2250738585072014e-308)
print(1 / 3, 2 / 3, 10 / 3, 1 / 7)
print(3.0 * 1.1, 0.7 + 0.1, 0.1 + 0.7)
print(9.999999999999999e15, 9999999999999998.0, 1e16 + 1)
print(float(10**15), float(10**16), float(2**53), float(2**63 - 1))
print(123.456, -123.456, 1e100, -1e-100)
print(4.35 * 100, 2.675 * 100, 0.57 * 100)

x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0)

y = 1.0
for i in range(60):
    y /= 2
print(y, y * 2**60)
