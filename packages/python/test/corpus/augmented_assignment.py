# Every augmented assignment operator on ints and floats.
n = 100
n += 7
print(n)
n -= 10
print(n)
n *= 3
print(n)
n //= 4
print(n)
n %= 17
print(n)
n **= 3
print(n)
n <<= 4
print(n)
n >>= 2
print(n)
n &= 0xFF
print(n)
n |= 0x100
print(n)
n ^= 0x1FF
print(n)
m = -17
m //= 5
print(m)
m = -17
m %= 5
print(m)
x = 10.0
x /= 4
print(x)
x -= 0.5
x *= 1.5
x //= 2
print(x)
x %= 0.75
print(x)
x **= 2
print(x)
s = "ab"
s += "cd"
s += "!"
print(s)
total = 0
for i in range(1, 11):
    total += i * i
print(total)
