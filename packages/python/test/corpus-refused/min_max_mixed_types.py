# expect: unsupported: min() of mixed types
# at: 5:7
# min/max over mixed ints, floats and bools return the first extreme argument unchanged,
# so the printed type depends on which argument wins.
print(min(1, 1.0), max(1, 1.0), min(1.0, 1), max(1.0, 1))
print(max(True, 1), max(1, True), min(False, 0), min(0, False))
print(min(-1, -1.5), max(2, 2.5, 1), max(3, 2.5), min(2.5, 3))
print(max(0.0, -0.0), max(-0.0, 0.0), min(0.0, -0.0), min(-0.0, 0.0))
print(max(True, False), min(True, 2), max(False, 0.5))


def pick_larger(a, b):
    return max(a, b)


print(pick_larger(1, 2), pick_larger(1.5, 2.5), pick_larger(True, False))
