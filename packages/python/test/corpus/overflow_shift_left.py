# Shifting left past bit 62 leaves 64 bits: the number grows into a big int.
def scale_up(v, k):
    return v << k


v = 1
for k in range(60, 63):
    print(k, v << k, scale_up(-v, k))
print(-1 << 63)
print(scale_up(1, 0), scale_up(5, 2))
print(scale_up(3, 62))
