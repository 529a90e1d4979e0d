# Shifts, masks and bitwise operators across the 64-bit boundary, with Python's signs.
values = [0, 1, -1, 2**62 - 1, 2**62, -(2**62), -(2**62) - 1, 2**63, -(2**63), 2**64 + 5, -(2**100) + 3]
for v in values:
    print(v, v << 3, v >> 3, v >> 70, v & 0xFFFF, v | (1 << 65), v ^ -1, ~v, -v, abs(v))
for shift in [0, 1, 61, 62, 63, 64, 65, 127, 128]:
    x = 1 << shift
    print(shift, x, x - 1, (x - 1).bit_length() if shift < 64 else shift, x >> (shift // 2))
mask = (1 << 64) - 1
state = 88172645463325252
for _ in range(5):
    state ^= (state << 13) & mask
    state ^= state >> 7
    state ^= (state << 17) & mask
    print(state)
print(-(2**70) // 3, -(2**70) % 3, (2**70) // -7, (2**70) % -7, divmod(-(10**25), 7))
