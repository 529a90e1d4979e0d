# A negative shift count raises ValueError.
def pack(high, low, bits):
    return (high << bits) | low


def unpack_high(word, bits):
    return word >> bits


x = 1024
for s in range(2, -2, -1):
    print(f"{x} >> {s} =", x >> s)
print(pack(3, 5, 8), unpack_high(pack(3, 5, 8), 8))
print(pack(1, 1, -1))
