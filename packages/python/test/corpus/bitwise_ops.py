# Bitwise operators on 64-bit ints, including negative numbers (two's complement semantics).
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(a << 2, a >> 2, 1 << 62, (1 << 62) >> 61)
print(-1 >> 1, -8 >> 1, -9 >> 1, -1 >> 63, -1 << 3)
print(~0, ~-1, ~5, -5 & 0xFF, -1 & 0xFFFFFFFF)
print(0xDEADBEEF ^ 0xFFFFFFFF, 0xDEADBEEF & 0xFFFF, 0xDEADBEEF >> 16)
print(5 & -2, 5 | -8, -6 ^ 3)
print(1 << 0, 7 >> 10, 12345 >> 64)


def popcount(n):
    count = 0
    while n:
        count += n & 1
        n >>= 1
    return count


def is_power_of_two(n):
    return n > 0 and n & (n - 1) == 0


for n in range(0, 20):
    print(n, popcount(n), is_power_of_two(n), f"{n:05b}")

flags = 0
flags |= 1 << 3
flags |= 1 << 5
flags ^= 1 << 3
flags &= ~(1 << 7)
print("flags", flags)
