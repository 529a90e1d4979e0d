# f-string presentation types for ints: d, b, o, x, X, with and without the # alternate form.
def hex_byte(b):
    return f"{b:02x}"


for n in range(0, 70, 9):
    print(f"{n:>3d} {n:>8b} {n:>4o} {n:>3x} {n:>3X} {n:#x} {n:#o} {n:#b} {n:#06x}")
print(f"{255:x} {-255:x} {-255:#x} {255:08b} {65535:_x} {2**40:,d}")
print(f"{1234:e} {1234:.2f} {1234:%} {1234:g}")
mask = 0xF0F0
print(f"mask={mask:#018b} hi={mask >> 8:#04x} lo={mask & 0xFF:#04x}")
color = 0x1E90FF
print("#" + hex_byte(color >> 16) + hex_byte((color >> 8) & 0xFF) + hex_byte(color & 0xFF))
print(f"{-1:b} {-8:o} {9223372036854775807:x} {-9223372036854775807 - 1:x}")
